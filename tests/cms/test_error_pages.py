"""403, 404 and 500 pages in the site's style and the user's language, saying what to do;
the 500 page shows even when the database and the cache fail. While the database cannot be
reached, the site answers 503 "busy, try again in a minute" instead, logged once."""

import json
import logging
from unittest import mock

import pytest
from django.db import ProgrammingError
from django.db.backends.base.base import BaseDatabaseWrapper

from cms import views
from tests.conftest import database_unreachable
from trainees.factories import UserFactory
from trainees.models import LessonEvent, Role

pytestmark = pytest.mark.django_db


def test_403_says_ask_your_coordinator_for_a_team_in_the_users_language(
    client, trainer_a, commune_a
):
    client.force_login(trainer_a)
    response = client.post(f"/en/communes/{commune_a.code}/", {"name": "Thôn Mới"})
    assert response.status_code == 403
    html = response.content.decode()
    assert 'class="site-header"' in html  # the site's own page, not Django's bare one
    assert "ask your coordinator to add you to a team" in html
    assert "You are signed in as Lan" in html
    response = client.post(f"/vi/communes/{commune_a.code}/", {"name": "Thôn Mới"})
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "nhờ điều phối viên thêm bạn vào một đội" in html


def test_a_learner_sent_away_from_sessions_is_told_what_to_do(client, learner):
    client.force_login(learner)
    response = client.get("/en/sessions/")
    assert response.status_code == 403
    assert "ask your coordinator to add you to a team" in response.content.decode()


def test_404_is_in_the_users_language_with_what_to_do(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html and "Page not found" in html
    assert "ask them for it again" in html
    response = client.get("/vi/khong-co-trang-nay/")
    assert "Không tìm thấy trang" in response.content.decode()


def test_404_tells_a_trainer_that_sessions_of_other_communes_are_hidden(client, make_user):
    trainer = UserFactory(phone="0911000080", role=Role.TRAINER)
    client.force_login(trainer)
    response = client.get("/en/sessions/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert "ask your coordinator to add you to a team" in response.content.decode()


def database_broken():
    """Every query fails, and not because the database is out of reach (that is a 503)."""

    def broken(*args, **kwargs):
        raise ProgrammingError('relation "wagtailcore_site" does not exist')

    return mock.patch.object(BaseDatabaseWrapper, "cursor", broken)


@pytest.fixture
def cache_down(settings):
    """A Redis cache on a port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }


@pytest.fixture
def everything_down(cache_down):
    """No database that works (every query fails) and no cache."""
    with database_broken():
        yield


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/vi/", "vi", "Đã có lỗi xảy ra"),
        ("/en/khoa-hoc/", "en", "Something went wrong"),
    ],
)
def test_500_renders_with_the_database_and_cache_down(client, everything_down, path, lang, text):
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html
    assert "cms/site.css" in html  # the site's style


def test_500_of_the_api_is_json(client, cache_down, trainer_a):
    client.force_login(trainer_a)
    client.raise_request_exception = False
    with database_broken():
        response = client.get(
            "/api/attendance/sessions/00000000-0000-0000-0000-000000000000/roster"
        )
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_a_request_that_cannot_be_read_gets_400_in_the_users_language(client, home_page):
    """Found by the hostile sweep: a broken upload got Django's bare English "Bad Request"."""
    for language, words in (("en", "What you can do"), ("vi", "Bạn có thể làm gì")):
        response = client.generic(
            "POST",
            f"/{language}/login/",
            b"an upload with no boundary",
            content_type="multipart/form-data",
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert 'class="site-header"' in html and f'<html lang="{language}">' in html
        assert words in html
    assert "Nothing was saved" in html or "Chưa có gì được lưu" in html


# --- The database out of reach: 503 ---------------------------------------------------------


@pytest.fixture
def busy(client):
    """A browser's view of the site (no exception raised into the test), and the one warning
    of an outage heard again."""
    client.raise_request_exception = False
    views._database_warned[0] = -float(views.DATABASE_WARN_EVERY_SECONDS)
    return client


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/vi/", "vi", "Trang web đang bận. Hãy thử lại sau một phút."),
        ("/en/", "en", "The site is busy just now. Try again in a minute."),
        ("/hmn/", "hmn", "Lub vev xaib tsis khoom tam sim no. Ib feeb ntxiv sim dua."),
    ],
)
def test_with_the_database_out_of_reach_a_page_is_503_busy_in_its_language(
    busy, course_tree, path, lang, text
):
    with database_unreachable():
        response = busy.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Content-Language"] == lang
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html
    assert "cms/site.css" in html  # the site's style, with no database behind it
    assert '<meta http-equiv="refresh" content="60">' in html  # it asks again by itself
    # Back as soon as the database is.
    assert busy.get(path).status_code == 200


def test_outside_the_language_prefixes_the_busy_page_follows_the_visitors_language(busy):
    busy.cookies["django_language"] = "hmn"
    with database_unreachable():
        response = busy.get("/offline/")
    assert response.status_code == 503
    assert '<html lang="hmn">' in response.content.decode()
    with database_unreachable():
        response = busy.get("/offline/", HTTP_ACCEPT_LANGUAGE="en", HTTP_COOKIE="")
    assert "The site is busy" in response.content.decode()


def test_the_api_says_busy_in_json_in_the_users_language_and_records_nothing(
    busy, learner, course_tree
):
    busy.force_login(learner)  # a session the database will not be there to read
    busy.cookies["django_language"] = "vi"
    lesson = course_tree["lessons"][0]
    event = {"uuid": "7f0c1a52-0000-4000-8000-000000000001", "type": "opened", "lesson": lesson.pk}
    with database_unreachable():
        response = busy.post(
            "/api/progress/events/", json.dumps({"events": [event]}), "application/json"
        )
        busy.cookies["django_language"] = "hmn"
        roster = busy.get("/api/attendance/sessions/00000000-0000-0000-0000-000000000000/roster")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response.json() == {"detail": "Trang web đang bận. Hãy thử lại sau một phút."}
    assert roster.status_code == 503
    assert roster.json() == {"detail": "Lub vev xaib tsis khoom tam sim no. Ib feeb ntxiv sim dua."}
    assert not LessonEvent.objects.exists()


def test_an_outage_is_one_line_in_the_log_not_a_traceback_a_request(busy, home_page, caplog):
    with caplog.at_level(logging.INFO), database_unreachable():
        answers = [busy.get(path).status_code for path in ("/vi/", "/en/", "/hmn/")]
    assert answers == [503, 503, 503]
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [(r.name, r.levelname) for r in problems] == [("cms.views", "WARNING")]
    assert "database is unreachable" in problems[0].getMessage()
    assert problems[0].exc_info is None


def test_healthz_still_says_the_database_is_down(busy):
    with database_unreachable():
        assert busy.get("/healthz").status_code == 503
        assert busy.get("/healthz/db").content == b"database down"
        assert busy.get("/healthz/web").status_code == 200
