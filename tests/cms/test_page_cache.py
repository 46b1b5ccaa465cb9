"""Public pages come from the page cache until content changes; private ones never do."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.cms.test_csp import h5p_lesson  # noqa: F401 - a fixture
from tests.conftest import publish

pytestmark = pytest.mark.django_db

URL = "/vi/khoa-hoc/dung-dien-thoai/bat-dien-thoai/"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_a_public_page_is_answered_from_the_cache_for_everyone(client, course_tree, learner):
    client.get(URL)  # the very first page of a site also makes its settings row
    first = client.get(URL)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(URL)
    assert again.content == first.content
    assert len(captured) == 0
    assert "public" in again["Cache-Control"]
    # A signed-in learner gets the same public page, from the cache too.
    client.force_login(learner)
    with CaptureQueriesContext(connection) as captured:
        theirs = client.get(URL)
    assert theirs.content == first.content
    assert len(captured) <= 2  # the session and the user, read by the middleware


def test_publishing_changes_what_visitors_see_at_once(client, course_tree):
    lesson = course_tree["lessons"][0]
    assert "Bật điện thoại" in client.get(URL).content.decode()
    lesson.title = "Bật máy lên"
    publish(lesson)
    assert "Bật máy lên" in client.get(URL).content.decode()
    # The course page lists its lessons: it changed too.
    assert "Bật máy lên" in client.get("/vi/khoa-hoc/dung-dien-thoai/").content.decode()
    lesson.unpublish()
    assert client.get(URL).status_code == 404


def test_each_language_has_its_own_page(client, course_tree):
    vi = client.get("/vi/khoa-hoc/dung-dien-thoai/").content.decode()
    en = client.get("/en/khoa-hoc/dung-dien-thoai/").content.decode()
    assert 'lang="vi"' in vi and 'lang="en"' in en


def test_a_restricted_page_is_never_kept(client, course_tree, learner):
    lesson = course_tree["lessons"][0]
    PageViewRestriction.objects.create(page=lesson, restriction_type="login")
    assert client.get(URL).status_code == 302  # to the login page
    client.force_login(learner)
    response = client.get(URL)
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    client.logout()
    assert client.get(URL).status_code == 302


def test_a_kept_lesson_playing_h5p_keeps_its_policy_exceptions(client, h5p_lesson):  # noqa: F811
    """django-csp writes the header after the view: the lesson's H5P exceptions must come
    back with the kept page, or activities that need them stay blank for the next visitor."""
    client.get(h5p_lesson.url)
    built = client.get(h5p_lesson.url)
    with CaptureQueriesContext(connection) as captured:
        kept = client.get(h5p_lesson.url)
    assert len(captured) == 0
    assert "'unsafe-eval'" in built["Content-Security-Policy"]
    assert kept["Content-Security-Policy"] == built["Content-Security-Policy"]
