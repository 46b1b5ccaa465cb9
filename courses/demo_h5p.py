"""Demo H5P activities: the sample packages in ../shared/samples/h5p/, played in one lesson.

`load_h5p_demo()` imports every sample (the same file twice is one package, so running it
again changes nothing) and, when a demo course exists, adds a practice lesson to the first
course with the TrueFalse, MultiChoice and Blanks activities, in every language that course
is in.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from .models import CoursePage, LessonPage
from .services import h5p_package_import

SAMPLES_DIR = settings.BASE_DIR.parent / "shared" / "samples" / "h5p"
LESSON_SLUG = "luyen-tap-tuong-tac"
IN_LESSON = ["truefalse-hello-world.h5p", "multichoice.h5p", "blanks.h5p"]
# The practice lesson's words: title, summary, the line above the activities.
PRACTICE = {
    "vi": (
        "Luyện tập tương tác",
        "Bài tập Đúng/Sai, trắc nghiệm và điền vào chỗ trống.",
        "Luyện tập: chọn câu trả lời rồi bấm Kiểm tra.",
    ),
    "en": (
        "Interactive practice",
        "True/False, multiple-choice and fill-in-the-blanks exercises.",
        "Practice: choose an answer, then tap Check.",
    ),
    "hmn": (
        "Xyaum ua",
        "Kev xyaum Muaj tseeb los Tsis muaj tseeb, xaiv lo lus teb thiab sau rau qhov khoob.",
        "Xyaum: xaiv ib lo lus teb, ces nias Kuaj xyuas.",
    ),
}


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
    if course is None:
        return packages
    lesson = LessonPage.objects.child_of(course).filter(slug=LESSON_SLUG).first()
    if lesson is None:
        body = [{"type": "paragraph", "value": f"<p>{PRACTICE['vi'][2]}</p>"}]
        body += [
            {"type": "h5p", "value": {"activity": packages[name].pk, "instruction": ""}}
            for name in IN_LESSON
            if name in packages
        ]
        lesson = LessonPage(
            title=PRACTICE["vi"][0],
            slug=LESSON_SLUG,
            summary=PRACTICE["vi"][1],
            estimated_minutes=5,
            body=body,
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
        say(f"H5P demo: practice lesson added to {course.title}.")
    _translate_practice(lesson)
    return packages


def _translate_practice(lesson) -> None:
    """The practice lesson in English and H'Mông too, where its course is translated, so
    the course can be finished in the learner's language (the activities' buttons follow
    the page's language; their questions are the samples' own)."""
    from .demo import translate_page

    for code, (title, summary, text) in PRACTICE.items():
        locale = Locale.objects.filter(language_code=code).first()
        course = lesson.get_parent()
        if code == "vi" or locale is None or course.get_translation_or_none(locale) is None:
            continue
        body = [
            {"type": "paragraph", "value": f"<p>{text}</p>", "id": child.id}
            if child.block_type == "paragraph"
            else {
                "type": child.block_type,
                "value": child.block.get_prep_value(child.value),
                "id": child.id,
            }
            for child in lesson.specific.body
        ]
        translate_page(lesson, locale, title=title, summary=summary, body=body)
