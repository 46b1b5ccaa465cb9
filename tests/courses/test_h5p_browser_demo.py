"""Several activities on one page all play (the demo's practice lesson: TrueFalse,
MultiChoice and Blanks, which share libraries of different patch versions)."""

import pytest
from playwright.sync_api import expect

from courses.demo_h5p import load_h5p_demo
from courses.models import LessonPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_three_activities_on_one_lesson_all_play(phone_page, course_tree, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    packages = load_h5p_demo()
    lesson = LessonPage.objects.get(slug="luyen-tap-tuong-tac")
    page = phone_page
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(lesson.url)
    for activity in page.locator(".h5p-activity").all():
        activity.scroll_into_view_if_needed()  # quickly: their loading overlaps
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(3, timeout=30_000)
    expect(page.locator(".h5p-activity.h5p-failed")).to_have_count(0)
    expect(page.locator(".h5p-multichoice, .h5p-blanks")).to_have_count(2)
    assert errors == []

    # GreetingCard1's library defines H5P.GreetingCard, not H5P.GreetingCard1: the learner
    # sees that the activity failed instead of an empty box.
    lesson.body = [{"type": "h5p", "value": {"activity": packages["greetingcard1.h5p"].pk}}]
    lesson.save_revision().publish()
    page.goto(lesson.url)
    expect(page.locator(".h5p-activity.h5p-failed [role=alert]")).to_be_visible(timeout=30_000)
    page.goto("about:blank")
    page.wait_for_timeout(500)
