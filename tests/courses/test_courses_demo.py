import pytest
from wagtail.models import Comment, Locale
from wagtail_localize.models import Translation

from courses.demo import REVIEW_NOTE, load_courses_demo
from courses.models import CoursePage, LessonPage

pytestmark = pytest.mark.django_db


def test_demo_courses_are_real_translated_and_idempotent(client, home_page):
    first = load_courses_demo()
    assert first["courses"] == 3
    assert load_courses_demo() == {"courses": 0, "lessons": 0, "translations": 0}

    originals = CoursePage.objects.filter(locale__language_code="vi")
    assert set(originals.values_list("title", flat=True)) == {
        "Dùng điện thoại thông minh",
        "VNeID và dịch vụ công trực tuyến",
        "Phòng tránh lừa đảo trên mạng",
    }
    for course in originals:
        lessons = list(course.lessons().specific())
        assert 3 <= len(lessons) <= 5
        assert all(lesson.scored_blocks() for lesson in lessons), "every lesson has a quiz"
        english = course.get_translation(Locale.objects.get(language_code="en"))
        assert english.specific.lessons().count() == len(lessons)

    hmong = Locale.objects.get(language_code="hmn")
    for course in originals:
        # Every course in H'Mông, as wagtail-localize translations an editor can revise:
        # every string of every page has a translation record.
        hmn = course.get_translation(hmong).specific
        assert hmn.lessons().count() == course.lessons().count()
        for page in [course, *course.lessons()]:
            translation = Translation.objects.get(
                source__object_id=page.translation_key, target_locale=hmong
            )
            total, done = translation.get_progress()
            assert total and done == total
            assert page.get_translation(hmong).specific.translation_state("hmn") == ""

    fraud = originals.get(slug="phong-tranh-lua-dao")
    hmn = fraud.get_translation(hmong).specific
    hmn_lesson = hmn.lessons().specific().first()
    source_lesson = LessonPage.objects.get(
        locale__language_code="vi", translation_key=hmn_lesson.translation_key
    )
    assert [c.id for c in hmn_lesson.body] == [c.id for c in source_lesson.body]

    html = client.get("/hmn/khoa-hoc/phong-tranh-lua-dao/cuoc-goi-lua-dao/").content.decode()
    assert "Paub txog kev hu xov tooj dag" in html and 'class="notice"' not in html
    html = client.get("/hmn/khoa-hoc/dung-dien-thoai-thong-minh/cai-ung-dung/").content.decode()
    assert "Nruab app kom muaj kev nyab xeeb" in html and 'class="notice"' not in html
    html = client.get("/hmn/khoa-hoc/vneid-va-dich-vu-cong/cai-vneid/").content.decode()
    assert "Nruab VNeID tiag" in html and 'class="notice"' not in html
    html = client.get("/en/khoa-hoc/vneid-va-dich-vu-cong/kich-hoat-tai-khoan/").content.decode()
    assert "Activate your electronic ID account" in html
    assert 'alt="A chip ID card and a phone with the VNeID app open"' in html
    assert 'loading="lazy"' in html and 'width="320" height="200"' in html


def test_hmong_pages_are_flagged_for_review_when_an_editor_exists(home_page, make_user):
    from trainees.models import Role

    make_user(Role.ADMINISTRATOR, phone="0911000003")
    load_courses_demo()
    flagged = Comment.objects.filter(text=REVIEW_NOTE)
    # Every course and lesson in H'Mông.
    assert flagged.count() == 3 + 12
    assert {c.page.locale.language_code for c in flagged} == {"hmn"}
