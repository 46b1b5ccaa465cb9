import json
import re
import uuid

import pytest
from wagtail.models import Locale

from tests.conftest import publish, quiz_id
from trainees.models import CourseProgress, LessonProgress, QuizAnswer

pytestmark = pytest.mark.django_db


def translate(page, code, **fields):
    copy = page.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(copy, name, value)
    return publish(copy)


def test_catalogue_lists_courses_and_filters_by_topic(client, course_tree):
    html = client.get("/vi/khoa-hoc/").content.decode()
    assert "<strong>Dùng điện thoại</strong>" in html
    assert 'href="?topic=online_safety"' in html
    html = client.get("/vi/khoa-hoc/?topic=online_safety").content.decode()
    assert "<strong>Dùng điện thoại</strong>" not in html
    assert "Chưa có khoá học nào về chủ đề này." in html


def test_course_page_lists_its_lessons_in_order(client, course_tree):
    html = client.get("/vi/khoa-hoc/dung-dien-thoai/").content.decode()
    positions = [html.index(t) for t in ("Bật điện thoại", "Đọc tin nhắn", "Gọi điện")]
    assert positions == sorted(positions)


def test_lesson_never_reveals_the_correct_answers(client, course_tree):
    response = client.get("/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Những tin nào có thể là lừa đảo?" in html
    assert 'type="checkbox" name="choice" value="2"' in html
    assert "Tin này bình thường." not in html  # per-option feedback stays on the server
    assert "correct" not in html.lower()


def test_untranslated_lesson_is_shown_in_vietnamese_with_a_notice(client, course_tree):
    translate(course_tree["index"], "hmn", title="Cov chav kawm")
    translate(course_tree["course"], "hmn", title="Siv xov tooj")
    translate(course_tree["lessons"][0], "hmn", title="Qhib xov tooj")

    translated = client.get("/hmn/khoa-hoc/dung-dien-thoai/bat-dien-thoai/")
    assert translated.status_code == 200
    assert "Qhib xov tooj" in translated.content.decode()
    assert 'class="notice"' not in translated.content.decode()

    response = client.get("/hmn/khoa-hoc/dung-dien-thoai/doc-tin-nhan/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đọc tin nhắn" in html
    assert 'class="notice"' in html
    assert '<html lang="hmn">' in html and '<article class="lesson" lang="vi"' in html
    # Links stay in H'Mông: the course and the next lesson under /hmn/.
    assert 'href="/hmn/khoa-hoc/dung-dien-thoai/"' in html
    assert 'href="/hmn/khoa-hoc/dung-dien-thoai/goi-dien/"' in html


def test_a_whole_untranslated_course_falls_back_too(client, course_tree):
    translate(course_tree["index"], "en", title="Courses")
    response = client.get("/en/khoa-hoc/dung-dien-thoai/goi-dien/")
    assert response.status_code == 200
    assert "This page has not been translated into your language yet" in response.content.decode()
    assert client.get("/en/khoa-hoc/no-such-course/").status_code == 404


def personal(client, page=None, lang="vi"):
    """What the page's script fills in for this visitor: the answer of /api/me/."""
    query = {"lang": lang, **({"page": page.pk} if page is not None else {})}
    response = client.get("/api/me/", query)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    return response.json()


def post_events(client, events, lang="vi"):
    return client.post(
        "/api/progress/events/",
        json.dumps({"lang": lang, "events": events}),
        content_type="application/json",
    )


def test_visitor_answers_are_graded_but_not_recorded(client, course_tree):
    lesson = course_tree["lessons"][0]
    event = {"uuid": str(uuid.uuid4()), "type": "answer", "lesson": lesson.pk}
    body = post_events(client, [{**event, "block": quiz_id(lesson), "choices": [1]}]).json()
    assert body["authenticated"] is False
    assert body["results"][0]["correct"] is False
    assert body["results"][0]["feedback"] == ["Sai: ngân hàng không bao giờ hỏi OTP."]
    assert not QuizAnswer.objects.exists()


def test_a_tampered_answer_gets_a_clear_error_in_the_learners_language(
    client, course_tree, learner
):
    client.force_login(learner)
    lesson = course_tree["lessons"][0]
    event = {"uuid": str(uuid.uuid4()), "type": "answer", "lesson": lesson.pk}
    response = post_events(client, [{**event, "block": quiz_id(lesson), "choices": [9]}])
    assert response.status_code == 400
    assert response.json()["results"][0]["error"] == "Câu trả lời này không có trong các lựa chọn."
    response = post_events(client, [{**event, "block": quiz_id(lesson), "choices": []}], "en")
    assert response.json()["results"][0]["error"] == "Choose an answer first."
    assert post_events(client, "not a list").status_code == 400
    assert not QuizAnswer.objects.exists() and not LessonProgress.objects.exists()


def test_signed_in_events_are_recorded_once_and_the_course_page_offers_to_continue(
    client, course_tree, learner, home_page
):
    client.force_login(learner)
    first, second, _third = course_tree["lessons"]
    events = [
        {
            "uuid": str(uuid.uuid4()),
            "type": "answer",
            "lesson": first.pk,
            "block": quiz_id(first),
            "choices": [0],
        },
        {"uuid": str(uuid.uuid4()), "type": "completed", "lesson": first.pk},
    ]
    assert all(r["recorded"] for r in post_events(client, events).json()["results"])
    assert all(r["duplicate"] for r in post_events(client, events).json()["results"])
    assert QuizAnswer.objects.count() == 1
    assert CourseProgress.objects.get().percent == 33
    # The course page is public; the learner's panel and ticks come from /api/me/.
    course = personal(client, course_tree["course"])
    assert "Học tiếp: Đọc tin nhắn" in course["panel"]
    assert 'href="/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/"' in course["panel"]
    assert course["completed"] == [str(first.translation_key)]
    assert "doc-tin-nhan" in personal(client, home_page)["panel"]


def test_the_quiz_works_without_javascript(client, course_tree, learner):
    client.force_login(learner)
    lesson = course_tree["lessons"][0]
    url = "/vi/khoa-hoc/dung-dien-thoai/bat-dien-thoai/"
    html = client.get(url).content.decode()
    # The public page's form asks a private page, which holds the learner's own token.
    assert 'action="/vi/lessons/answer/"' in html and 'method="get"' in html
    step = client.get(
        "/vi/lessons/answer/", {"lesson": lesson.pk, "block": quiz_id(lesson), "choice": "0"}
    )
    assert step["Cache-Control"].startswith("max-age=0") or "no-store" in step["Cache-Control"]
    form = step.content.decode()
    assert "csrfmiddlewaretoken" in form and 'value="0" checked' in form
    token = re.search(r'name="uuid" value="([^"]+)"', form).group(1)
    response = client.post(
        "/api/progress/answer/",
        {"lesson": lesson.pk, "block": quiz_id(lesson), "choice": "0", "lang": "vi", "uuid": token},
    )
    result = response.content.decode()
    assert "Đúng: OTP là của riêng bạn." in result
    assert f'href="{url}#b-{quiz_id(lesson)}"' in result
    assert QuizAnswer.objects.get().correct
    # Sent twice (a double tap), it is recorded once.
    client.post(
        "/api/progress/answer/",
        {"lesson": lesson.pk, "block": quiz_id(lesson), "choice": "0", "lang": "vi", "uuid": token},
    )
    assert QuizAnswer.objects.count() == 1


def test_finishing_a_lesson_works_without_javascript(client, course_tree, learner):
    lesson = course_tree["lessons"][0]
    url = "/vi/khoa-hoc/dung-dien-thoai/bat-dien-thoai/"
    assert 'action="/vi/lessons/complete/"' in client.get(url).content.decode()
    # A visitor is told to log in; nothing is recorded.
    visitor = client.get("/vi/lessons/complete/", {"lesson": lesson.pk}).content.decode()
    assert "Hãy đăng nhập" in visitor
    client.force_login(learner)
    form = client.get("/vi/lessons/complete/", {"lesson": lesson.pk}).content.decode()
    token = re.search(r'name="uuid" value="([^"]+)"', form).group(1)
    result = client.post(
        "/api/progress/complete/", {"lesson": lesson.pk, "lang": "vi", "uuid": token}
    ).content.decode()
    assert "Đã học xong bài. Giỏi lắm!" in result
    assert f'href="{url}"' in result
    assert LessonProgress.objects.get().completed_at is not None
    # A lesson that does not exist, or a hostile id, is a 404 page, never a 500.
    assert client.get("/vi/lessons/complete/", {"lesson": "x'--"}).status_code == 404
    assert (
        client.get("/vi/lessons/answer/", {"lesson": lesson.pk, "block": "nope"}).status_code == 404
    )


def test_the_last_position_is_where_continue_takes_you(client, course_tree, learner):
    client.force_login(learner)
    first, second, _third = course_tree["lessons"]
    done = {"uuid": str(uuid.uuid4()), "type": "completed", "lesson": first.pk}
    passed = {"uuid": str(uuid.uuid4()), "type": "answer", "lesson": first.pk}
    passed.update(block=quiz_id(first), choices=[0])
    block = quiz_id(second)
    position = {"type": "position", "lesson": second.pk, "position": block}
    results = post_events(client, [passed, done, position]).json()["results"]
    assert [r["ok"] for r in results] == [True, True, True]
    panel = personal(client, course_tree["course"])["panel"]
    assert f'href="/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/#b-{block}"' in panel
    bad = {"type": "position", "lesson": second.pk, "position": "not-a-block"}
    assert post_events(client, [bad]).status_code == 400


def test_public_pages_are_the_same_for_every_visitor(
    client, course_tree, home_page, learner, make_user
):
    """Two learners (one with progress, a message waiting and answers given) and a visitor get
    byte-identical lessons, courses, catalogue and home page, which say they are public."""
    other = make_user(first_name="Mai", last_name="Lò Thị")
    lesson = course_tree["lessons"][1]
    urls = [
        "/vi/",
        "/vi/khoa-hoc/",
        "/vi/khoa-hoc/dung-dien-thoai/",
        "/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/",
        "/vi/khoa-hoc/dung-dien-thoai/goi-dien/",
        "/offline/",
    ]

    def pages(user):
        client.logout()
        if user is not None:
            client.force_login(user)
            event = {"uuid": str(uuid.uuid4()), "type": "completed", "lesson": lesson.pk}
            post_events(client, [event])
        seen = {}
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["Cache-Control"].startswith("public, max-age=0, s-maxage="), url
            seen[url] = response.content
        return seen

    anonymous, first, second = pages(None), pages(learner), pages(other)
    assert anonymous == first == second
    html = first["/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/"].decode()
    for personal_bit in ("csrfmiddlewaretoken", learner.get_short_name(), "Mai", 'name="uuid"'):
        assert personal_bit not in html
    # The personal parts come from the JSON call instead.
    client.force_login(learner)
    data = personal(client, course_tree["course"])
    assert data["authenticated"] and learner.get_short_name() in data["account"]
    assert "csrftoken" in client.cookies


def test_private_pages_are_never_kept(client, trainer_a, learner, course_tree):
    client.force_login(trainer_a)
    for url in ("/vi/sessions/", "/vi/communes/", "/vi/activity/", "/vi/login/"):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], (
            url
        )
    client.logout()
    # The login form carries a CSRF token: private even for a visitor.
    assert "private" in client.get("/vi/login/")["Cache-Control"]
