"""An administrator sets a trainer or coordinator up completely in the Wagtail user admin:
role, province, and the teams that give them their communes."""

import pytest
from django.contrib.auth.models import Group

from trainees.factories import TeamFactory
from trainees.models import Role, User

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = {
    "phone": "0987 654 321",
    "first_name": "Hùng",
    "last_name": "Giàng A",
    "email": "",
    "password1": "a-long-password-2026",
    "password2": "a-long-password-2026",
    "is_active": "on",
}


@pytest.fixture
def admin(make_user, wagtail_base):
    return make_user(Role.ADMINISTRATOR, phone="0911000050")


def test_the_form_offers_role_province_and_a_searchable_team_picker(client, admin):
    client.force_login(admin)
    html = client.get("/admin/users/new/").content.decode()
    assert 'name="role"' in html and 'name="province"' in html
    assert "/admin/team_chooser/" in html  # the team is picked in a searchable modal
    assert "Trainers" not in html  # role groups follow the role; they are not ticked by hand


def test_an_administrator_creates_a_trainer_in_a_team(client, admin, commune_a, commune_b):
    team = TeamFactory(name="Đội hình xã Bát Xát", communes=[commune_a])
    client.force_login(admin)
    response = client.post(
        "/admin/users/new/", {**NEW_ACCOUNT, "role": "trainer", "team": str(team.pk)}
    )
    assert response.status_code == 302
    trainer = User.objects.get(phone="+84987654321")
    assert trainer.role == Role.TRAINER
    assert list(trainer.teams.all()) == [team]
    assert list(trainer.groups.values_list("name", flat=True)) == ["Trainers"]
    assert not trainer.is_superuser
    # The trainer now works in the team's commune, and only there.
    client.force_login(trainer)
    listing = client.get("/vi/communes/").content.decode()
    assert commune_a.name in listing and commune_b.name not in listing


def test_a_trainer_without_a_team_is_refused_with_a_reason(client, admin):
    client.force_login(admin)
    response = client.post(
        "/admin/users/new/", {**NEW_ACCOUNT, "role": "trainer"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "needs a team that works in at least one commune" in response.content.decode()
    assert not User.objects.filter(phone="+84987654321").exists()


def test_a_province_coordinator_needs_and_gets_a_province(client, admin, province, commune_a):
    client.force_login(admin)
    response = client.post("/admin/users/new/", {**NEW_ACCOUNT, "role": "province_coordinator"})
    assert response.status_code == 200
    assert not User.objects.filter(phone="+84987654321").exists()
    response = client.post(
        "/admin/users/new/",
        {**NEW_ACCOUNT, "role": "province_coordinator", "province": str(province.pk)},
    )
    assert response.status_code == 302
    coordinator = User.objects.get(phone="+84987654321")
    assert coordinator.province == province
    client.force_login(coordinator)
    assert commune_a.name in client.get("/vi/communes/").content.decode()


def test_editing_moves_a_trainer_between_teams_and_a_new_role_ends_membership(
    client, admin, trainer_a, commune_a, commune_b
):
    old_team = trainer_a.teams.get()
    new_team = TeamFactory(name="Tổ công nghệ số xã Mường Khương", communes=[commune_b])
    client.force_login(admin)
    edit = f"/admin/users/edit/{trainer_a.pk}/"
    form = {
        "phone": "0911000001",
        "first_name": "Lan",
        "last_name": "Nguyễn Thị",
        "email": "",
        "is_active": "on",
        "role": "trainer",
    }
    html = client.get(edit).content.decode()
    assert f'value="{old_team.pk}"' in html and commune_a.name in html
    # Untick the old team, add the new one.
    response = client.post(edit, {**form, "team": str(new_team.pk)})
    assert response.status_code == 302
    assert list(trainer_a.teams.all()) == [new_team]
    # A learner belongs to no team (and so sees no commune).
    response = client.post(edit, {**form, "role": "learner", "teams": [str(new_team.pk)]})
    assert response.status_code == 302
    trainer_a.refresh_from_db()
    assert trainer_a.role == Role.LEARNER and not trainer_a.teams.exists()
    assert list(trainer_a.groups.values_list("name", flat=True)) == ["Learners"]


def test_other_groups_are_kept_and_the_role_decides_administrator(client, admin, trainer_a):
    translators = Group.objects.create(name="Translators")
    team = trainer_a.teams.get()
    client.force_login(admin)
    response = client.post(
        f"/admin/users/edit/{trainer_a.pk}/",
        {
            "phone": "0911000001",
            "first_name": "Lan",
            "last_name": "Nguyễn Thị",
            "is_active": "on",
            "role": "trainer",
            "teams": [str(team.pk)],
            "groups": [str(translators.pk)],
            "is_superuser": "on",  # ignored: only the administrator role makes one
        },
    )
    assert response.status_code == 302
    trainer_a.refresh_from_db()
    assert set(trainer_a.groups.values_list("name", flat=True)) == {"Trainers", "Translators"}
    assert not trainer_a.is_superuser
    assert list(trainer_a.teams.all()) == [team]


def test_an_administrator_cannot_change_their_own_role(client, admin):
    client.force_login(admin)
    response = client.post(
        f"/admin/users/edit/{admin.pk}/",
        {"phone": "0911000050", "first_name": "A", "last_name": "B", "role": "learner"},
    )
    assert response.status_code == 302
    admin.refresh_from_db()
    assert admin.role == Role.ADMINISTRATOR and admin.is_superuser
