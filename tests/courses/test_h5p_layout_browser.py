"""The practice lesson on a phone: nothing moves when its activities load, and an activity
far below is not downloaded until the learner scrolls near it (courses/h5p/room.py,
h5p-player.js)."""

import pytest
from playwright.sync_api import expect

from courses.demo_h5p import load_h5p_demo
from courses.models import LessonPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Where the lesson's parts are when the page is first laid out, before any player runs.
FIRST_LAYOUT = """
window.shifts = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => {
  if (!e.hadRecentInput) window.shifts.push(e.value);
})).observe({ type: "layout-shift", buffered: true });
document.addEventListener("DOMContentLoaded", () => {
  window.firstLayout = [...document.querySelectorAll("article.lesson > *")].map(
    (el) => { const r = el.getBoundingClientRect(); return [r.top + scrollY, r.height]; });
});
"""
LAYOUT = """[...document.querySelectorAll("article.lesson > *")].map(
  (el) => { const r = el.getBoundingClientRect(); return [r.top + scrollY, r.height]; })"""
PICTURES_SHOWN = """[...document.querySelectorAll('.h5p-activity.h5p-ready img')]
  .every((img) => img.complete && img.naturalWidth > 0)"""


@pytest.fixture
def practice(course_tree, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    packages = load_h5p_demo()
    return LessonPage.objects.get(slug="luyen-tap-tuong-tac"), packages


def test_the_text_below_an_activity_stays_put_when_it_loads(phone_page, practice):
    lesson, _packages = practice
    page = phone_page
    page.add_init_script(FIRST_LAYOUT)
    page.goto(lesson.url)
    activities = page.locator(".h5p-activity")
    expect(activities).to_have_count(3)
    for activity in activities.all():
        activity.scroll_into_view_if_needed()
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(3, timeout=30_000)
    page.wait_for_function(PICTURES_SHOWN, timeout=30_000)
    before, after = page.evaluate("window.firstLayout"), page.evaluate(LAYOUT)
    # Title, summary, the line above, each activity's box and the "I finished" button: each
    # where it was before the players ran (the TrueFalse, MultiChoice and Blanks all fit the
    # room kept for them, their pictures included).
    assert len(before) == len(after) == 7
    flat = [x for box in before for x in box]
    assert [x for box in after for x in box] == pytest.approx(flat, abs=1)
    # Inside the activities too, nothing jumps (the browser's own layout-shift score: a
    # picture arriving, the waiting line giving way); 0.1 is what Lighthouse calls good.
    shifts = page.evaluate("window.shifts")
    print("layout shifts", shifts)
    assert sum(shifts) < 0.02


def test_an_activity_far_below_loads_only_when_scrolled_near(phone_page, practice):
    lesson, packages = practice
    blanks = packages["blanks.h5p"].pk
    page = phone_page
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(lesson.url)
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(2, timeout=30_000)
    third = page.locator(".h5p-activity").nth(2)
    page.wait_for_timeout(1000)
    # The Blanks activity is a screen below: still the waiting line, nothing of it fetched.
    expect(third.locator(".h5p-wait")).to_be_visible()
    assert not [url for url in asked if f"/h5p/content/{blanks}/" in url]
    assert not [url for url in asked if f"/_bundle-0.0/{blanks}." in url]
    third.scroll_into_view_if_needed()
    expect(third).to_have_class("h5p-activity h5p-ready", timeout=30_000)
    expect(third.locator(".h5p-blanks")).to_be_visible()
    expect(third.locator(".h5p-wait")).to_have_count(0)
    assert [url for url in asked if f"/_bundle-0.0/{blanks}.js" in url]
