"""403, 404 and 500 pages in the site's style and the user's language, saying what to do;
the 500 page shows even when the database and the cache are down."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from trainees.factories import UserFactory
from trainees.models import Role

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


def database_down():
    def down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    return mock.patch.object(BaseDatabaseWrapper, "cursor", down)


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
    """No database (every query fails) and no cache."""
    with database_down():
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
    with database_down():
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
