"""H5P with no signal: "Save this course for offline" keeps what each activity needs, so the
practice lesson plays offline without having been opened online; the answer waits on the
phone and the score appears once it is sent."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import browser_login
from trainees.models import ActivitySummary

from .test_h5p_browser import answer_true_false, h5p_lesson, leave, media  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_practice_lesson_plays_offline_after_saving_the_course(
    phone_page,
    learner,
    h5p_lesson,  # noqa: F811
    course_tree,
):
    page = phone_page
    browser_login(page, learner.phone)
    opened = []
    page.on("request", lambda r: h5p_lesson.url in r.url and opened.append(r.url))
    page.goto("/vi/khoa-hoc/dung-dien-thoai/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.get_by_role("button", name="Lưu khoá học để học khi không có mạng").click()
    expect(page.locator(".offline-save .status")).to_have_text(
        "Đã lưu. Bạn có thể học khoá này khi không có mạng.", timeout=30_000
    )
    # The lesson was fetched to be kept, never opened.
    assert all(r.endswith(h5p_lesson.url) for r in opened)

    page.context.set_offline(True)
    page.goto(h5p_lesson.url)
    answer_true_false(page)
    score = page.locator("[data-h5p-score]")
    expect(score).to_have_text(re.compile("Khi có mạng"), timeout=15_000)
    assert not ActivitySummary.objects.exists()

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(score).to_have_text(re.compile(r"\d/1"), timeout=30_000)
    assert ActivitySummary.objects.get(person__user=learner).completed
    leave(page)


def kept_for_offline(page):
    """Whether the service worker keeps this page and every file it loaded from the site."""
    return page.evaluate(
        """async () => {
            const files = performance.getEntriesByType("resource").map(r => r.name)
              .filter(u => u.startsWith(location.origin + "/") &&
                           /^\\/(static|media|h5p)\\//.test(new URL(u).pathname));
            for (const u of [location.pathname + location.search, ...files]) {
              if (!(await caches.match(u, { ignoreVary: true }))) return false;
            }
            return true;
        }"""
    )


def test_a_lesson_opened_online_plays_offline(phone_page, learner, h5p_lesson, live_server):  # noqa: F811
    """The phone's first page of the site is this lesson, signed in already: the service
    worker installs while the lesson loads, so the lesson's own requests went past it. It
    must still keep them: with no signal the lesson opens again and its activity answers."""
    from django.conf import settings

    from cms.benchmarking import signed_in_session

    page = phone_page
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": signed_in_session(learner),
                "url": live_server.url,
            }
        ]
    )
    page.goto(h5p_lesson.url)
    assert page.evaluate("!navigator.serviceWorker.controller")
    page.locator(".h5p-activity").scroll_into_view_if_needed()
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(1, timeout=30_000)
    page.wait_for_function("() => navigator.serviceWorker.controller", polling=200, timeout=30_000)
    deadline = 30
    while not kept_for_offline(page) and deadline:
        page.wait_for_timeout(1000)
        deadline -= 1
    assert deadline, "the service worker did not keep the lesson within 30 s"

    page.context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text(h5p_lesson.title)
    answer_true_false(page)
    score = page.locator("[data-h5p-score]")
    expect(score).to_have_text(re.compile("Khi có mạng"), timeout=15_000)

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(score).to_have_text(re.compile(r"\d/1"), timeout=30_000)
    assert ActivitySummary.objects.get(person__user=learner).completed
    leave(page)
