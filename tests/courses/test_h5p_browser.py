"""A learner plays the TrueFalse sample in a lesson on a phone: the score reaches their progress,
also when the network drops while answering (recorded exactly once after reconnecting)."""

import re

import pytest
from playwright.sync_api import expect

from courses.factories import LessonPageFactory
from courses.services import h5p_package_import
from tests.conftest import browser_login, publish
from trainees.models import ActivityStatement, ActivitySummary, LessonProgress

from .h5p_helpers import TRUEFALSE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def h5p_lesson(course_tree):
    with open(TRUEFALSE, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    lesson = LessonPageFactory(
        parent=course_tree["course"],
        title="Luyện tập: Đúng hay Sai",
        slug="luyen-tap",
        body=[
            # A long text first, so the activity starts below the screen.
            {"type": "paragraph", "value": "<p>Đọc kỹ rồi chọn Đúng hoặc Sai.</p>" * 60},
            {"type": "h5p", "value": {"activity": package.pk, "instruction": "Chọn một"}},
        ],
    )
    publish(lesson)
    return lesson


def leave(page):
    """Leave the lesson while the server still runs: lesson.js reports the reading position
    when the page is hidden, and that request must not outlive the test database."""
    page.goto("about:blank")
    page.wait_for_timeout(500)


def answer_true_false(page):
    activity = page.locator(".h5p-activity")
    activity.scroll_into_view_if_needed()
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(1, timeout=30_000)
    page.locator(".h5p-true-false-answer").first.click()
    page.locator(".h5p-question-check-answer").click()


def test_answer_true_false_online_then_offline(phone_page, learner, h5p_lesson):
    """One live-server test on purpose: each one empties the database when it ends."""
    page = phone_page
    browser_login(page, learner.phone)
    library_requests = []
    page.on("request", lambda r: "/h5p/" in r.url and library_requests.append(r.url))
    page.goto(h5p_lesson.url)
    page.wait_for_timeout(1000)
    # Below the screen, the activity has not loaded anything yet.
    assert page.locator(".h5p-activity[data-started]").count() == 0
    assert library_requests == []
    answer_true_false(page)
    assert library_requests
    score = page.locator("[data-h5p-score]")
    expect(score).to_have_text(re.compile(r"\d/1"), timeout=15_000)
    summary = ActivitySummary.objects.get(person__user=learner)
    assert summary.completed and summary.best_max == 1
    # The learner's progress: their results page and the lesson's score.
    page.goto("/vi/activity/")
    expect(page.locator(".activity-results li")).to_contain_text(f"{summary.best_raw:g}/1")
    progress = LessonProgress.objects.get(person__user=learner)
    assert progress.best_score == round(100 * summary.best_raw)

    # Again, with the network cut while answering.
    answered = ActivityStatement.objects.filter(verb__endswith="/answered", top_level=True)
    assert answered.count() == 1
    page.goto(h5p_lesson.url)
    page.locator(".h5p-activity").scroll_into_view_if_needed()
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(1, timeout=30_000)
    page.context.set_offline(True)
    answer_true_false(page)
    queued = page.locator("[data-h5p-score]")
    expect(queued).not_to_have_text(re.compile(r"\d/1"), timeout=15_000)  # "Saved on this phone…"
    expect(queued).to_have_text(re.compile(r"\w"))
    page.wait_for_timeout(1000)
    assert answered.count() == 1
    page.context.set_offline(False)
    page.evaluate("window.bdhvsH5P.flush()")
    expect(page.locator("[data-h5p-score]")).to_have_text(re.compile(r"\d/1"), timeout=20_000)
    # Another flush and a reload must not send it again.
    page.evaluate("window.bdhvsH5P.flush()")
    page.reload()
    expect(page.locator(".h5p-activity")).to_be_visible()
    page.wait_for_timeout(1000)
    assert answered.count() == 2
    assert ActivitySummary.objects.get(person__user=learner).attempts == 2
    leave(page)
