"""Teams in the Wagtail admin: a team's communes and trainers, picked with searchable choosers.

A team is where a trainer's (and a commune coordinator's) communes come from.
"""

import pytest

from trainees.factories import CommuneFactory, TeamFactory, UserFactory
from trainees.models import Role, Team

pytestmark = pytest.mark.django_db


def team_form(name, *, communes=(), members=(), kind="youth_union"):
    """The POST data of the admin's team form (two lists of chosen items)."""
    data = {"name": name, "kind": kind}
    for prefix, field, values in [
        ("commune_links", "commune", communes),
        ("memberships", "user", members),
    ]:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(values)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for n, value in enumerate(values):
            data[f"{prefix}-{n}-{field}"] = str(value.pk)
            data[f"{prefix}-{n}-id"] = ""
    return data


@pytest.fixture
def admin(make_user):
    return make_user(Role.ADMINISTRATOR, phone="0911000040")


def test_an_administrator_sets_up_a_team_in_the_admin(client, admin, commune_a, trainer_a):
    client.force_login(admin)
    assert client.get("/admin/teams/").status_code == 200
    response = client.post(
        "/admin/teams/new/",
        team_form("Đội Bình dân học vụ số xã Bát Xát", communes=[commune_a], members=[trainer_a]),
    )
    assert response.status_code == 302
    team = Team.objects.get(name="Đội Bình dân học vụ số xã Bát Xát")
    assert list(team.communes.all()) == [commune_a]
    assert list(team.members.all()) == [trainer_a]


def test_adding_a_trainer_to_a_team_gives_them_its_communes(
    client, admin, trainer_a, commune_a, commune_b
):
    client.force_login(admin)
    response = client.post(
        "/admin/teams/new/",
        team_form("Tổ công nghệ số xã Mường Khương", communes=[commune_b], members=[trainer_a]),
    )
    assert response.status_code == 302
    client.force_login(trainer_a)
    listing = client.get("/vi/communes/").content.decode()
    assert commune_a.name in listing and commune_b.name in listing


def test_the_member_picker_lists_trainers_only_and_searches(
    client, admin, trainer_a, make_user, commune_a
):
    coordinator = make_user(
        Role.COMMUNE_COORDINATOR, communes=[commune_a], phone="0911000041", first_name="Vàng"
    )
    UserFactory(phone="0911000042", first_name="Learner", last_name="Only")
    make_user(Role.CONTENT_EDITOR, phone="0911000043", first_name="Editor")
    client.force_login(admin)
    html = client.get("/admin/trainer_chooser/").content.decode()
    assert "+84911000001" in html and "+84911000041" in html
    assert "Learner" not in html and "Editor" not in html
    # Searched by part of a name, or by the phone number as people type it.
    results = client.get("/admin/trainer_chooser/results/", {"q": "vàng"}).content.decode()
    assert "+84911000041" in results and "+84911000001" not in results
    results = client.get("/admin/trainer_chooser/results/", {"q": "0911 000 041"}).content
    assert b"+84911000041" in results and b"+84911000001" not in results
    assert coordinator.teams.exists()


def test_a_learner_cannot_be_made_a_member(client, admin, commune_a):
    learner = UserFactory(phone="0911000044")
    client.force_login(admin)
    response = client.post(
        "/admin/teams/new/", team_form("Đội", communes=[commune_a], members=[learner])
    )
    assert response.status_code == 200
    assert not Team.objects.filter(name="Đội").exists()


def test_a_team_needs_a_commune_and_names_each_commune_once(client, admin, commune_a):
    client.force_login(admin)
    response = client.post("/admin/teams/new/", team_form("Đội không xã"))
    assert response.status_code == 200
    assert not Team.objects.filter(name="Đội không xã").exists()
    response = client.post(
        "/admin/teams/new/", team_form("Đội hai lần", communes=[commune_a, commune_a])
    )
    assert response.status_code == 200
    assert not Team.objects.filter(name="Đội hai lần").exists()


def test_the_commune_picker_searches_without_accents_and_shows_the_province(
    client, admin, commune_a, province
):
    other_province = type(province).objects.create(
        code="14", name="Sơn La", kind="province", codename="son_la"
    )
    y_ty = CommuneFactory(code="02700", name="Xã Y Tý", province=province)
    namesake = CommuneFactory(code="04000", name="Xã Y Tý", province=other_province)
    client.force_login(admin)
    html = client.get("/admin/commune_chooser/results/", {"q": "y ty"}).content.decode()
    assert html.count("Xã Y Tý") == 2
    assert "Lào Cai" in html and "Sơn La" in html
    assert commune_a.name not in html
    html = client.get(
        "/admin/commune_chooser/results/", {"q": "Y TY", "province": other_province.pk}
    ).content.decode()
    assert "Sơn La" in html and "Lào Cai" not in html
    chosen = client.get(f"/admin/commune_chooser/chosen/{y_ty.pk}/").json()
    assert chosen["result"]["title"] == "Xã Y Tý — Lào Cai"
    assert namesake.pk != y_ty.pk


def test_the_team_list_names_each_teams_communes(client, admin, commune_a, commune_b):
    TeamFactory(name="Đội hình Tỉnh đoàn", communes=[commune_a, commune_b])
    client.force_login(admin)
    html = client.get("/admin/teams/").content.decode()
    assert "Đội hình Tỉnh đoàn" in html
    assert commune_a.name in html and commune_b.name in html


def test_a_trainer_cannot_open_the_team_admin_or_the_pickers(client, trainer_a):
    client.force_login(trainer_a)
    # The admin is for staff only (cms.permissions.user_can_use_admin).
    assert client.get("/admin/teams/").status_code == 403
    assert client.get("/admin/trainer_chooser/").status_code == 403


def test_a_content_editor_cannot_list_trainers(client, make_user, trainer_a):
    editor = make_user(Role.CONTENT_EDITOR, phone="0911000045")
    client.force_login(editor)
    for url in ["/admin/trainer_chooser/", "/admin/team_chooser/"]:
        response = client.get(url)
        # Wagtail turns the refusal into a redirect to the dashboard with a message.
        assert response.status_code == 302, url
        assert b"+84911000001" not in response.content


def test_the_team_picker_finds_a_team_by_a_commune_without_accents(
    client, admin, commune_a, commune_b
):
    TeamFactory(name="Đội hình Tỉnh đoàn", communes=[commune_a])
    TeamFactory(name="Tổ công nghệ số", communes=[commune_b])
    client.force_login(admin)
    html = client.get("/admin/team_chooser/results/", {"q": "muong khuong"}).content.decode()
    assert "Tổ công nghệ số" in html and "Đội hình Tỉnh đoàn" not in html
    assert "Xã Mường Khương — Lào Cai" in html


@pytest.mark.parametrize(
    "url",
    [
        "/admin/commune_chooser/chosen/abc/",
        "/admin/commune_chooser/chosen/99999999999999999999999/",
        "/admin/trainer_chooser/chosen/%00/",
        "/admin/team_chooser/chosen-multiple/?id=1&id=x&id=-3",
        "/admin/commune_chooser/results/?q=%00%00&province=nope&p=zz",
        "/admin/commune_chooser/results/?q=" + "á" * 5000,
    ],
)
def test_the_pickers_refuse_nonsense_without_an_error(client, admin, url):
    client.force_login(admin)
    assert client.get(url).status_code < 500  # (a 404 outside /vi/ is redirected there)
