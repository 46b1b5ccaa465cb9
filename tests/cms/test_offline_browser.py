"""The one offline client (cms/static/cms/offline.js) on a phone: a big outbox drains in
batches the server accepts, records left by the old scripts are sent after the update, and
after signing out nothing of the previous person is left on the phone."""

import json
import uuid

import pytest
from playwright.sync_api import expect

from tests.conftest import browser_login, quiz_id
from trainees.factories import PersonFactory, TeamFactory, TrainingSessionFactory, UserFactory
from trainees.models import Attendance, LessonProgress, QuizAnswer, Role

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LESSON = "/vi/khoa-hoc/dung-dien-thoai/bat-dien-thoai/"


def leave(page):
    """Cut the network and leave before the test database is emptied: a lesson page sends
    the reading position when it is hidden, and that request must not outlive the test."""
    page.context.set_offline(True)
    page.goto("about:blank")
    page.wait_for_timeout(500)


def outbox_count(page):
    return page.evaluate(
        """() => new Promise(ok => {
            const r = indexedDB.open("bdhvs-offline");
            r.onsuccess = () => {
              const q = r.result.transaction("outbox").objectStore("outbox").count();
              q.onsuccess = () => { r.result.close(); ok(q.result); };
            };
        })"""
    )


def test_an_outbox_of_500_events_drains(phone_page, course_tree, learner):
    """The old lesson script sent everything in one request; past 200 events the server
    refused it (400) and the outbox stayed jammed for ever."""
    page = phone_page
    browser_login(page, learner.phone)
    page.goto(LESSON)
    lesson = course_tree["lessons"][0]
    block = quiz_id(lesson)
    # 500 answers made with no signal (the page's own module puts them in the outbox).
    page.context.set_offline(True)
    page.evaluate(
        """async ([lesson, block]) => {
            const outbox = await import("/static/cms/offline.js");
            for (let i = 0; i < 500; i++) {
              await outbox.add("progress", {type: "answer", lesson, block, choices: [i % 2],
                                            at: new Date().toISOString()});
            }
        }""",
        [lesson.pk, block],
    )
    assert outbox_count(page) == 500
    expect(page.locator("[data-outbox] span")).to_contain_text("500")
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_function(
        "() => !document.querySelector('[data-outbox]').textContent.trim()"
        " || document.querySelector('[data-outbox]').hidden",
        timeout=60_000,
    )
    assert QuizAnswer.objects.count() == 500
    assert outbox_count(page) == 0
    leave(page)


def test_records_left_by_the_old_scripts_are_sent_after_the_update(
    phone_page, course_tree, learner, trainer_a, commune_a, village_a
):
    page = phone_page
    lesson = course_tree["lessons"][0]
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    person = PersonFactory(commune=commune_a, village=village_a, full_name="Giàng Thị Dua")
    answer = {
        "uuid": str(uuid.uuid4()),
        "type": "answer",
        "lesson": lesson.pk,
        "block": quiz_id(lesson),
        "choices": [0],
        "at": "2026-12-01T08:00:00Z",
    }
    done = {"uuid": str(uuid.uuid4()), "type": "completed", "lesson": lesson.pk}
    mark = {
        "uuid": str(uuid.uuid4()),
        "session": str(session.uuid),
        "status": "present",
        "method": "roll_call",
        "person_id": person.pk,
        "recorded_at": session.starts_at.isoformat(),
    }
    # What the scripts before the update left on this phone, exactly as they stored it
    # (on a page of the site that runs no script of ours).
    page.goto("/healthz")
    page.evaluate(
        """async ([events, mark]) => {
            await new Promise(ok => {
              const r = indexedDB.open("bdhvs", 1);
              r.onupgradeneeded = () => r.result.createObjectStore("outbox", {keyPath: "uuid"});
              r.onsuccess = () => {
                const t = r.result.transaction("outbox", "readwrite");
                events.forEach(e => t.objectStore("outbox").put(e));
                t.oncomplete = () => { r.result.close(); ok(); };
              };
            });
            localStorage.setItem("rollcall:queue",
              JSON.stringify({registrations: [], marks: [mark]}));
        }""",
        [[answer, done], mark],
    )
    # The trainer signs in on this phone and opens a lesson: the new client moves the old
    # records into its outbox and sends them, once.
    browser_login(page, trainer_a.phone)
    page.goto(LESSON)
    page.wait_for_function("() => localStorage.getItem('rollcall:queue') === null", timeout=20_000)
    expect(page.locator("h1")).to_have_text("Bật điện thoại")
    page.wait_for_timeout(500)
    for _ in range(40):
        if Attendance.objects.exists() and QuizAnswer.objects.exists():
            break
        page.wait_for_timeout(500)
    assert Attendance.objects.get().person == person
    assert QuizAnswer.objects.get().client_uuid == uuid.UUID(answer["uuid"])
    assert LessonProgress.objects.get().completed_at is not None
    assert outbox_count(page) == 0
    assert not page.evaluate("indexedDB.databases().then(l => l.map(d => d.name))").count("bdhvs")
    leave(page)


