"""Page factories shared by the tests, the demo loader and `benchmark_lessons`."""

import wagtail_factories

from .models import CourseIndexPage, CoursePage, LessonPage, Topic


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Khoá học"
    slug = "khoa-hoc"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = "Dùng điện thoại thông minh"
    topic = Topic.SMARTPHONE_BASICS
    pass_mark = 80

    class Meta:
        model = CoursePage


def quiz_block(question, options, kind="single"):
    """Raw stream data for a quiz question: options are (text, correct, feedback)."""
    return {
        "type": "quiz",
        "value": {
            "question": question,
            "kind": kind,
            "options": [
                {"text": text, "correct": correct, "feedback": feedback}
                for text, correct, feedback in options
            ],
        },
    }


class LessonPageFactory(wagtail_factories.PageFactory):
    title = "Bài học"
    body = [
        {"type": "paragraph", "value": "<p>Điện thoại có nút nguồn ở cạnh bên.</p>"},
        {"type": "callout", "value": {"kind": "warning", "text": "Không cho ai biết mã OTP."}},
        quiz_block(
            "Ai được biết mã OTP của bạn?",
            [
                ("Chỉ mình bạn", True, "Đúng: OTP là của riêng bạn."),
                ("Cán bộ ngân hàng", False, "Sai: ngân hàng không bao giờ hỏi OTP."),
            ],
        ),
    ]

    class Meta:
        model = LessonPage
