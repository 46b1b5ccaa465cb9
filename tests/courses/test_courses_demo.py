import pytest
from wagtail.models import Comment, Locale
from wagtail_localize.models import Translation

from courses.demo import REVIEW_NOTE, load_courses_demo
from courses.models import CoursePage, LessonPage

pytestmark = pytest.mark.django_db


def test_demo_courses_are_real_translated_and_idempotent(client, home_page):
    first = load_courses_demo()
    assert first["courses"] == 4
    assert load_courses_demo() == {"courses": 0, "lessons": 0, "translations": 0}

    originals = CoursePage.objects.filter(locale__language_code="vi")
    assert set(originals.values_list("title", flat=True)) == {
        "Dùng điện thoại thông minh",
        "VNeID và dịch vụ công trực tuyến",
        "Phòng tránh lừa đảo trên mạng",
        "Bán nông sản trên mạng",
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

    # The steps and the answers are translated too (list items), not left in Vietnamese.
    html = client.get("/hmn/khoa-hoc/dung-dien-thoai-thong-minh/bat-may-mo-khoa/").content.decode()
    assert "Rub lub vijtsam ntawm hauv qab mus rau saum." in html
    assert "Nias thiab tuav lub pob qhib li 3 vib nas this</label>" in html
    assert "Bấm và giữ nút nguồn" not in html
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
    assert flagged.count() == 4 + 17
    assert {c.page.locale.language_code for c in flagged} == {"hmn"}


def test_selling_course_has_drawings_quizzes_and_a_real_h5p_activity(client, home_page):
    load_courses_demo()
    course = CoursePage.objects.get(locale__language_code="vi", slug="ban-nong-san-tren-mang")
    lessons = list(course.lessons().specific())
    assert [lesson.slug for lesson in lessons] == [
        "chup-anh-san-pham",
        "viet-mo-ta-trung-thuc",
        "dang-ban-zalo-va-san",
        "livestream-an-toan",
        "nhan-tien-khong-bi-lua",
    ]
    for lesson in lessons:
        kinds = [child.block_type for child in lesson.body]
        assert "quiz" in kinds and "steps" in kinds
        drawing = next(c.value["image"] for c in lesson.body if c.block_type == "image")
        assert drawing.title.startswith("Minh hoạ: sell-")
    payment = lessons[-1]
    activity = next(c.value["activity"] for c in payment.body if c.block_type == "h5p")
    assert activity.machine_name == "H5P.QuestionSet"
    questions = activity.content_json["questions"]
    assert [q["library"] for q in questions] == ["H5P.TrueFalse 1.6"] * 4
    assert "ảnh chụp màn hình" in questions[0]["params"]["question"]
    # Built the same way twice, it is the same package.
    load_courses_demo()
    assert type(activity).objects.filter(title=activity.title).count() == 1

    html = client.get("/hmn/khoa-hoc/ban-nong-san-tren-mang/nhan-tien-khong-bi-lua/").content
    html = html.decode()
    assert "Tau nyiaj yam tsis raug dag" in html and 'class="notice"' not in html
    assert "Kuaj xyuas" in html  # the activity's Check button, in H'Mông
    html = client.get("/en/khoa-hoc/ban-nong-san-tren-mang/chup-anh-san-pham/").content.decode()
    assert "Photograph your product in daylight" in html


def test_pictures_first_course_page_lists_each_lesson_with_its_drawing_and_time(client, home_page):
    load_courses_demo()
    html = client.get("/hmn/khoa-hoc/ban-nong-san-tren-mang/").content.decode()
    lessons = html.split('<ol class="lessons"', 1)[1].split("</ol>", 1)[0]
    assert lessons.count('class="thumb"') == 5
    assert "sell-daylight" in lessons and "sell-fake-transfer" in lessons
    assert lessons.count("<small>") == 5  # each lesson's duration
    catalogue = client.get("/hmn/khoa-hoc/").content.decode()
    assert catalogue.count('class="cover"') == 4
