"""The check screen reads a certificate's QR code from the phone's camera (Chromium's fake
camera plays a video of the printed code)."""

import pytest
import segno
from PIL import Image
from playwright.sync_api import expect

from certificates import services
from tests.conftest import PHONE_VIEWPORT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def write_y4m(picture: Image.Image, path, frames=10):
    """A few frames of `picture` as a YUV4MPEG2 (4:2:0) video, which Chromium's fake camera
    plays in a loop."""
    width, height = picture.size
    y, cb, cr = picture.convert("YCbCr").split()
    half = (width // 2, height // 2)
    planes = y.tobytes() + cb.resize(half).tobytes() + cr.resize(half).tobytes()
    with open(path, "wb") as f:
        f.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            f.write(b"FRAME\n" + planes)


def test_the_camera_reads_the_qr_code(browser, live_server, wagtail_base, held_session, tmp_path):
    person = held_session.attendances.first().person
    certificate = services.certificate_issue(
        person=person, achievement=services.session_achievement(session=held_session)
    )
    code = segno.make(services.certificate_verify_url(certificate), error="m")
    qr = tmp_path / "qr.png"
    code.save(qr, scale=5, border=4)
    scene = Image.new("RGB", (640, 480), "white")
    picture = Image.open(qr).convert("RGB")
    scene.paste(picture, ((640 - picture.width) // 2, (480 - picture.height) // 2))
    video = tmp_path / "camera.y4m"
    write_y4m(scene, video)

    # A second Chromium from the same Playwright, started with a fake camera.
    camera_browser = browser.browser_type.launch(
        executable_path="/usr/bin/chromium",
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    try:
        context = camera_browser.new_context(
            base_url=live_server.url, viewport=PHONE_VIEWPORT, locale="vi-VN"
        )
        context.grant_permissions(["camera"])
        page = context.new_page()
        page.goto("/vi/certificates/check/")
        expect(page.locator("#check")).to_have_attribute("data-ready", "1")
        page.click("#scan")
        expect(page.locator("#result")).to_have_attribute("data-verdict", "good", timeout=20_000)
        expect(page.locator("#result .holder")).to_have_text(certificate.recipient_name)
        # The camera is released once the code is read.
        assert page.locator("#video").is_hidden()
    finally:
        camera_browser.close()
