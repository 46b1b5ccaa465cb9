"""Demo courses for `load_demo_data`: real lessons in Vietnamese, English and H'Mông.

`load_courses_demo()` is idempotent: it creates what is missing (drawings, the catalogue,
courses, lessons, translations) and leaves existing pages as editors left them.
Translations are real wagtail-localize translations of the Vietnamese pages: a translation
source, a translation per language and one string translation per segment, exactly what an
editor gets from "Translate this page" and can revise in the translation editor (not
copies that the editor would have to rewrite by hand). The translated pages keep the
original's block ids, so quiz answers and progress are shared across languages. H'Mông
pages get an admin comment asking a native speaker to review them.
"""

import copy
import re
import uuid
from html import escape
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Comment, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .demo_content import COURSES, INDEX, INDEX_INTRO, SELLING_ACTIVITY
from .demo_content_translations import TRANSLATIONS
from .demo_h5p import SAMPLES_DIR
from .demo_h5p_build import build_package, question_set, true_false
from .models import CourseIndexPage, CoursePage, LessonPage
from .services import h5p_package_import

DRAWINGS = Path(__file__).parent / "static" / "courses" / "img"
H5P_KEY = "h5p:activity"  # the built H5P package, passed along with the drawings
REVIEW_NOTE = (
    "Bản dịch tiếng H'Mông này chưa được người bản ngữ kiểm tra. "
    "Cần một người H'Mông đọc lại trước khi dùng với học viên. "
    "(H'Mông translation not yet checked by a native speaker: review before use.)"
)


def _drawings() -> dict:
    """The project's SVG drawings as Wagtail images, keyed by file name."""
    Image = get_image_model()
    images = {}
    for path in sorted(DRAWINGS.glob("*.svg")):
        title = f"Minh hoạ: {path.stem}"
        image = Image.objects.filter(title=title).first()
        if image is None:
            with path.open("rb") as f:
                image = Image(title=title, file=ImageFile(f, name=path.name))
                image.save()
        images[path.name] = image
    return images


def _item(value: dict) -> dict:
    """A list item as Wagtail stores it, with its own id. wagtail-localize only offers the
    words of list items (steps, answers) for translation when they are stored this way."""
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def _block(entry, source, images, block_id=None) -> dict:
    """Raw stream data for one block; pictures and right answers come from `source`."""
    kind = entry[0]
    if kind == "p":
        data = {"type": "paragraph", "value": f"<p>{escape(entry[1])}</p>"}
    elif kind == "img":
        data = {
            "type": "image",
            "value": {"image": images[source[1]].pk, "alt": entry[2], "caption": entry[3]},
        }
    elif kind == "steps":
        steps = [
            _item(
                {
                    "image": images[src_step[0]].pk if src_step[0] else None,
                    "alt": step[1],
                    "text": step[2],
                }
            )
            for step, src_step in zip(entry[2], source[2], strict=True)
        ]
        data = {"type": "steps", "value": {"heading": entry[1], "steps": steps}}
    elif kind in ("tip", "warn"):
        callout = "tip" if kind == "tip" else "warning"
        data = {"type": "callout", "value": {"kind": callout, "text": entry[1]}}
    elif kind == "h5p":
        data = {"type": "h5p", "value": {"activity": images[H5P_KEY].pk, "instruction": entry[1]}}
    elif kind == "quiz":
        options = [
            _item({"text": option[0], "correct": src_option[1], "feedback": option[2]})
            for option, src_option in zip(entry[3], source[3], strict=True)
        ]
        data = {
            "type": "quiz",
            "value": {"question": entry[1], "kind": source[2], "options": options},
        }
    else:
        raise ValueError(kind)
    if block_id:
        data["id"] = block_id
    return data


def _body(entries, source_entries, images, ids=None) -> list:
    # Without the H5P samples there is no activity to show: the block is left out.
    pairs = [
        (entry, source)
        for entry, source in zip(entries, source_entries, strict=True)
        if source[0] != "h5p" or H5P_KEY in images
    ]
    ids = ids or [None] * len(pairs)
    return [
        _block(entry, source, images, block_id)
        for (entry, source), block_id in zip(pairs, ids, strict=True)
    ]


def _activity():
    """The selling course's H5P activity, built from the shared samples' libraries."""
    sample = SAMPLES_DIR / "questionset.h5p"
    if not sample.is_file():
        return None
    questions = [true_false(text, correct) for text, correct in SELLING_ACTIVITY["questions"]]
    package = build_package(
        sample=sample,
        title=SELLING_ACTIVITY["title"],
        main="H5P.QuestionSet-1.17",
        uses=["H5P.TrueFalse-1.6"],
        content=question_set(questions, feedback=SELLING_ACTIVITY["feedback"]),
    )
    return h5p_package_import(fileobj=package, title=SELLING_ACTIVITY["title"])


def _first_drawing(entries, images):
    """The lesson's drawing for the course page: its first picture."""
    for entry in entries:
        if entry[0] == "img":
            return images[entry[1]]
        if entry[0] == "steps":
            for step in entry[2]:
                if step[0]:
                    return images[step[0]]
    return None


