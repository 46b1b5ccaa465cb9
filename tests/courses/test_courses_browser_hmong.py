"""Done when: each of the four demo courses can be finished in H'Mông in a real browser,
from the catalogue to completion (quizzes answered from the H'Mông words on the page, the
selling course's H5P activity played with its buttons in H'Mông)."""

import re

import pytest
from playwright.sync_api import expect

from courses.demo import load_courses_demo
from courses.demo_content import COURSES, SELLING_ACTIVITY
from courses.demo_content_translations import HMN
from tests.conftest import browser_login
from trainees.models import CourseProgress

from .test_courses_browser import TEXTS, answer, finish_lesson

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _quiet_teardown(phone_page):
    yield
    phone_page.context.set_offline(True)
    phone_page.goto("about:blank")


def right_answers(source_body, hmn_body):
    """The H'Mông labels of the right answers of a lesson's quiz."""
    for source, words in zip(source_body, hmn_body, strict=True):
        if source[0] == "quiz":
            return [w[0] for s, w in zip(source[3], words[3], strict=True) if s[1]]
    return []


def play_real_or_scam(page):
    """The selling course's Question Set, in H'Mông: True/False for each sentence."""
    activity = page.locator(".h5p-activity")
    activity.scroll_into_view_if_needed()
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(1, timeout=60_000)
    questions = SELLING_ACTIVITY["questions"]
    for i, (_text, correct) in enumerate(questions):
        question = page.locator(".question-container").nth(i)
        choice = "Muaj tseeb" if correct else "Tsis muaj tseeb"
        question.locator(".h5p-true-false-answer", has_text=re.compile(f"^{choice}$")).click()
        check = question.locator(".h5p-question-check-answer")
        expect(check).to_have_text("Kuaj xyuas")
        check.click()
        if i + 1 < len(questions):
            question.locator(".h5p-question-next").click()
        else:
            question.locator(".h5p-question-finish").click()
    expect(page.locator("[data-h5p-score]")).to_have_text(re.compile(r"4/4"), timeout=30_000)


def test_every_demo_course_finished_in_hmong(phone_page, learner, home_page):
    load_courses_demo()
    t = TEXTS["hmn"]
    page = phone_page
    browser_login(page, learner.phone, language="hmn")
    for spec in COURSES:
        words = HMN[spec["slug"]]
        page.goto("/hmn/khoa-hoc/")
        page.locator(".courses").get_by_role("link", name=re.compile(words["title"])).click()
        expect(page.locator("h1")).to_have_text(words["title"])
        first = words["lessons"][spec["lessons"][0]["slug"]]["title"]
        page.locator(".lessons").get_by_role("link", name=re.compile(re.escape(first))).click()
        for number, lesson in enumerate(spec["lessons"], start=1):
            lesson_words = words["lessons"][lesson["slug"]]
            expect(page.locator("h1")).to_have_text(lesson_words["title"])
            expect(page.locator(".notice")).to_have_count(0)  # all in H'Mông
            if any(entry[0] == "h5p" for entry in lesson["body"]):
                play_real_or_scam(page)
            answer(page, right_answers(lesson["body"], lesson_words["body"]), t["check"])
            expect(page.locator("form.quiz .feedback")).to_contain_text(t["right"])
            finish_lesson(page, t)
            if number < len(spec["lessons"]):
                page.get_by_role("link", name=t["next"]).click()
        expect(page.locator("form.complete .status")).to_contain_text(t["course_done"])
        progress = CourseProgress.objects.get(person__user=learner, course_key=spec_key(spec))
        assert progress.completed_at is not None and progress.percent == 100


def spec_key(spec):
    from courses.models import CoursePage

    return CoursePage.objects.get(locale__language_code="vi", slug=spec["slug"]).translation_key
