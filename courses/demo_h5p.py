"""Demo H5P activities: the sample packages in ../shared/samples/h5p/, played in one lesson.

`load_h5p_demo()` imports every sample (the same file twice is one package, so running it
again changes nothing) and, when a demo course exists, adds a practice lesson to the first
course with the TrueFalse, MultiChoice and Blanks activities.
"""

from django.conf import settings
from django.core.exceptions import ValidationError

from .models import CoursePage, LessonPage
from .services import h5p_package_import

SAMPLES_DIR = settings.BASE_DIR.parent / "shared" / "samples" / "h5p"
LESSON_SLUG = "luyen-tap-tuong-tac"
IN_LESSON = ["truefalse-hello-world.h5p", "multichoice.h5p", "blanks.h5p"]


def load_h5p_demo(*, stdout=None) -> dict:
    def say(message):
        if stdout is not None:
            stdout.write(message)

    if not SAMPLES_DIR.is_dir():
        say(f"H5P demo skipped: no sample packages in {SAMPLES_DIR}")
        return {}
    packages = {}
    for path in sorted(SAMPLES_DIR.glob("*.h5p")):
        try:
            with open(path, "rb") as fh:
                packages[path.name] = h5p_package_import(fileobj=fh)
        except ValidationError as exc:
            say(f"H5P demo: {path.name} refused: {' '.join(exc.messages)}")
    say(f"H5P demo: {len(packages)} packages ready.")

    course = CoursePage.objects.filter(locale__language_code="vi").order_by("path").first()
    if course is None or LessonPage.objects.child_of(course).filter(slug=LESSON_SLUG).exists():
        return packages
    body = [{"type": "paragraph", "value": "<p>Luyện tập: chọn câu trả lời rồi bấm Kiểm tra.</p>"}]
    body += [
        {"type": "h5p", "value": {"activity": packages[name].pk, "instruction": ""}}
        for name in IN_LESSON
        if name in packages
    ]
    lesson = LessonPage(
        title="Luyện tập tương tác",
        slug=LESSON_SLUG,
        summary="Bài tập Đúng/Sai, trắc nghiệm và điền vào chỗ trống.",
        estimated_minutes=5,
        body=body,
    )
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    say(f"H5P demo: practice lesson added to {course.title}.")
    return packages
