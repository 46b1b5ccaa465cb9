"""Shared fixtures: places, people, the page tree, a phone-sized browser, a Celery worker."""

import os

import pytest
from django.conf import settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from cms.services import home_page_ensure
from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    quiz_block,
)
from trainees.factories import (
    CommuneFactory,
    ProvinceFactory,
    TeamFactory,
    UserFactory,
    VillageFactory,
)
from trainees.models import Role
from trainees.people.services import ROLE_GROUPS, user_assign_role

# Hypothesis: about 50 examples a test in CI (the suite stays well under 30 minutes);
# HYPOTHESIS_PROFILE=thorough for a red-team run. A test's own @settings still wins.
hypothesis_settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# ORM calls made from that thread (live_server data set-up, assertions).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "demo-pass-2026"
PHONE_VIEWPORT = {"width": 360, "height": 740}


@pytest.fixture
def wagtail_base(db):
    """What migrations create and a transactional test's flush removes: make it again.

    Browser and concurrency tests run in real transactions; the database is emptied after
    each, and pytest-django's serialized rollback is not reliable across the whole suite.
    """
    from django.contrib.auth.models import Group
    from wagtail.models import Locale, Page

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root", locale=Locale.objects.get(language_code="vi"))
    for name in ROLE_GROUPS.values():
        Group.objects.get_or_create(name=name)


@pytest.fixture
def home_page(wagtail_base):
    return home_page_ensure(
        title="Bình dân học vụ số",
        intro="Học kỹ năng số",
        translations={
            "en": {"title": "Digital literacy for all", "intro": "Learn digital skills"},
            "hmn": {"title": "Txhua tus neeg kawm digital", "intro": "Kawm digital"},
        },
    )


@pytest.fixture
def province(db):
    return ProvinceFactory(code="15", name="Lào Cai", codename="lao_cai")


@pytest.fixture
def commune_a(province):
    return CommuneFactory(code="02683", name="Xã Bát Xát", codename="bat_xat", province=province)


@pytest.fixture
def commune_b(province):
    return CommuneFactory(
        code="02761", name="Xã Mường Khương", codename="muong_khuong", province=province
    )


@pytest.fixture
def village_a(commune_a):
    return VillageFactory(commune=commune_a, name="Suối Chải")


@pytest.fixture
def make_user(db):
    """make_user(role, communes=[…], province=…) → a user with that role and scope.

    A trainer's or commune coordinator's communes come from their teams: `communes` puts the
    user in a new team that works in exactly those communes.
    """

    def _make(role=Role.LEARNER, *, communes=(), province=None, **fields):
        user = UserFactory(**fields)
        teams = [TeamFactory(communes=list(communes))] if communes else None
        return user_assign_role(user=user, role=role, teams=teams, province=province)

    return _make


@pytest.fixture
def trainer_a(make_user, commune_a):
    return make_user(Role.TRAINER, communes=[commune_a], phone="0911000001")


@pytest.fixture
def learner(wagtail_base, make_user):
    return make_user(Role.LEARNER, phone="0911000009")


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def course_tree(home_page):
    index = CourseIndexPageFactory(parent=home_page, title="Khoá học", slug="khoa-hoc")
    course = CoursePageFactory(
        parent=index, title="Dùng điện thoại", slug="dung-dien-thoai", pass_mark=80
    )
    lessons = [
        LessonPageFactory(parent=course, title="Bật điện thoại", slug="bat-dien-thoai"),
        LessonPageFactory(
            parent=course,
            title="Đọc tin nhắn",
            slug="doc-tin-nhan",
            body=[
                {"type": "paragraph", "value": "<p>Bấm vào biểu tượng tin nhắn.</p>"},
                quiz_block(
                    "Những tin nào có thể là lừa đảo?",
                    [
                        ("Tin báo trúng thưởng, bảo bấm vào đường link", True, "Đúng."),
                        ("Tin đòi mã OTP", True, "Đúng."),
                        ("Tin của con gọi về nhà", False, "Tin này bình thường."),
                    ],
                    kind="multiple",
                ),
            ],
        ),
        LessonPageFactory(
            parent=course,
            title="Gọi điện",
            slug="goi-dien",
            body=[{"type": "paragraph", "value": "<p>Bấm nút màu xanh để gọi.</p>"}],
        ),
    ]
    for page in [index, course, *lessons]:
        publish(page)
    return {"index": index, "course": course, "lessons": lessons}


def quiz_id(lesson):
    return next(child.id for child in lesson.body if child.block_type == "quiz")


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A page in a fresh phone-sized browser context; `page.goto('/vi/')` is relative.

    Live-server tests flush the database afterwards: mark them
    `django_db(transaction=True, serialized_rollback=True)` so what the migrations created
    (Wagtail's root page, locales, role groups) is restored for the next test.
    """
    context = browser.new_context(
        base_url=live_server.url,
        viewport=PHONE_VIEWPORT,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
    )
    page = context.new_page()
    yield page
    context.close()


def browser_login(page, phone, password=PASSWORD, language="vi"):
    page.goto(f"/{language}/login/")
    page.fill("input[name=username]", phone)
    page.fill("input[name=password]", password)
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()


@pytest.fixture
def celery_worker():
    """A real Celery worker when CELERY_BROKER_URL is set (CI); tasks run eagerly otherwise."""
    if not os.environ.get("CELERY_BROKER_URL"):
        yield None
        return
    from celery.contrib.testing.worker import start_worker

    from cms.celery import app

    app.conf.task_always_eager = False
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30) as worker:
        yield worker
    app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER


@pytest.fixture
def cache_down():
    """The cache pointed at a port where nothing listens (the shared Redis is never stopped)."""
    import socket

    from django.test import override_settings

    from cms.cache import redis_cache

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with override_settings(CACHES={"default": redis_cache(f"redis://127.0.0.1:{port}/0")}):
        yield
