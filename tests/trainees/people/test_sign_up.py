"""Learners sign up by themselves (issue 9, item 6): phone, name, password, their commune found
without accents (with its province), their village if they know it; they then belong to that
commune's scope. A phone already on record gives a record of their own, flagged."""

import json

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD, browser_login
from trainees.factories import (
    CommuneFactory,
    PersonFactory,
    ProvinceFactory,
    TeamFactory,
    TrainingSessionFactory,
    UserFactory,
    VillageFactory,
)
from trainees.models import Person, Role

URL = "/vi/sign-up/"


@pytest.fixture
def y_ty(db):
    """ "Y Tý" in Lào Cai, and a namesake-ish commune elsewhere to tell apart by province."""
    lao_cai = ProvinceFactory(code="15", name="Lào Cai", codename="lao_cai")
    commune = CommuneFactory(code="02686", name="Xã Y Tý", codename="xa_y_ty", province=lao_cai)
    VillageFactory(commune=commune, name="Lao Chải")
    other = ProvinceFactory(code="12", name="Lai Châu", codename="lai_chau")
    CommuneFactory(code="03400", name="Xã Y Tý Mới", codename="xa_y_ty_moi", province=other)
    CommuneFactory(code="03401", name="Xã Bát Xát", codename="xa_bat_xat", province=lao_cai)
    return commune


@pytest.mark.django_db
def test_commune_search_ignores_accents_and_shows_the_province(client, y_ty):
    html = client.get(URL, {"q": "y ty"}).content.decode()
    assert "Xã Y Tý — Lào Cai" in html and "Xã Y Tý Mới — Lai Châu" in html
    assert "Bát Xát" not in html
    assert "No commune matches" in client.get("/en/sign-up/", {"q": "zzz"}).content.decode()


@pytest.mark.django_db
def test_sign_up_makes_a_learner_of_that_commune(client, y_ty, wagtail_base, make_user):
    village = y_ty.villages.get()
    response = client.post(
        f"{URL}?commune={y_ty.code}",
        {
            "commune": y_ty.code,
            "full_name": "  Sần  Thị Mai ",
            "phone": "0977 123 456",
            "password": "hoc-so-2026",
            "village": village.pk,
            "consent": "on",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(user__phone="+84977123456")
    assert (person.full_name, person.commune, person.village) == ("Sần Thị Mai", y_ty, village)
    assert person.user.role == Role.LEARNER and person.possible_duplicate_of is None
    # The commune's trainer sees the new learner; a trainer elsewhere does not.
    trainer = make_user(Role.TRAINER, communes=[y_ty], phone="0911000401")
    assert Person.objects.for_user(trainer).filter(pk=person.pk).exists()
    elsewhere = make_user(Role.TRAINER, communes=[CommuneFactory(code="03402")], phone="0911000402")
    assert not Person.objects.for_user(elsewhere).filter(pk=person.pk).exists()


@pytest.mark.django_db
def test_a_phone_on_record_or_taken_is_never_a_takeover(client, y_ty, home_page):
    villager = PersonFactory(commune=y_ty, full_name="Vàng Thị Dợ", phone="0977123456")
    data = {
        "commune": y_ty.code,
        "full_name": "Người Lạ",
        "phone": "0977 123 456",
        "password": "hoc-so-2026",
        "consent": "on",
    }
    response = client.post(f"{URL}?commune={y_ty.code}", data, follow=True)
    # Signed in as the newcomer: the public home page names nobody; /api/me/ names them.
    me = client.get("/api/me/", {"lang": "vi"}).json()
    html = response.content.decode() + me["account"] + str(me["messages"])
    assert "Vàng Thị Dợ" not in html and "Người Lạ" in html
    newcomer = Person.objects.get(full_name="Người Lạ")
    assert newcomer.possible_duplicate_of == villager and villager.user is None

    client.logout()
    response = client.post(f"{URL}?commune={y_ty.code}", {**data, "full_name": "Ai Đó"})
    assert response.status_code == 200
    assert "đã có tài khoản" in response.content.decode()  # "already exists. Log in instead."
    assert not Person.objects.filter(full_name="Ai Đó").exists()


@pytest.mark.django_db
def test_weak_passwords_and_bad_names_are_explained(client, y_ty):
    response = client.post(
        f"/en{URL[3:]}?commune={y_ty.code}",
        {
            "commune": y_ty.code,
            "full_name": "A\x00B",
            "phone": "0977 123 457",
            "password": "12345678",
            "consent": "on",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "entirely numeric" in html  # Django's own password rules, in the user's language
    assert "NUL" in html
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_a_commune_code_that_is_no_code_is_not_found_never_a_server_error(client, y_ty):
    """Found by the hostile sweep: a NUL byte in the code reached PostgreSQL, which refuses it."""
    client.raise_request_exception = False
    for code in ("\x00", "0268\x00", "١٢٣٤٥", "-1", "2" * 40):
        response = client.post(
            f"/en{URL[3:]}", {"commune": code, "full_name": "A", "consent": "on"}
        )
        assert response.status_code == 200, code
        assert "No commune has this code" in response.content.decode()
        response = client.get(URL, {"commune": code})
        assert response.status_code == 200, code
    assert not Person.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_learner_signs_up_on_a_phone_and_appears_in_her_communes_roster(
    phone_page, y_ty, wagtail_base, home_page
):
    page = phone_page
    page.goto(URL)
    page.fill("input[name=q]", "y ty")
    page.click("form.search button[type=submit]")
    page.click("text=Xã Y Tý — Lào Cai")
    page.fill("input[name=full_name]", "Sần Thị Mai")
    page.fill("input[name=phone]", "0977 123 456")
    page.fill("input[name=password]", PASSWORD)
    page.select_option("select[name=village]", label="Lao Chải")
    page.check("input[name=consent]")
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()
    # Welcomed by her own name, which the script fills in from /api/me/.
    expect(page.locator("body")).to_contain_text("Sần Thị Mai", timeout=15_000)

    # Her commune's trainer finds her on the roster of a session in Y Tý.
    trainer = UserFactory(phone="0911000403", role=Role.TRAINER)
    TeamFactory(communes=[y_ty], members=[trainer])
    session = TrainingSessionFactory(commune=y_ty, village=None)
    page.context.clear_cookies()
    browser_login(page, trainer.phone)
    roster = page.goto(f"/api/attendance/sessions/{session.uuid}/roster").text()
    assert "Sần Thị Mai" in json.loads(roster)["people"][0]["full_name"]
