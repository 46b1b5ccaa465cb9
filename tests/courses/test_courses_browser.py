"""A learner on a phone: the whole course in Vietnamese and in H'Mông, progress made before
signing in, and a quiz answered with the network cut."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import browser_login
from trainees.models import CourseProgress, LessonProgress, QuizAnswer

from .test_courses_views import translate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXTS = {
    "vi": {
        "right": "Đúng rồi!",
        "finish": "Tôi đã học xong bài này",
        "check": "Kiểm tra câu trả lời",
        "next": "Bài tiếp theo",
        "course_done": "Đã hoàn thành khoá học. Chúc mừng bạn!",
        "completed": "Bạn đã hoàn thành khoá học này.",
        "done": "Đã hoàn thành",
    },
    "hmn": {
        "right": "Yog lawm!",
        "finish": "Kuv kawm tiav zaj no lawm",
        "check": "Kuaj kuv lo lus teb",
        "next": "Zaj kawm tom ntej",
        "course_done": "Kawm tiav chav kawm lawm. Zoo siab nrog koj!",
        "completed": "Koj kawm tiav chav kawm no lawm.",
        "done": "Tiav lawm",
    },
}


@pytest.fixture(autouse=True)
def _quiet_teardown(phone_page):
    """Cut the network before the test database is emptied.

    Closing the page sends its last position (pagehide); with SQLite that request would
    race the flush of the test database.
    """
    yield
    phone_page.context.set_offline(True)
    phone_page.goto("about:blank")


def answer(page, labels, check):
    quiz = page.locator("form.quiz")
    for label in labels:
        quiz.get_by_label(label).check()
    quiz.get_by_role("button", name=check).click()


def finish_lesson(page, t):
    page.get_by_role("button", name=t["finish"]).click()
    expect(page.locator("form.complete .status")).not_to_be_empty()


@pytest.mark.parametrize("lang", ["vi", "hmn"])
def test_catalogue_to_completed_course(phone_page, course_tree, learner, lang):
    t = TEXTS[lang]
    titles = ["Dùng điện thoại", "Bật điện thoại", "Đọc tin nhắn", "Gọi điện"]
    if lang == "hmn":
        titles = ["Siv xov tooj", "Qhib xov tooj", "Nyeem ntawv xov", "Hu xov tooj"]
        translate(course_tree["index"], "hmn", title="Cov chav kawm")
        translate(course_tree["course"], "hmn", title=titles[0])
        for lesson, title in zip(course_tree["lessons"], titles[1:], strict=True):
            translate(lesson, "hmn", title=title)
    page = phone_page
    browser_login(page, learner.phone, language=lang)
    page.goto(f"/{lang}/khoa-hoc/")
    page.locator(".courses").get_by_role("link", name=re.compile(titles[0])).click()
    expect(page.locator("h1")).to_have_text(titles[0])
    page.locator(".lessons").get_by_role("link", name=re.compile(titles[1])).click()
    expect(page.locator("h1")).to_have_text(titles[1])
    assert page.url.endswith(f"/{lang}/khoa-hoc/dung-dien-thoai/bat-dien-thoai/")

    answer(page, ["Chỉ mình bạn"], t["check"])
    expect(page.locator("form.quiz .feedback")).to_contain_text(t["right"])
    finish_lesson(page, t)
    page.get_by_role("link", name=t["next"]).click()

    expect(page.locator("h1")).to_have_text(titles[2])
    answer(page, ["Tin đòi mã OTP", "Tin báo trúng thưởng, bảo bấm vào đường link"], t["check"])
    expect(page.locator("form.quiz .feedback")).to_contain_text(t["right"])
    finish_lesson(page, t)
    page.get_by_role("link", name=t["next"]).click()

    expect(page.locator("h1")).to_have_text(titles[3])
    finish_lesson(page, t)
    # Completing the course issues its certificate (rendered on the spot without a broker).
    expect(page.locator("form.complete .status")).to_contain_text(t["course_done"], timeout=30_000)

    page.goto(f"/{lang}/khoa-hoc/dung-dien-thoai/")
    expect(page.get_by_text(t["completed"])).to_be_visible()
    # Pictures first: each finished lesson is ticked (✓) in the list, with a word for
    # screen readers; the ticks come from /api/me/, never from the public page.
    done = page.locator(".lessons li.done")
    expect(done).to_have_count(3)
    expect(done.first.get_by_role("link")).to_contain_text(t["done"])
    progress = CourseProgress.objects.get(person__user=learner)
    assert progress.completed_at is not None and progress.percent == 100


def test_progress_made_before_signing_in_is_kept(phone_page, course_tree, learner):
    page = phone_page
    page.goto("/vi/khoa-hoc/dung-dien-thoai/bat-dien-thoai/")
    answer(page, ["Chỉ mình bạn"], "Kiểm tra câu trả lời")
    expect(page.locator("form.quiz .feedback")).to_contain_text("Hãy đăng nhập")
    page.get_by_role("button", name="Tôi đã học xong bài này").click()
    expect(page.locator("form.complete .status")).to_contain_text("Hãy đăng nhập")
    assert not QuizAnswer.objects.exists()

    browser_login(page, learner.phone)
    page.goto("/vi/khoa-hoc/dung-dien-thoai/")
    # On a shared phone they may be someone else's: the learner is asked first.
    adopt = page.locator('[data-me="adopt"]')
    expect(adopt).to_contain_text("đã lưu 2 kết quả học")
    assert not QuizAnswer.objects.exists()
    with page.expect_response("**/api/progress/events/"):
        adopt.get_by_role("button", name="Đúng, thêm vào kết quả học của tôi").click()
    page.reload()
    expect(page.locator(".continue")).to_contain_text("33%")
    expect(page.get_by_role("link", name=re.compile("Học tiếp: Đọc tin nhắn"))).to_be_visible()
    lesson = LessonProgress.objects.get(person__user=learner)
    assert lesson.completed_at is not None and lesson.best_score == 100


def test_quiz_answered_offline_is_synced_once(phone_page, course_tree, learner):
    page = phone_page
    browser_login(page, learner.phone)
    page.goto("/vi/khoa-hoc/dung-dien-thoai/bat-dien-thoai/")
    page.context.set_offline(True)
    answer(page, ["Chỉ mình bạn"], "Kiểm tra câu trả lời")
    expect(page.locator("form.quiz .feedback")).to_contain_text("Khi có mạng sẽ tự gửi đi")
    assert not QuizAnswer.objects.exists()

    with page.expect_response("**/api/progress/events/"):
        page.context.set_offline(False)
    expect(page.locator("form.quiz .feedback")).to_be_visible()
    assert QuizAnswer.objects.count() == 1
    client_uuid = str(QuizAnswer.objects.get().client_uuid)

    # The same record sent again (a flaky connection) is ignored.
    body = page.evaluate(
        """async ([uuid, lesson, block]) => {
            const csrf = document.cookie.match(/csrftoken=([^;]+)/)[1];
            const r = await fetch('/api/progress/events/', {method: 'POST',
              headers: {'Content-Type': 'application/json', 'X-CSRFToken': csrf},
              body: JSON.stringify({lang: 'vi', events: [
                {uuid, type: 'answer', lesson, block, choices: [0]}]})});
            return r.json(); }""",
        [
            client_uuid,
            course_tree["lessons"][0].pk,
            page.locator("form.quiz").get_attribute("data-block"),
        ],
    )
    assert body["results"][0]["duplicate"] is True
    page.reload()
    page.wait_for_load_state("networkidle")
    assert QuizAnswer.objects.count() == 1


def test_visited_and_saved_lessons_read_offline(phone_page, course_tree):
    page = phone_page
    page.goto("/vi/khoa-hoc/dung-dien-thoai/")
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()  # now controlled by the service worker
    page.get_by_role("button", name="Lưu khoá học để học khi không có mạng").click()
    expect(page.locator(".offline-save .status")).to_have_text(
        "Đã lưu. Bạn có thể học khoá này khi không có mạng."
    )
    assert page.locator(".offline-save progress").evaluate("p => p.value") == 100

    page.context.set_offline(True)
    page.goto("/vi/khoa-hoc/dung-dien-thoai/goi-dien/")
    expect(page.locator("h1")).to_have_text("Gọi điện")
    page.goto("/vi/khoa-hoc/khong-co/")
    expect(page.locator("h1")).to_have_text("Bạn đang không có mạng")
