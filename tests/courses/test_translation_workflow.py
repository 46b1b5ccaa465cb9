"""wagtail-localize: "Translate this page" never publishes Vietnamese words as if they were
English or H'Mông; until a translation is complete the page says it is (partly) Vietnamese.
Slugs are ASCII so a URL reads the same in every language."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from courses.factories import LessonPageFactory
from courses.models import CoursePage, LessonPage
from trainees.models import Role

pytestmark = pytest.mark.django_db

NOT_TRANSLATED = "This page has not been translated into your language yet"
PARTLY = "This page has not been fully translated into your language yet"
URL = "/en/khoa-hoc/dung-dien-thoai/doc-tin-nhan/"


@pytest.fixture
def translate_this_page(client, make_user, course_tree):
    """What an editor does: "Translate this page" into English, in the admin."""
    editor = make_user(Role.ADMINISTRATOR, phone="0911000095")
    client.force_login(editor)
    lesson = course_tree["lessons"][1]
    english = Locale.objects.get(language_code="en")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[lesson.pk]),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    client.logout()
    translation = Translation.objects.get(
        source__object_id=lesson.translation_key, target_locale=english
    )
    return {"lesson": lesson, "english": english, "translation": translation, "editor": editor}


def translate_strings(translation, count=None):
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    assert not segments.filter(context__path="slug").exists()  # slugs are copied, not translated
    for segment in list(segments)[:count]:
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=translation.target_locale,
            defaults={"data": f"EN {segment.string.data}", "translation_type": "manual"},
        )


def test_translate_this_page_makes_a_draft_and_readers_see_the_vietnamese_with_a_notice(
    client, translate_this_page
):
    lesson, english = translate_this_page["lesson"], translate_this_page["english"]
    draft = lesson.get_translation(english)
    assert not draft.live
    html = client.get(URL).content.decode()
    assert "Bấm vào biểu tượng tin nhắn" in html  # the Vietnamese lesson…
    assert NOT_TRANSLATED in html  # …that says so
    # The course above it was copied as an alias of the Vietnamese one: it says so too.
    course = CoursePage.objects.get(locale=english)
    assert course.alias_of_id is not None
    assert NOT_TRANSLATED in client.get("/en/khoa-hoc/dung-dien-thoai/").content.decode()


def publish_translation(translation, user, capture):
    """The translation editor's "Publish": wagtail-localize publishes on commit."""
    with capture(execute=True):
        translation.save_target(user=user, publish=True)


def test_a_translation_published_half_done_says_some_of_it_is_vietnamese(
    client, translate_this_page, django_capture_on_commit_callbacks
):
    translation, editor = translate_this_page["translation"], translate_this_page["editor"]
    translate_strings(translation, count=1)
    publish_translation(translation, editor, django_capture_on_commit_callbacks)
    assert LessonPage.objects.get(locale=translation.target_locale).live
    html = client.get(URL).content.decode()
    assert PARTLY in html and NOT_TRANSLATED not in html

    translate_strings(translation)
    publish_translation(translation, editor, django_capture_on_commit_callbacks)
    html = client.get(URL).content.decode()  # the same URL: the slug is not translated
    assert "EN Bấm vào biểu tượng tin nhắn" in html
    assert PARTLY not in html and NOT_TRANSLATED not in html


def test_vietnamese_pages_make_no_translation_queries(
    client, course_tree, django_assert_max_num_queries
):
    client.get("/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/")  # warm the caches
    with django_assert_max_num_queries(12):
        html = client.get("/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/").content.decode()
    assert NOT_TRANSLATED not in html


def test_slugs_are_ascii_so_urls_read_the_same_in_every_language(client, course_tree, make_user):
    for page in Page.objects.exclude(depth=1):
        assert page.slug.isascii(), page.slug
    lesson = LessonPageFactory.build(title="Bài học", slug="bài-học")
    with override("en"), pytest.raises(ValidationError, match="without accents"):
        course_tree["course"].add_child(instance=lesson)
    # The editor's slug field transliterates what is typed ("Đọc" → "doc").
    client.force_login(make_user(Role.ADMINISTRATOR, phone="0911000096"))
    html = client.get(f"/admin/pages/{course_tree['lessons'][0].pk}/edit/").content.decode()
    assert 'data-controller="w-slug"' in html
    assert "data-w-slug-allow-unicode-value" not in html  # Django leaves out a False attribute
