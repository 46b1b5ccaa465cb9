"""Login throttling (issue 12): wrong passwords for one phone number from one address make
that pair wait, longer each time, and the form says how long in the visitor's language.
Not a hard lock (the owner elsewhere still logs in) and not by address alone (a village on
one carrier-NAT address logs in as usual)."""

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from tests.conftest import PASSWORD
from trainees.factories import UserFactory
from trainees.models import LoginThrottle

pytestmark = pytest.mark.django_db

VILLAGE_NAT = "203.0.113.7"
ELSEWHERE = "198.51.100.20"


def login(client, phone, password, *, address=VILLAGE_NAT, lang="vi"):
    client.logout()
    response = client.post(
        f"/{lang}/login/", {"username": phone, "password": password}, REMOTE_ADDR=address
    )
    return response, bool(client.session.get("_auth_user_id"))


class Clock:
    """Moves the throttle's clock (timezone.now) forward without sleeping."""

    def __init__(self):
        self.now = timezone.now()

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock():
    c = Clock()
    with mock.patch("trainees.people.throttle.timezone.now", c):
        yield c


def test_thirty_wrong_passwords_then_the_right_one_does_not_log_in(client, clock):
    UserFactory(phone="0912345678")
    for _ in range(30):
        _response, ok = login(client, "0912345678", "wrong-guess")
        assert not ok
    response, ok = login(client, "0912345678", PASSWORD)
    assert not ok
    page = response.content.decode()
    assert "Quá nhiều lần sai mật khẩu" in page and "1 phút" in page


def test_the_cool_down_grows_and_says_how_long_in_the_visitors_language(client, clock):
    UserFactory(phone="0912345678")
    for _ in range(4):
        response, _ok = login(client, "0912345678", "wrong", lang="en")
        assert "Wrong phone number or password" in response.content.decode()
    # The fifth wrong password starts a one-minute cool-down, and the page says so.
    response, _ok = login(client, "0912345678", "wrong", lang="en")
    assert "Wait 1 minute, then try again." in response.content.decode()
    # During it even the right password is not checked.
    response, ok = login(client, "0912345678", PASSWORD, lang="en")
    assert not ok and "Wait 1 minute" in response.content.decode()
    clock.advance(30)
    response, _ok = login(client, "0912345678", PASSWORD, lang="en")
    assert "Wait 30 seconds" in response.content.decode()

    clock.advance(31)
    response, _ok = login(client, "0912345678", "wrong", lang="en")
    assert "Wait 2 minutes" in response.content.decode()
    clock.advance(121)
    response, _ok = login(client, "0912345678", "wrong", lang="vi")
    assert "Hãy chờ 4 phút" in response.content.decode()
    clock.advance(60 * 60)
    # After the cool-down the right password logs in, and the count starts again.
    _response, ok = login(client, "0912345678", PASSWORD)
    assert ok
    assert not LoginThrottle.objects.exists()
    _response, ok = login(client, "0912345678", "wrong")
    assert not ok and LoginThrottle.objects.get().failures == 1


def test_the_longest_cool_down_is_an_hour(client, clock):
    UserFactory(phone="0912345678")
    for _ in range(15):
        login(client, "0912345678", "wrong", lang="en")
        clock.advance(2 * 3600)
    response, _ok = login(client, "0912345678", "wrong", lang="en")
    assert "Wait 1 hour" in response.content.decode()


def test_however_the_number_is_written_it_counts_for_the_same_account(client, clock):
    UserFactory(phone="0912345678")
    for phone in ["0912345678", "+84912345678", "0912 345 678", "84 912 345 678", "0912.345.678"]:
        login(client, phone, "wrong")
    response, ok = login(client, "+84 912 345 678", PASSWORD)
    assert not ok and "Hãy chờ" in response.content.decode()


def test_the_owner_on_another_connection_still_logs_in(client, clock):
    UserFactory(phone="0912345678")
    for _ in range(10):
        login(client, "0912345678", "wrong", address=ELSEWHERE)
    _response, ok = login(client, "0912345678", PASSWORD, address=VILLAGE_NAT)
    assert ok


def test_a_village_behind_one_address_is_not_slowed_by_one_persons_mistakes(client, clock):
    users = [UserFactory() for _ in range(60)]
    for _ in range(10):
        login(client, users[0].phone, "wrong")
    for user in users[1:]:
        _response, ok = login(client, user.phone, PASSWORD)
        assert ok, user.phone


def test_the_admins_login_is_throttled_too(client, clock, make_user):
    from trainees.models import Role

    admin = make_user(Role.ADMINISTRATOR, phone="0900000001")
    for _ in range(5):
        client.post(
            "/admin/login/",
            {"username": "0900000001", "password": "wrong"},
            REMOTE_ADDR=VILLAGE_NAT,
            HTTP_ACCEPT_LANGUAGE="en",
        )
    response = client.post(
        "/admin/login/",
        {"username": admin.phone, "password": PASSWORD},
        REMOTE_ADDR=VILLAGE_NAT,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Wait 1 minute" in response.content.decode()
    assert not client.session.get("_auth_user_id")
    clock.advance(61)
    response = client.post(
        "/admin/login/",
        {"username": admin.phone, "password": PASSWORD},
        REMOTE_ADDR=VILLAGE_NAT,
    )
    assert response.status_code == 302 and client.session.get("_auth_user_id")


def test_the_throttle_holds_when_the_cache_is_down(client, clock, cache_down):
    UserFactory(phone="0912345678")
    for _ in range(5):
        login(client, "0912345678", "wrong")
    _response, ok = login(client, "0912345678", PASSWORD)
    assert not ok
