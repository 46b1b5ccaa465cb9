"""Pages are served from the database when the cache is down; /healthz says which part is.

The cache is pointed at a port where nothing listens — the shared Redis is never stopped.
"""

import logging
import socket

import pytest
from django.db import connection, connections
from django.test import override_settings

from cms.cache import redis_cache
from trainees.models import Role


def _port_where_nothing_listens() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def cache_down():
    dead = redis_cache(f"redis://127.0.0.1:{_port_where_nothing_listens()}/0")
    with override_settings(CACHES={"default": dead}):
        yield


@pytest.mark.django_db
def test_pages_and_the_admin_are_served_when_the_cache_is_down(
    client, course_tree, make_user, cache_down, caplog
):
    lesson = course_tree["lessons"][1]
    with caplog.at_level(logging.WARNING, logger="cms.cache"):
        for url in ("/vi/", course_tree["index"].url, course_tree["course"].url, lesson.url):
            response = client.get(url)
            assert response.status_code == 200, url
        assert "Đọc tin nhắn" in client.get(lesson.url).content.decode()
        admin = make_user(Role.ADMINISTRATOR, phone="0911000077")
        client.force_login(admin)
        assert client.get("/admin/").status_code == 200
        assert client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200
    # One short warning, not a traceback for every cache call.
    warnings = [r for r in caplog.records if r.name == "cms.cache"]
    assert len(warnings) == 1
    assert warnings[0].levelname == "WARNING" and warnings[0].exc_info is None
    assert "served from the database" in warnings[0].getMessage()


@pytest.mark.django_db
def test_healthz_says_degraded_with_200_when_only_the_cache_is_down(client, cache_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.decode().startswith("degraded")


@pytest.mark.django_db
def test_healthz_says_ok_when_everything_answers(client):
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_down(client):
    # A connection to a database that is not there: a port where nothing listens, or for
    # SQLite a file in a directory that does not exist. The test's own connection stays.
    down = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        down["NAME"] = "/nonexistent/directory/db.sqlite3"
    else:
        down["PORT"] = _port_where_nothing_listens()
    working = connections["default"]
    connections["default"] = working.__class__(down, "default")
    try:
        response = client.get("/healthz")
    finally:
        connections["default"].close()
        connections["default"] = working
    assert response.status_code == 503
    assert b"database" in response.content
