"""What every page asks and rarely changes is kept in the process (cms.kept), and a change
is seen on the very next request."""

import pytest
from wagtail.models import PageViewRestriction

from cms.models import CampaignSettings
from tests.cms.test_cache_down import cache_down  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages_built_every_time(settings):
    # The page cache would answer without asking; here every visit builds the page.
    settings.PAGE_CACHE_SECONDS = 0


def test_a_restriction_added_after_visits_applies_at_once(client, course_tree):
    lesson, course = course_tree["lessons"][0], course_tree["course"]
    assert client.get(lesson.url).status_code == 200
    assert client.get(lesson.url).status_code == 200
    # On the course: every lesson under it asks for a login from now on.
    restriction = PageViewRestriction.objects.create(page=course, restriction_type="login")
    assert client.get(lesson.url).status_code == 302
    assert client.get(course_tree["lessons"][1].url).status_code == 302
    restriction.delete()
    assert client.get(lesson.url).status_code == 200


def test_new_campaign_settings_show_at_once(client, course_tree):
    url = course_tree["lessons"][0].url
    assert "0912 345 678" not in client.get(url).content.decode()
    settings = CampaignSettings.load()
    settings.hotline = "0912 345 678"
    settings.save()
    assert "0912 345 678" in client.get(url).content.decode()


def test_nothing_is_kept_while_the_cache_is_down(client, course_tree, cache_down):  # noqa: F811
    lesson = course_tree["lessons"][0]
    assert client.get(lesson.url).status_code == 200
    PageViewRestriction.objects.create(page=lesson, restriction_type="login")
    assert client.get(lesson.url).status_code == 302
