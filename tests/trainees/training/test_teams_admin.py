import pytest

from trainees.models import Role, Team

pytestmark = pytest.mark.django_db


def test_an_administrator_sets_up_a_team_in_the_admin(client, make_user, commune_a, trainer_a):
    admin = make_user(Role.ADMINISTRATOR, phone="0911000040")
    client.force_login(admin)
    assert client.get("/admin/teams/").status_code == 200
    response = client.post(
        "/admin/teams/new/",
        {
            "name": "Đội Bình dân học vụ số xã Bát Xát",
            "kind": "youth_union",
            "communes": [commune_a.pk],
            "members": [trainer_a.pk],
        },
    )
    assert response.status_code == 302
    team = Team.objects.get()
    assert list(team.communes.all()) == [commune_a]
    assert list(team.members.all()) == [trainer_a]


def test_a_trainer_cannot_open_the_team_admin(client, trainer_a):
    client.force_login(trainer_a)
    assert client.get("/admin/teams/").status_code == 302
