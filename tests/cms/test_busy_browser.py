"""A phone while the site's database is out of reach: the service worker shows the copy of a
page it has kept, as with no signal, and a page it has not kept is the site's "busy" page."""

import pytest
from playwright.sync_api import expect

from tests.conftest import database_unreachable

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COURSE = "/vi/khoa-hoc/dung-dien-thoai/"
LESSON = "/vi/khoa-hoc/dung-dien-thoai/goi-dien/"


def test_a_kept_page_reads_while_the_site_answers_503(phone_page, course_tree, settings):
    # Pages come from the database on every visit here: the server's own page cache (which
    # would answer a kept page without the database) is not what this test is about.
    settings.PAGE_CACHE_SECONDS = 0
    page = phone_page
    page.goto(COURSE)
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()  # now under the service worker, which keeps the page on the way
    expect(page.locator("h1")).to_have_text("Dùng điện thoại")
    page.wait_for_load_state("networkidle")

    with database_unreachable():
        assert page.request.get(COURSE).status == 503  # what the server says, without the worker
        kept = page.goto(COURSE)
        assert (kept.status, kept.from_service_worker) == (200, True)
        expect(page.locator("h1")).to_have_text("Dùng điện thoại")
        # Never opened on this phone: the server's answer, in the page's language.
        answer = page.goto(LESSON)
        assert answer.status == 503
        expect(page.locator("h1")).to_have_text("Trang web đang bận")
    # Back with the database.
    page.goto(LESSON)
    expect(page.locator("h1")).to_have_text("Gọi điện")
    # Leave before the test's data is emptied (a lesson page reports when it is hidden).
    page.context.set_offline(True)
    page.goto("about:blank")
