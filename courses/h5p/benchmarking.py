"""Shared set-up for the H5P benchmark commands: a throw-away database and media folder.

The benchmarks must not touch the developer's data, so they build a test database (as the
test runner does), point MEDIA_ROOT at a temporary folder, and remove both at the end.
"""

import contextlib
import tempfile

from django.db import connection
from django.test.utils import override_settings, setup_test_environment, teardown_test_environment


@contextlib.contextmanager
def throwaway_site(**settings_overrides):
    """A migrated test database and an empty MEDIA_ROOT, for the duration of the block."""
    with tempfile.TemporaryDirectory(prefix="h5p-bench-") as media:
        setup_test_environment()
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            with override_settings(MEDIA_ROOT=media, **settings_overrides):
                yield media
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()


def demo_site_build() -> dict:
    """The demo courses with the practice lesson, and a signed-in learner's session: the
    URLs of every live page and the session key."""
    from django.contrib.auth import get_user_model

    from cms.benchmarking import signed_in_session
    from cms.services import home_page_ensure
    from courses.demo import load_courses_demo
    from courses.demo_h5p import load_h5p_demo
    from courses.models import CourseIndexPage, CoursePage, LessonPage

    home_page_ensure(
        title="Bình dân học vụ số",
        translations={"en": {"title": "Digital literacy for all"}, "hmn": {"title": "Kawm"}},
    )
    load_courses_demo()
    load_h5p_demo()
    pages = [home_page.url for home_page in CourseIndexPage.objects.live()]
    pages += [course.url for course in CoursePage.objects.live()]
    pages += [lesson.url for lesson in LessonPage.objects.live()]
    learner = get_user_model().objects.create_user(phone="0912345679")
    return {"urls": ["/vi/", "/en/", *pages], "session": signed_in_session(learner)}
