"""A small course tree: catalogue → one course → three lessons (two with a quiz)."""

import pytest

from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    quiz_block,
)


@pytest.fixture
def wagtail_base(db):
    """What migrations create and a transactional test's flush removes: make it again.

    Browser and concurrency tests run in real transactions; the database is emptied after
    each, and pytest-django's serialized rollback is not reliable across the whole suite.
    """
    from django.conf import settings
    from django.contrib.auth.models import Group
    from wagtail.models import Locale, Page

    from trainees.services import ROLE_GROUPS

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root", locale=Locale.objects.get(language_code="vi"))
    for name in ROLE_GROUPS.values():
        Group.objects.get_or_create(name=name)


@pytest.fixture
def home_page(wagtail_base, home_page):
    return home_page


@pytest.fixture
def learner(wagtail_base, learner):
    return learner


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def course_tree(home_page):
    index = CourseIndexPageFactory(parent=home_page, title="Khoá học", slug="khoa-hoc")
    course = CoursePageFactory(
        parent=index, title="Dùng điện thoại", slug="dung-dien-thoai", pass_mark=80
    )
    lessons = [
        LessonPageFactory(parent=course, title="Bật điện thoại", slug="bat-dien-thoai"),
        LessonPageFactory(
            parent=course,
            title="Đọc tin nhắn",
            slug="doc-tin-nhan",
            body=[
                {"type": "paragraph", "value": "<p>Bấm vào biểu tượng tin nhắn.</p>"},
                quiz_block(
                    "Những tin nào có thể là lừa đảo?",
                    [
                        ("Tin báo trúng thưởng, bảo bấm vào đường link", True, "Đúng."),
                        ("Tin đòi mã OTP", True, "Đúng."),
                        ("Tin của con gọi về nhà", False, "Tin này bình thường."),
                    ],
                    kind="multiple",
                ),
            ],
        ),
        LessonPageFactory(
            parent=course,
            title="Gọi điện",
            slug="goi-dien",
            body=[{"type": "paragraph", "value": "<p>Bấm nút màu xanh để gọi.</p>"}],
        ),
    ]
    for page in [index, course, *lessons]:
        publish(page)
    return {"index": index, "course": course, "lessons": lessons}


def quiz_id(lesson):
    return next(child.id for child in lesson.body if child.block_type == "quiz")