@pytest.fixture
def trainer_a(commune_a):
    """A trainer made without the role groups, which a flush between live-server tests drops."""
    user = UserFactory(phone="0911000001", role=Role.TRAINER, first_name="Mai")
    TeamFactory(communes=[commune_a], members=[user])
    return user


def test_after_signing_out_the_phone_shows_no_trace_of_the_previous_person(
    phone_page, course_tree, trainer_a, commune_a, village_a
):
    page = phone_page
    session = TrainingSessionFactory(commune=commune_a, village=village_a, title="Lớp VNeID")
    PersonFactory(commune=commune_a, village=village_a, full_name="Thào Thị Say")
    browser_login(page, trainer_a.phone)
    page.goto("/vi/khoa-hoc/dung-dien-thoai/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    expect(page.locator(".account .who")).to_have_text("Mai")
    page.goto(LESSON)
    expect(page.locator(".account .who")).to_have_text("Mai")
    page.goto(f"/vi/sessions/{session.uuid}/roll-call/")
    expect(page.locator("#roster")).to_contain_text("Thào Thị Say")
    expect(page.locator("#session-title")).to_have_text("Lớp VNeID")
    # A mark made with no signal, then sent: nothing waits when signing out.
    page.locator("#roster .person").first.click()
    page.wait_for_selector("#pending[data-count='0']", timeout=20_000)

    page.goto(LESSON)
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/vi/**")
    expect(page.locator(".account")).to_contain_text("Đăng nhập")

    # With no signal, whatever the phone kept names nobody.
    page.context.set_offline(True)
    for url in ("/vi/khoa-hoc/dung-dien-thoai/", LESSON, f"/vi/sessions/{session.uuid}/roll-call/"):
        page.goto(url)
        html = page.content()
        assert "Mai" not in html and "Đăng xuất" not in html, url
        assert "Thào Thị Say" not in html and "Lớp VNeID" not in html, url
    stored = page.evaluate(
        """() => new Promise(ok => {
            const r = indexedDB.open("bdhvs-offline");
            r.onsuccess = () => {
              const t = r.result.transaction(["outbox", "kept"]);
              const a = t.objectStore("outbox").getAll(), b = t.objectStore("kept").getAll();
              t.oncomplete = () => ok(JSON.stringify([a.result, b.result]));
            };
        })"""
    )
    assert json.loads(stored) == [[], []]
    kept = page.evaluate(
        """async () => {
            const out = [];
            for (const name of await caches.keys()) {
              const c = await caches.open(name);
              for (const req of await c.keys()) {
                const res = await c.match(req);
                if ((res.headers.get("Content-Type") || "").startsWith("text/html"))
                  out.push(await res.text());
              }
            }
            return out;
        }"""
    )
    assert kept and not any("Mai" in html or "Thào Thị Say" in html for html in kept)
    leave(page)
