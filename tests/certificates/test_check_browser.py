"""The offline "Check a certificate" screen in a real browser, with the network cut."""

import pytest
import segno
from playwright.sync_api import expect

from certificates import services, signing
from tests.conftest import PHONE_VIEWPORT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Makes WebCrypto refuse Ed25519, as older Android WebViews do: the page must fall back to
# @noble/ed25519.
NO_WEBCRYPTO_ED25519 = """
(() => {
  const importKey = crypto.subtle.importKey.bind(crypto.subtle);
  crypto.subtle.importKey = function (format, key, algorithm, ...rest) {
    const name = typeof algorithm === "string" ? algorithm : algorithm && algorithm.name;
    if (String(name).toLowerCase() === "ed25519") {
      return Promise.reject(new DOMException("Unrecognized name", "NotSupportedError"));
    }
    return importKey(format, key, algorithm, ...rest);
  };
})();
"""


@pytest.fixture
def certificate(wagtail_base, held_session):
    person = held_session.attendances.first().person
    return services.certificate_issue(
        person=person, achievement=services.session_achievement(session=held_session)
    )


def open_check(browser, live_server, init_script=None):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE_VIEWPORT, is_mobile=True, locale="vi-VN"
    )
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    page.goto("/vi/certificates/check/")
    expect(page.locator("#check")).to_have_attribute("data-ready", "1")
    page.evaluate("navigator.serviceWorker.ready")
    # The service worker has kept the screen: it opens again with no connection.
    page.wait_for_function("caches.match('/vi/certificates/check/').then(r => !!r)", timeout=20_000)
    context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text("Kiểm tra giấy chứng nhận")
    return context, page


def check(page, text):
    page.fill("#link", text)
    page.click("#paste button")
    page.wait_for_function("document.getElementById('result').dataset.verdict !== undefined")
    verdict = page.locator("#result").get_attribute("data-verdict")
    page.evaluate("delete document.getElementById('result').dataset.verdict")
    return verdict


def one_changed(text, at):
    return text[:at] + ("B" if text[at] == "A" else "A") + text[at + 1 :]


@pytest.mark.parametrize("engine", ["webcrypto", "noble"])
def test_offline_check_accepts_a_genuine_qr_and_refuses_forgeries(
    browser, live_server, certificate, engine
):
    url = services.certificate_verify_url(certificate)
    base, _hash, payload = url.partition("#")
    stranger = signing.keyring_from(signing.key_generate(signing.keyring().kid))
    forged = signing.payload_sign(services.certificate_claims(certificate), stranger)
    context, page = open_check(
        browser, live_server, NO_WEBCRYPTO_ED25519 if engine == "noble" else None
    )
    try:
        assert check(page, url) == "good"
        result = page.locator("#result")
        assert result.get_attribute("data-engine") == engine
        expect(result).to_contain_text("Hợp lệ")
        expect(result.locator(".holder")).to_have_text(certificate.recipient_name)
        expect(result.locator(".serial")).to_have_text(certificate.serial)
        for at in (5, len(payload) // 2, len(payload) - 2):
            assert check(page, f"{base}#{one_changed(payload, at)}") == "bad"
        expect(result).to_contain_text("Không hợp lệ")
        # Signed by a key that is not in the published list (even under the same key id).
        assert check(page, f"{base}#{forged}") == "bad"
        unknown = signing.keyring_from(signing.key_generate("not-ours"))
        assert check(page, f"{base}#{signing.payload_sign({1: 'x'}, unknown)}") == "bad"
        assert check(page, "https://example.org/not-a-certificate") == "bad"
    finally:
        context.close()


def test_a_photo_of_the_qr_code_is_read_and_checked(browser, live_server, certificate, tmp_path):
    picture = tmp_path / "qr.png"
    segno.make(services.certificate_verify_url(certificate), error="m").save(
        picture, scale=6, border=4
    )
    context, page = open_check(browser, live_server)
    try:
        page.set_input_files("#photo", str(picture))
        page.wait_for_function("document.getElementById('result').dataset.verdict !== undefined")
        assert page.locator("#result").get_attribute("data-verdict") == "good"
        expect(page.locator("#result .holder")).to_have_text(certificate.recipient_name)
    finally:
        context.close()


def test_a_revoked_certificate_reads_revoked_offline_after_sync(
    browser, live_server, certificate, trainer_a
):
    url = services.certificate_verify_url(certificate)
    services.certificate_revoke(certificate=certificate, by=trainer_a, reason="Trùng người")
    context, page = open_check(browser, live_server)
    try:
        assert check(page, url) == "bad"
        expect(page.locator("#result")).to_contain_text("Đã bị thu hồi")
        expect(page.locator("#result .serial")).to_have_text(certificate.serial)
    finally:
        context.close()
