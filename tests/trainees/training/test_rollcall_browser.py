"""The roll call on a phone: one tap per person, search, walk-ins, and no signal."""

import pytest
from playwright.sync_api import expect

from tests.conftest import browser_login
from trainees.factories import PersonFactory, TeamFactory, TrainingSessionFactory, UserFactory
from trainees.models import Attendance, AttendanceChange, Person, Role

# serialized_rollback: flushing between browser tests would drop the role groups that a
# data migration created.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def trainer_a(commune_a):
    """A trainer made without the role groups, which a flush between live-server tests drops."""
    user = UserFactory(phone="0911000001", role=Role.TRAINER)
    TeamFactory(communes=[commune_a], members=[user])
    return user


@pytest.fixture
def session_40(commune_a, village_a):
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    names = ["Nguyễn Thị", "Giàng A", "Lý Thị", "Sùng A", "Vàng Thị"]
    for n in range(40):
        PersonFactory(
            commune=commune_a,
            village=village_a,
            full_name=f"{names[n % 5]} {chr(65 + n // 5)}{n:02d}",
            birth_year=1960 + n,
        )
    return session


def open_rollcall(page, trainer, session):
    browser_login(page, trainer.phone)
    page.goto(f"/vi/sessions/{session.uuid}/roll-call/")
    page.wait_for_selector("#roster li >> nth=39")


def wait_synced(page):
    page.wait_for_selector("#pending[data-count='0']", timeout=20_000)


def test_a_roll_call_of_40_people_takes_one_tap_each(phone_page, trainer_a, session_40):
    page = phone_page
    open_rollcall(page, trainer_a, session_40)
    buttons = page.locator("#roster .person")
    assert buttons.count() == 40
    box = buttons.first.bounding_box()
    assert box["height"] >= 48 and box["width"] >= 300  # a thumb-sized target on a phone
    for i in range(40):
        buttons.nth(i).click()
    page.wait_for_selector("#present-count[data-count='40']")
    wait_synced(page)
    assert Attendance.objects.filter(session=session_40, status="present").count() == 40
    assert set(Attendance.objects.values_list("method", flat=True)) == {"roll_call"}

    # Accent-free search as you type finds the accented names.
    page.fill("#search", "nguyen thi")
    assert page.locator("#roster li:not([hidden])").count() == 8
    page.fill("#search", "giang a a01")
    assert page.locator("#roster li:not([hidden])").count() == 1


def test_a_roll_call_without_signal_is_synced_once_after_reconnecting(
    phone_page, trainer_a, session_40
):
    page = phone_page
    open_rollcall(page, trainer_a, session_40)
    # Once the site's service worker runs, a visit keeps a copy of the page for offline use.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_selector("#roster li >> nth=39")
    page.context.set_offline(True)
    buttons = page.locator("#roster .person")
    for i in range(10):
        buttons.nth(i).click()
    # A walk-in, registered without leaving the page and without signal.
    page.click("#walkin summary")
    page.fill("#w-name", "Hờ A Dế")
    page.fill("#w-year", "1999")
    page.check("#w-consent")
    page.click("#walkin-form button[type=submit]")
    page.wait_for_selector("#pending[data-count='12']")  # 11 marks + 1 registration
    assert "12" in page.inner_text("#pending")
    assert not Attendance.objects.exists()

    # Reopened with no signal: the page, the roster and the waiting records are all there.
    page.reload()
    page.wait_for_selector("#roster li >> nth=40")
    assert page.get_attribute("#pending", "data-count") == "12"
    assert page.locator("#roster li.present").count() == 11

    # The queue waits in localStorage; reconnecting sends it once.
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_synced(page)
    assert Attendance.objects.filter(session=session_40, status="present").count() == 11
    assert AttendanceChange.objects.count() == 11
    walk_in = Person.objects.get(full_name="Hờ A Dế")
    assert walk_in.registered_by == trainer_a and walk_in.village_id == session_40.village_id

    # Nothing is sent twice: more syncs (the timer, a reload) change nothing.
    page.click("#sync-now")
    page.reload()
    page.wait_for_selector("#roster li >> nth=40")
    wait_synced(page)
    assert AttendanceChange.objects.count() == 11
    assert Person.objects.filter(full_name="Hờ A Dế").count() == 1
    assert page.locator("#roster li.present").count() == 11


def test_a_roll_call_whose_login_expired_asks_to_sign_in_and_loses_nothing(
    phone_page, trainer_a, session_40
):
    page = phone_page
    open_rollcall(page, trainer_a, session_40)
    # The login expires while the trainer keeps marking (the session cookie is gone).
    cookies = [c for c in page.context.cookies() if c["name"] != "sessionid"]
    page.context.clear_cookies()
    page.context.add_cookies(cookies)
    syncs = []
    page.on("request", lambda r: "/api/attendance/sync" in r.url and syncs.append(r.url))
    buttons = page.locator("#roster .person")
    for i in range(5):
        buttons.nth(i).click()
    login = page.locator("#sync-login")
    expect(login).to_be_visible(timeout=15_000)
    expect(login).to_contain_text("đăng nhập lại")
    assert page.get_attribute("#pending", "data-count") == "5"
    assert not Attendance.objects.exists()
    # It waits for the trainer instead of asking the server again every second.
    tried = len(syncs)
    page.wait_for_timeout(4000)
    assert len(syncs) <= tried + 1

    # Signing in again brings the trainer back to the roll call, which sends everything once.
    login.get_by_role("link").click()
    page.fill("input[name=username]", trainer_a.phone)
    page.fill("input[name=password]", "demo-pass-2026")
    page.click("form.card button[type=submit]")
    page.wait_for_url(f"**/sessions/{session_40.uuid}/roll-call/")
    wait_synced(page)
    assert Attendance.objects.filter(session=session_40, status="present").count() == 5
    expect(page.locator("#roster li.present")).to_have_count(5)
