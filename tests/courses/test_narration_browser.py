"""Narration in a real browser: a learner plays a step's clip with no signal after "Save this
course for offline"; an editor records a clip from the microphone (Chromium's fake device)
in a step's chooser and attaches it to the step."""

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.models import LessonPage, Narration
from tests.conftest import browser_login
from trainees.models import Role

from .test_narration import LESSON_URL, make_narration, narrate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PLAYING = """() => [...document.querySelectorAll('.narration audio')]
  .some(a => a.ended || a.currentTime > 0.3)"""


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_narration_plays_offline_after_saving_the_course(phone_page, course_tree):
    narrate(course_tree["lessons"][0], [make_narration(seconds=1.5), make_narration()])
    page = phone_page
    clips = []
    page.on("request", lambda r: "/media/narration/" in r.url and clips.append(r.url))
    page.goto(LESSON_URL)
    listen = page.get_by_role("button", name="Nghe bước này")
    expect(listen).to_have_count(2)
    expect(page.locator(".narration small")).to_have_count(0)  # human voices: no label
    page.wait_for_timeout(500)
    assert clips == []  # the clips load only when played (preload="none")

    page.goto("/vi/khoa-hoc/dung-dien-thoai/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.get_by_role("button", name="Lưu khoá học để học khi không có mạng").click()
    expect(page.locator(".offline-save .status")).to_have_text(
        "Đã lưu. Bạn có thể học khoá này khi không có mạng.", timeout=30_000
    )
    assert len(set(clips)) == 2  # both clips kept by "Save for offline"

    page.context.set_offline(True)
    page.goto(LESSON_URL)
    listen.first.click()
    expect(listen.first).to_have_attribute("aria-pressed", "true")
    page.wait_for_function(PLAYING, timeout=15_000)
    # Players ask parts of a file (Range); offline the service worker cuts them from the copy.
    part = page.evaluate(
        """u => fetch(u, {headers: {Range: "bytes=100-199"}}).then(r => r.arrayBuffer()
             .then(b => [r.status, b.byteLength, r.headers.get("Content-Range")]))""",
        clips[0],
    )
    assert part[:2] == [206, 100] and part[2].startswith("bytes 100-199/")
    page.goto("about:blank")


@pytest.fixture
def recording_browser(browser):
    """Chromium with a fake microphone (a beep) that needs no permission prompt, started by
    the session's Playwright."""
    recorder = browser.browser_type.launch(
        executable_path="/usr/bin/chromium",
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
        ],
    )
    yield recorder
    recorder.close()


def test_an_editor_records_a_narration_and_attaches_it_to_a_step(
    recording_browser, live_server, course_tree, make_user
):
    editor = make_user(Role.CONTENT_EDITOR, phone="0911000303")
    # A transactional test's flush empties the role groups' permissions (the editors' own
    # permissions are checked in test_narration.py): this editor holds every permission.
    editor.is_superuser = True
    editor.save()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    lesson = narrate(course_tree["lessons"][0], [None])
    context = recording_browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    context.grant_permissions(["microphone"])
    page = context.new_page()
    try:
        browser_login(page, editor.phone)
        page.goto(f"/admin/pages/{lesson.pk}/edit/")
        # The chooser's own button, not its words: Wagtail keeps a SnippetChooserBlock's
        # widget for the whole process, in the language of the first editor who opened a
        # lesson (an earlier test's, in the same process, may have been Vietnamese).
        page.locator(".snippet-chooser [data-chooser-action-choose]").first.click()
        modal = page.locator(".modal-dialog")
        modal.get_by_role("tab", name="Record or upload").click()
        modal.get_by_role("button", name="Record from the microphone").click()
        expect(modal.get_by_role("status")).to_contain_text("Recording", timeout=10_000)
        page.wait_for_timeout(2500)
        modal.get_by_role("button", name="Stop recording").click()
        expect(modal.get_by_role("status")).to_contain_text("Recorded")
        modal.locator("input[name=title]").fill("Bấm nút nguồn")
        modal.get_by_role("button", name="Save this narration").click()
        expect(modal).to_have_count(0, timeout=30_000)
        expect(page.get_by_text("Bấm nút nguồn")).to_be_visible()
        page.get_by_role("button", name="Save draft").click()
        expect(page.locator(".messages")).to_contain_text("has been updated", timeout=30_000)
    finally:
        context.close()

    clip = Narration.objects.get()
    assert clip.title == "Bấm nút nguồn" and not clip.synthetic
    assert clip.file.name.endswith(".mp3") and 1.0 <= clip.duration <= 4.5
    draft = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    steps = next(b for b in draft.body if b.block_type == "steps")
    assert steps.value["steps"][0]["narration"] == clip
