"""Issue 8, holes 1 and 2: a mark or a roster never reaches a person outside the recorder's
scope, except someone who came to this very session."""

import datetime as dt
import json
import uuid

import pytest
from django.utils import timezone

from trainees.factories import (
    CommuneFactory,
    PersonFactory,
    ProvinceFactory,
    TrainingSessionFactory,
    VillageFactory,
)
from trainees.models import Attendance, Person, Role
from trainees.training import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def hanoi_trainer(make_user):
    """A trainer of a Hà Nội ward, with a session of their own."""
    hanoi = ProvinceFactory(code="01", name="Hà Nội", codename="ha_noi")
    ward = CommuneFactory(code="00070", name="Phường Hoàn Kiếm", province=hanoi)
    trainer = make_user(Role.TRAINER, communes=[ward], phone="0911000101")
    trainer.session = TrainingSessionFactory(commune=ward, village=VillageFactory(commune=ward))
    return trainer


@pytest.fixture
def lao_cai_villager(commune_a, village_a, trainer_a):
    """A villager registered offline by a Lào Cai trainer: the phone made their uuid."""
    reg_uuid = uuid.uuid4()
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    services.attendance_sync(
        by=trainer_a,
        registrations=[
            services.RegistrationData(
                uuid=reg_uuid,
                session=session.uuid,
                full_name="Giàng Thị Mỷ",
                consent=True,
                birth_year=1978,
                ethnicity="hmong",
                village_id=village_a.pk,
            )
        ],
    )
    return Person.objects.get(client_uuid=reg_uuid)


def test_a_known_registration_uuid_from_another_province_maps_to_nobody(
    client, hanoi_trainer, lao_cai_villager
):
    """Hole 1: re-sending a Lào Cai villager's registration uuid from a Hà Nội session, then a
    mark naming that uuid, used to mark the villager present and show their name."""
    session = hanoi_trainer.session
    stolen = lao_cai_villager.client_uuid
    result = services.attendance_sync(
        by=hanoi_trainer,
        registrations=[
            services.RegistrationData(
                uuid=stolen, session=session.uuid, full_name="Anyone", consent=True
            )
        ],
        marks=[
            services.MarkData(
                uuid=uuid.uuid4(),
                session=session.uuid,
                person_uuid=stolen,
                status="present",
                method="roll_call",
                recorded_at=timezone.now(),
            )
        ],
    )
    assert result.people == {}
    assert [e.kind for e in result.errors] == ["registration", "mark"]
    assert not Attendance.objects.filter(session=session).exists()

    # Nothing of the villager reaches the Hà Nội trainer: roster, CSV export, sign-in sheet.
    client.force_login(hanoi_trainer)
    roster = client.get(f"/api/attendance/sessions/{session.uuid}/roster").json()
    assert "Giàng Thị Mỷ" not in json.dumps(roster, ensure_ascii=False)
    for url in (
        f"/vi/sessions/{session.uuid}/attendance.csv",
        f"/vi/sessions/{session.uuid}/sheet/",
    ):
        assert "Giàng Thị Mỷ" not in client.get(url).content.decode("utf-8-sig")


def test_a_mark_by_person_id_reaches_only_people_in_scope_or_at_this_session(
    hanoi_trainer, lao_cai_villager
):
    session = hanoi_trainer.session
    mark = services.MarkData(
        uuid=uuid.uuid4(),
        session=session.uuid,
        person_id=lao_cai_villager.pk,
        status="present",
        method="roll_call",
        recorded_at=timezone.now(),
    )
    result = services.attendance_sync(by=hanoi_trainer, marks=[mark])
    assert result.marks_new == 0 and [e.kind for e in result.errors] == ["mark"]

    # Once the villager checked in to this very session by QR, the trainer may mark them
    # (late, say) — at this session, and at no other.
    Attendance.objects.create(
        session=session,
        person=lao_cai_villager,
        status="present",
        method="qr",
        recorded_at=timezone.now() - dt.timedelta(minutes=5),
        change_uuid=uuid.uuid4(),
    )
    late = services.MarkData(**{**mark.__dict__, "uuid": uuid.uuid4(), "status": "late"})
    assert services.attendance_sync(by=hanoi_trainer, marks=[late]).marks_new == 1
    assert Attendance.objects.get(session=session, person=lao_cai_villager).status == "late"
    other_session = TrainingSessionFactory(commune=session.commune, village=session.village)
    elsewhere = services.MarkData(
        **{**mark.__dict__, "uuid": uuid.uuid4(), "session": other_session.uuid}
    )
    assert services.attendance_sync(by=hanoi_trainer, marks=[elsewhere]).marks_new == 0


def test_the_roster_is_the_callers_scope_plus_who_came_and_hides_visitors_uuids(
    client, trainer_a, commune_a, village_a, commune_b
):
    """Hole 2: the roster is the people of the session's village the trainer may see, plus
    those who came to this session; a visitor's registration uuid is never sent."""
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    local = PersonFactory(commune=commune_a, village=village_a, client_uuid=uuid.uuid4())
    visitor = PersonFactory(
        commune=commune_b, village=VillageFactory(commune=commune_b), client_uuid=uuid.uuid4()
    )
    stranger = PersonFactory(commune=commune_b, village=visitor.village)
    # The visitor from the next commune checked in by QR.
    services.checkin_self(user=_account_for(visitor), session=session, person=visitor)

    client.force_login(trainer_a)
    people = {
        p["id"]: p
        for p in client.get(f"/api/attendance/sessions/{session.uuid}/roster").json()["people"]
    }
    assert set(people) == {local.pk, visitor.pk}
    assert stranger.pk not in people
    assert people[local.pk]["uuid"] == str(local.client_uuid)
    assert people[visitor.pk]["uuid"] is None
    assert people[visitor.pk]["status"] == "present"


def _account_for(person):
    from trainees.factories import UserFactory

    user = UserFactory()
    person.user = user
    person.save(update_fields=["user"])
    return user


def test_the_sync_api_refuses_a_stolen_uuid_with_a_per_record_error(
    client, hanoi_trainer, lao_cai_villager
):
    client.force_login(hanoi_trainer)
    session = hanoi_trainer.session
    body = {
        "registrations": [
            {
                "uuid": str(lao_cai_villager.client_uuid),
                "session": str(session.uuid),
                "full_name": "x",
                "consent": True,
            }
        ],
        "marks": [
            {
                "uuid": str(uuid.uuid4()),
                "session": str(session.uuid),
                "person_uuid": str(lao_cai_villager.client_uuid),
                "status": "present",
                "recorded_at": timezone.now().isoformat(),
            }
        ],
    }
    response = client.post("/api/attendance/sync", json.dumps(body), "application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["people"] == {} and data["marks_new"] == 0
    assert [e["kind"] for e in data["errors"]] == ["registration", "mark"]
