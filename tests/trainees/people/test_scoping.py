import pytest
from django.core.exceptions import ValidationError

from trainees.factories import PersonFactory, VillageFactory
from trainees.models import Commune, Person, Role, Village
from trainees.people.services import user_assign_role

pytestmark = pytest.mark.django_db


def test_a_trainer_of_commune_a_gets_404_for_commune_b(client, trainer_a, commune_a, commune_b):
    client.force_login(trainer_a)
    assert client.get(f"/vi/communes/{commune_a.code}/").status_code == 200
    assert client.get(f"/vi/communes/{commune_b.code}/").status_code == 404


def test_the_commune_list_shows_only_the_users_communes(client, trainer_a, commune_a, commune_b):
    client.force_login(trainer_a)
    html = client.get("/vi/communes/").content.decode()
    assert commune_a.name in html
    assert commune_b.name not in html


def test_querysets_are_scoped_by_role(make_user, province, commune_a, commune_b):
    other_province_commune = Commune.objects.create(
        code="00004",
        name="Phường Hoàn Kiếm",
        kind="ward",
        codename="hk",
        province=type(province).objects.create(
            code="01", name="Hà Nội", kind="city", codename="hn"
        ),
    )
    a_person = PersonFactory(commune=commune_a)
    b_person = PersonFactory(commune=commune_b)
    PersonFactory(commune=other_province_commune)

    trainer = make_user(Role.TRAINER, communes=[commune_a], phone="0911000011")
    coordinator = make_user(Role.PROVINCE_COORDINATOR, province=province, phone="0911000012")
    admin = make_user(Role.ADMINISTRATOR, phone="0911000013")
    learner = make_user(Role.LEARNER, phone="0911000014")

    assert list(Person.objects.for_user(trainer)) == [a_person]
    assert set(Person.objects.for_user(coordinator)) == {a_person, b_person}
    assert Person.objects.for_user(admin).count() == 3
    assert not Person.objects.for_user(learner).exists()
    assert set(Commune.objects.for_user(coordinator)) == {commune_a, commune_b}


def test_anonymous_users_see_nothing(commune_a):
    from django.contrib.auth.models import AnonymousUser

    VillageFactory(commune=commune_a)
    assert not Village.objects.for_user(AnonymousUser()).exists()


def test_a_trainer_needs_a_commune(make_user):
    from django.utils import translation

    from trainees.factories import UserFactory

    with translation.override("en"), pytest.raises(ValidationError, match="at least one commune"):
        user_assign_role(user=UserFactory(), role=Role.TRAINER)


def test_a_coordinator_adds_a_village_to_their_commune(client, make_user, commune_a):
    coordinator = make_user(Role.COMMUNE_COORDINATOR, communes=[commune_a], phone="0911000021")
    client.force_login(coordinator)
    response = client.post(
        f"/vi/communes/{commune_a.code}/", {"name": "  Suối   Chải ", "kind": "village"}
    )
    assert response.status_code == 302
    assert commune_a.villages.get().name == "Suối Chải"
    # The same name again is refused with a message, and nothing is lost.
    response = client.post(
        f"/en/communes/{commune_a.code}/", {"name": "suối chải", "kind": "village"}
    )
    assert "already has a village called" in response.content.decode()
    assert commune_a.villages.count() == 1


def test_a_trainer_cannot_add_villages(client, trainer_a, commune_a):
    client.force_login(trainer_a)
    response = client.post(
        f"/vi/communes/{commune_a.code}/", {"name": "Thôn Mới", "kind": "village"}
    )
    assert response.status_code == 403
    assert not commune_a.villages.exists()


def test_a_coordinator_cannot_add_villages_outside_their_scope(
    client, make_user, commune_a, commune_b
):
    coordinator = make_user(Role.COMMUNE_COORDINATOR, communes=[commune_a], phone="0911000022")
    client.force_login(coordinator)
    response = client.post(f"/vi/communes/{commune_b.code}/", {"name": "Thôn X", "kind": "village"})
    assert response.status_code == 404
    assert not commune_b.villages.exists()
