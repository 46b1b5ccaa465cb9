"""An H5P activity on a Vietnamese page shows its buttons in Vietnamese (a real browser)."""

import pytest
from playwright.sync_api import expect

from courses.factories import LessonPageFactory
from courses.services import h5p_package_import
from tests.conftest import publish

from .h5p_helpers import TRUEFALSE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_true_false_speaks_vietnamese_on_a_vietnamese_page(phone_page, course_tree):
    with open(TRUEFALSE, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    lesson = publish(
        LessonPageFactory(
            parent=course_tree["course"],
            title="Luyện tập",
            slug="luyen-tap",
            body=[{"type": "h5p", "value": {"activity": package.pk, "instruction": "Chọn"}}],
        )
    )
    page = phone_page
    page.goto(lesson.url)
    expect(page.locator(".h5p-activity.h5p-ready")).to_have_count(1, timeout=30_000)
    check = page.locator(".h5p-question-check-answer")
    expect(check).to_have_text("Kiểm tra")
    answers = page.locator(".h5p-true-false-answer")
    expect(answers).to_have_text(["Đúng", "Sai"])
    # The author's question stays as written.
    expect(page.locator(".h5p-question-introduction")).to_contain_text("Is this false?")
    answers.first.click()
    check.click()
    expect(page.locator(".h5p-question-try-again")).to_have_text("Làm lại")
    # The score line read out to screen readers.
    expect(page.locator(".h5p-joubelui-score-bar")).to_contain_text("Bạn được 0 trên 1 điểm")
    page.goto("about:blank")