def _outcomes(items) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _publish(page):
    page.save_revision().publish()
    return page


def _uuid_free(path: str) -> str:
    return re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "*", path)


def translate_page(page, locale, user=None, **fields):
    """The translation of `page` in `locale` through wagtail-localize, made when missing.

    The words come as the translated field values (`fields`); they are split into segments
    the way wagtail-localize splits the original, matched to the original's segments in
    order, and stored as string translations, so the editor sees every string translated.
    """
    # Fresh from the database: list items get their ids when saved, and the paths of the
    # segments name them.
    page = Page.objects.get(pk=page.pk).specific
    existing = page.get_translation_or_none(locale)
    recorded = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=locale
    ).exists()
    if existing is not None and recorded:
        return existing.specific, False
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)

    target = copy.copy(page)
    for name, value in fields.items():
        setattr(target, name, value)
    originals = [s for s in extract_segments(page) if isinstance(s, StringSegmentValue)]
    words = [s for s in extract_segments(target) if isinstance(s, StringSegmentValue)]
    if [_uuid_free(s.path) for s in originals] != [_uuid_free(s.path) for s in words]:
        raise ValueError(f"The {locale.language_code} words of {page.slug!r} do not fit its shape")
    by_path = {o.path: w.string.data for o, w in zip(originals, words, strict=True)}
    for segment in StringSegment.objects.filter(source=source).select_related("context"):
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=locale,
            defaults={
                "data": by_path[segment.context.path],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    # wagtail-localize would publish only once the outer transaction commits; publish the
    # revision it made here, so the page is live inside this transaction too.
    translation.save_target(user=user, publish=False)
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish(user=user)
    translated.refresh_from_db()
    return translated, True


@transaction.atomic
def load_courses_demo() -> dict:
    """Create the demo catalogue, courses and translations; return what was created."""
    from cms.models import HomePage

    created = {"courses": 0, "lessons": 0, "translations": 0}
    images = _drawings()
    activity = _activity()
    if activity is not None:
        images[H5P_KEY] = activity
    home = HomePage.objects.get(locale__language_code="vi")
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=CourseIndexPage(title=INDEX["vi"], slug="khoa-hoc", intro=INDEX_INTRO["vi"])
        )
        _publish(index)
    for page in HomePage.objects.all():
        if page.catalogue_page_id is None:
            page.catalogue_page = index
            _publish(page)

    reviewer = (
        get_user_model().objects.filter(is_staff=True).order_by("-is_superuser", "pk").first()
    )
    for spec in COURSES:
        course = CoursePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if course is None:
            course = index.add_child(
                instance=CoursePage(
                    title=spec["title"],
                    slug=spec["slug"],
                    summary=spec["summary"],
                    topic=spec["topic"],
                    level=spec["level"],
                    estimated_minutes=spec["minutes"],
                    cover_image=images[spec["cover"]],
                    learning_outcomes=_outcomes(spec["outcomes"]),
                    pass_mark=80,
                )
            )
            _publish(course)
            created["courses"] += 1
        lessons = {}
        for lesson_spec in spec["lessons"]:
            lesson = LessonPage.objects.child_of(course).filter(slug=lesson_spec["slug"]).first()
            if lesson is None:
                lesson = course.add_child(
                    instance=LessonPage(
                        title=lesson_spec["title"],
                        slug=lesson_spec["slug"],
                        summary=lesson_spec["summary"],
                        estimated_minutes=lesson_spec["minutes"],
                        cover_image=_first_drawing(lesson_spec["body"], images),
                        body=_body(lesson_spec["body"], lesson_spec["body"], images),
                    )
                )
                _publish(lesson)
                created["lessons"] += 1
            lessons[lesson_spec["slug"]] = (lesson, lesson_spec)

        for code, courses in TRANSLATIONS.items():
            words = courses.get(spec["slug"])
            if words is None:
                continue
            locale = Locale.objects.get(language_code=code)
            translate_page(index, locale, reviewer, title=INDEX[code], intro=INDEX_INTRO[code])
            course_tr, new = translate_page(
                course,
                locale,
                reviewer,
                title=words["title"],
                summary=words["summary"],
                learning_outcomes=_outcomes(words["outcomes"]),
            )
            pages = [course_tr]
            created["translations"] += new
            for slug, lesson_words in words["lessons"].items():
                lesson, lesson_spec = lessons[slug]
                ids = [child.id for child in lesson.body]
                lesson_tr, new = translate_page(
                    lesson,
                    locale,
                    reviewer,
                    title=lesson_words["title"],
                    summary=lesson_words["summary"],
                    body=_body(lesson_words["body"], lesson_spec["body"], images, ids),
                )
                pages.append(lesson_tr)
                created["translations"] += new
            if code == "hmn" and reviewer is not None:
                for page in pages:
                    _flag_for_review(page, reviewer)
    return created


def _flag_for_review(page: Page, user) -> None:
    if not Comment.objects.filter(page=page, text=REVIEW_NOTE).exists():
        Comment.objects.create(page=page, user=user, text=REVIEW_NOTE, contentpath="title")
