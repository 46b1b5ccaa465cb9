"""The foundation as a person on a phone sees it (Debian chromium, 360×740)."""

import pytest
from playwright.sync_api import expect

from tests.conftest import browser_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_switch_language_and_log_in_on_a_phone(phone_page, home_page, trainer_a):
    page = phone_page
    page.goto("/")
    assert page.url.endswith("/vi/")
    assert page.locator("h1").inner_text() == "Bình dân học vụ số"

    page.get_by_role("link", name="Hmoob").click()
    assert page.url.endswith("/hmn/")
    assert page.locator("h1").inner_text() == "Txhua tus neeg kawm digital"
    assert page.locator("html").get_attribute("lang") == "hmn"

    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/")
    # Every link and button in the header is big enough to tap.
    for box in [el.bounding_box() for el in page.locator(".site-header a").all()]:
        assert box["height"] >= 48

    browser_login(page, "0911 000 001", language="en")
    # The home page is public: the script fills in the account links from /api/me/.
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.get_by_role("link", name="Communes").click()
    assert "Xã Bát Xát" in page.content()


def test_a_mistyped_phone_number_is_explained(phone_page, home_page):
    page = phone_page
    page.goto("/vi/login/")
    page.fill("input[name=username]", "0912")
    page.fill("input[name=password]", "bất kỳ")
    page.click("form.card button[type=submit]")
    assert "thiếu hoặc thừa chữ số" in page.locator(".error").first.inner_text()
    # What was typed is still there to correct.
    assert page.input_value("input[name=username]") == "0912"
