"""A lesson costs the same few queries however many H5P activities it holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import CampaignSettings
from courses.factories import LessonPageFactory
from courses.services import h5p_package_import
from tests.conftest import publish

from .h5p_helpers import SAMPLES

pytestmark = pytest.mark.django_db

ACTIVITIES = ["truefalse-hello-world.h5p", "multichoice.h5p", "blanks.h5p"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    # The page cache would answer without rendering; this counts a page being built.
    settings.PAGE_CACHE_SECONDS = 0


def lesson_with(course, names, slug):
    packages = []
    for name in names:
        with open(SAMPLES / name, "rb") as fh:
            packages.append(h5p_package_import(fileobj=fh))
    body = [{"type": "paragraph", "value": "<p>Chọn câu trả lời rồi bấm Kiểm tra.</p>"}]
    body += [{"type": "h5p", "value": {"activity": p.pk, "instruction": ""}} for p in packages]
    return publish(LessonPageFactory(parent=course, title=slug, slug=slug, body=body))


def queries_for(client, url):
    client.get(url)  # the first visit fills the caches (site root paths, player configs)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in captured]


def test_one_and_three_activities_cost_the_same_queries(client, course_tree, learner):
    CampaignSettings.load()  # a running site has its settings row
    course = course_tree["course"]
    one = lesson_with(course, ACTIVITIES[:1], "mot-hoat-dong")
    three = lesson_with(course, ACTIVITIES, "ba-hoat-dong")
    client.force_login(learner)
    html_one, queries_one = queries_for(client, one.url)
    html_three, queries_three = queries_for(client, three.url)
    # The learner sees one and three activities …
    assert html_one.count('class="h5p-activity"') == 1
    assert html_three.count('class="h5p-activity"') == 3
    # … for the same handful of queries.
    assert len(queries_one) == len(queries_three), "\n".join(queries_three)
    # The lesson and its packages: the course, its lessons, the players' configurations
    # and what every page needs are kept until content changes (cms.kept).
    assert len(queries_three) <= 3, "\n".join(q[:150] for q in queries_three)


def test_a_cached_player_follows_a_new_library_version(client, course_tree):
    """The player configuration is kept by content and library versions: installing a newer
    patch of a library changes the bundle the page names."""
    from courses.models import H5PLibrary

    lesson = lesson_with(course_tree["course"], ACTIVITIES[:1], "dung-sai")
    before = client.get(lesson.url).content.decode()
    lib = H5PLibrary.objects.get(machine_name="H5P.TrueFalse")
    H5PLibrary.objects.create(
        machine_name=lib.machine_name,
        major_version=lib.major_version,
        minor_version=lib.minor_version,
        patch_version=lib.patch_version + 1,
        title=lib.title,
        library_json=lib.library_json,
    )
    after = client.get(lesson.url).content.decode()
    token = lambda html: html.split("/h5p/lib/")[1].split("/")[0]  # noqa: E731
    assert token(before) != token(after)
