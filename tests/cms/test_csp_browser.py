"""Done when (issue 12): the H5P player, the roll call and the admin work in a real browser
under the Content-Security-Policy, with no violation reported — neither by the page
(`securitypolicyviolation` events, console errors) nor to the site's report endpoint."""

import logging
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from courses.demo import _activity as real_or_scam_package
from courses.demo_h5p import LESSON_SLUG, load_h5p_demo
from courses.factories import LessonPageFactory
from courses.models import LessonPage
from tests.conftest import browser_login, publish
from tests.csp_watch import watch
from trainees.factories import PersonFactory, TrainingSessionFactory
from trainees.models import Attendance, Role, SessionTopic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def reports(caplog):
    """What browsers sent to the report endpoint (cms.views.csp_report) during the test."""
    caplog.set_level(logging.WARNING, logger="cms.csp")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "cms.csp"]


def leave(page):
    """Leave while the live server still runs (reports and beacons finish first)."""
    page.wait_for_timeout(500)
    page.goto("about:blank")
    page.wait_for_timeout(300)


def policy_of(response) -> dict:
    header = response.headers.get("content-security-policy", "")
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_h5p_activities_play_under_the_policy(phone_page, course_tree, learner, reports):
    page = phone_page
    found = watch(page)
    load_h5p_demo()
    practice = LessonPage.objects.get(slug=LESSON_SLUG)
    scam = LessonPageFactory(
        parent=course_tree["course"],
        title="Thật hay lừa đảo?",
        slug="that-hay-lua-dao",
        body=[{"type": "h5p", "value": {"activity": real_or_scam_package().pk}}],
    )
    publish(scam)
    browser_login(page, learner.phone)

    # A lesson without activities keeps the site's policy: no eval, no inline style.
    plain = policy_of(page.goto(course_tree["lessons"][0].url))
    assert plain["script-src"] == ["'self'"]
    assert "style-src-attr" not in plain

    # The practice lesson: True/False, multiple choice and blanks, answered.
    response = page.goto(practice.url)
    assert policy_of(response)["script-src"] == ["'self'", "'unsafe-eval'"]
    for activity in page.locator(".h5p-activity").all():
        activity.scroll_into_view_if_needed()
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(3, timeout=60_000)
    true_false = page.locator(".h5p-activity").first
    true_false.locator(".h5p-true-false-answer").first.click()
    true_false.locator(".h5p-question-check-answer").click()
    expect(true_false.locator("[data-h5p-score]")).to_have_text(re.compile(r"\d/1"), timeout=30_000)

    # The selling course's Question Set (EmbeddedJS templates, which need eval).
    page.goto(scam.url)
    page.locator(".h5p-activity").scroll_into_view_if_needed()
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(1, timeout=60_000)
    first = page.locator(".question-container").first
    first.locator(".h5p-true-false-answer").first.click()
    first.locator(".h5p-question-check-answer").click()
    expect(first.locator(".h5p-question-next")).to_be_visible()
    leave(page)
    assert found == []
    assert reports() == []


@pytest.mark.csp_violations_expected
def test_h5p_may_load_nothing_from_other_sites(phone_page, live_server, course_tree, reports):
    """The Course Presentation sample embeds a Twitter feed: it plays, without the feed."""
    page = phone_page
    found = watch(page)
    packages = load_h5p_demo()
    lesson = LessonPageFactory(
        parent=course_tree["course"],
        title="Trình chiếu",
        slug="trinh-chieu",
        body=[{"type": "h5p", "value": {"activity": packages["coursepresentation.h5p"].pk}}],
    )
    publish(lesson)
    page.goto(lesson.url)
    page.locator(".h5p-activity").scroll_into_view_if_needed()
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(1, timeout=60_000)
    expect(page.locator(".h5p-course-presentation")).to_be_visible()
    leave(page)
    here = urlsplit(live_server.url).netloc
    blocked = [v for v in found if "blocked" in v]
    assert blocked, "the Twitter feed's script was not blocked"
    assert all(urlsplit(v["blocked"]).netloc not in ("", here) for v in blocked), blocked


@pytest.fixture
def session(trainer_a, commune_a, village_a):
    session = TrainingSessionFactory(commune=commune_a, village=village_a, checkin_open=True)
    for n in range(5):
        PersonFactory(commune=commune_a, village=village_a, full_name=f"Giàng A Páo {n}")
    return session


def test_the_roll_call_and_session_pages_work_under_the_policy(
    phone_page, trainer_a, session, reports
):
    page = phone_page
    found = watch(page)
    SessionTopic.objects.create(code="zalo-thon", name="Vào nhóm Zalo của thôn")
    browser_login(page, trainer_a.phone)

    # New session: one tap on a topic fills in the title (trainees/session-form.js).
    page.goto("/vi/sessions/new/")
    page.click("[data-topic='Vào nhóm Zalo của thôn']")
    expect(page.locator("#id_title")).to_have_value("Vào nhóm Zalo của thôn")

    # The session's check-in QR code changes every 30 seconds (trainees/session-qr.js).
    page.clock.install()
    page.goto(f"/vi/sessions/{session.uuid}/")
    first_src = page.get_attribute("#qr", "src")
    page.clock.fast_forward(31_000)
    expect(page.locator("#qr")).not_to_have_attribute("src", first_src)

    # The roll call: taps, synced; then reopened with no signal from the service worker.
    page.goto(f"/vi/sessions/{session.uuid}/roll-call/")
    page.wait_for_selector("#roster li >> nth=4")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    buttons = page.locator("#roster .person")
    for i in range(3):
        buttons.nth(i).click()
    page.wait_for_selector("#pending[data-count='0']", timeout=20_000)
    assert Attendance.objects.filter(session=session, status="present").count() == 3
    page.context.set_offline(True)
    page.reload()
    page.wait_for_selector("#roster li >> nth=4")
    expect(page.locator("#roster li.present")).to_have_count(3)
    page.context.set_offline(False)
    leave(page)
    assert found == []
    assert reports() == []


def test_the_admin_works_under_its_own_policy(phone_page, course_tree, make_user, reports):
    page = phone_page
    page.set_viewport_size({"width": 1280, "height": 900})
    found = watch(page)
    packages = load_h5p_demo()
    practice = LessonPage.objects.get(slug=LESSON_SLUG)
    make_user(Role.ADMINISTRATOR, phone="0911000070", is_superuser=True)
    browser_login(page, "0911000070")

    response = page.goto("/admin/")
    policy = policy_of(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    expect(page.locator("h1")).to_be_visible()

    # Edit a lesson with activities: StreamField, rich text, the H5P chooser, the preview.
    page.goto(f"/admin/pages/{practice.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(practice.title)
    page.fill("#id_title", "Luyện tập tương tác (sửa)")
    page.click("button[data-side-panel-toggle='preview']")
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator(".h5p-activity.h5p-ready").first).to_be_visible(timeout=60_000)
    page.click("button[data-side-panel-toggle='preview']")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/admin/pages/**")
    assert LessonPage.objects.get(pk=practice.pk).get_latest_revision().content["title"] == (
        "Luyện tập tương tác (sửa)"
    )

    # The H5P packages and the people screens.
    page.goto("/admin/snippets/courses/h5ppackage/")
    expect(page.get_by_text(packages["multichoice.h5p"].title).first).to_be_visible()
    page.goto("/admin/users/new/")
    expect(page.locator("#id_phone")).to_be_visible()
    page.goto("/admin/teams/new/")
    expect(page.locator("#id_name")).to_be_visible()
    leave(page)
    assert found == []
    assert reports() == []
