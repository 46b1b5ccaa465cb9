"""A small course tree: catalogue → one course → three lessons (two with a quiz)."""

import pytest

from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    quiz_block,
)


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
