"""Rate limits (issue 12): the public and costly endpoints answer 429 with Retry-After —
JSON for the API, a page in the visitor's language for people — while a village behind one
carrier-NAT address still checks in by QR at 60 people a minute. With the cache down the
limits fail open, with a warning in the log (cms/ratelimit.py says why)."""

import json
import logging
import uuid

import pytest
from django.test import Client

from cms.settings import base
from trainees.factories import TrainingSessionFactory
from trainees.models import Attendance
from trainees.training import services

pytestmark = pytest.mark.django_db

VILLAGE_NAT = "203.0.113.7"


@pytest.fixture
def real_limits(settings, monkeypatch):
    """The production limits, on a clock that stays in one window."""
    settings.RATE_LIMITS = base.RATE_LIMITS
    settings.RATE_LIMIT_EXEMPT_ADDRESSES = []
    # A clock that stands still, at a time of its own: the in-process cache outlives a test.
    now = 1_800_000_000.0 + uuid.uuid4().int % 10**6 * 3600
    monkeypatch.setattr("cms.ratelimit.clock", lambda: now)
    return settings


def test_sixty_people_check_in_by_qr_in_a_minute_from_one_address(
    real_limits, commune_a, village_a
):
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    token = services.checkin_token_make(session)
    url = f"/vi/checkin/{session.uuid}/"
    for i in range(60):
        phone = Client(REMOTE_ADDR=VILLAGE_NAT)
        assert phone.get(url, {"t": token}).status_code == 302
        assert phone.get(url).status_code == 200
        response = phone.post(
            url,
            {
                "reg-full_name": f"Người Học {i}",
                "reg-phone": f"098765{i:04d}",
                "reg-password": "hoc-so-2026",
                "reg-birth_year": "1990",
                "reg-village": village_a.pk,
                "reg-consent": "on",
            },
        )
        assert response.status_code == 200, i
    assert Attendance.objects.filter(session=session, status="present").count() == 60

    # A flood from the same address beyond the minute's budget is told to wait.
    flood = Client(REMOTE_ADDR=VILLAGE_NAT)
    codes = [flood.get(url, {"t": "forged"}).status_code for _ in range(70)]
    assert codes[:60] == [403] * 60 and codes[-1] == 429
    response = flood.get(url, {"t": "forged"})
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Vui lòng chờ" in response.content.decode()
    # Another address is not affected.
    assert Client(REMOTE_ADDR="198.51.100.1").get(url, {"t": "forged"}).status_code == 403


def test_the_sync_api_answers_429_in_json_with_retry_after(
    real_limits, client, trainer_a, make_user
):
    client.force_login(trainer_a)
    body = json.dumps({"registrations": [], "marks": []})
    codes = [
        client.post("/api/attendance/sync", body, "application/json").status_code for _ in range(61)
    ]
    assert codes[:60] == [200] * 60 and codes[60] == 429
    response = client.post(
        "/api/attendance/sync", body, "application/json", HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 429 and response["Content-Type"] == "application/json"
    assert int(response["Retry-After"]) >= 1
    assert "Vui lòng chờ" in response.json()["detail"]
    # Counted per account: another trainer on the same address syncs on.
    other = Client()
    other.force_login(make_user(phone="0911000777"))
    assert other.post("/api/attendance/sync", body, "application/json").status_code != 429


def test_random_roster_lookups_are_limited(real_limits, client, trainer_a):
    client.force_login(trainer_a)
    codes = [
        client.get(f"/api/attendance/sessions/{uuid.uuid4()}/roster").status_code
        for _ in range(100)
    ]
    assert set(codes[:60]) == {404} and codes[-1] == 429


def test_xapi_statements_are_limited(real_limits, client, learner):
    real_limits.RATE_LIMITS = {
        **base.RATE_LIMITS,
        "trainees:xapi_statements": {**base.RATE_LIMITS["trainees:xapi_statements"], "limit": 3},
    }
    client.force_login(learner)
    codes = [
        client.post("/en/activity/statements/", "{}", "application/json").status_code
        for _ in range(4)
    ]
    assert codes[:3] == [422] * 3 and codes[3] == 429
    response = client.post("/en/activity/statements/", "{}", "application/json")
    assert response.json()["detail"].startswith("Too many requests. Please wait")


def test_sign_up_is_limited_per_address_with_a_page_in_the_visitors_language(real_limits):
    browser = Client(REMOTE_ADDR=VILLAGE_NAT)
    codes = [browser.post("/en/sign-up/", {"commune": "99999"}).status_code for _ in range(31)]
    assert 429 not in codes[:30] and codes[30] == 429
    response = browser.post("/en/sign-up/", {"commune": "99999"})
    page = response.content.decode()
    assert response.status_code == 429 and "Please wait" in page and "minute" in page
    assert int(response["Retry-After"]) <= 600
    assert response["Cache-Control"] == "private, no-store"
    # Looking for one's commune (GET) is not counted.
    assert browser.get("/en/sign-up/", {"q": "bat xat"}).status_code == 200


def test_with_the_cache_down_the_limits_fail_open_with_a_warning(
    real_limits, client, trainer_a, cache_down, caplog
):
    client.force_login(trainer_a)
    with caplog.at_level(logging.WARNING, logger="cms.ratelimit"):
        codes = {
            client.get(f"/api/attendance/sessions/{uuid.uuid4()}/roster").status_code
            for _ in range(70)
        }
    assert codes == {404}
    warnings = [r for r in caplog.records if r.name == "cms.ratelimit"]
    assert warnings and "rate limits are not enforced" in warnings[0].getMessage()
