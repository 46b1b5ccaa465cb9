"""Shared fixtures: places, people, the page tree, a phone-sized browser, a Celery worker."""

import contextlib
import logging
import os
import threading
import time
from collections import Counter

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
    from django.apps import apps
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.management import create_contenttypes
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    # A flush with post_migrate inhibited leaves no content types; one followed by
    # post_migrate makes them again under new ids, while the process's ContentType cache
    # still holds the old ones (then saving a page fails with "content type instance with
    # id 1 is not a valid choice"). Clear the cache only when it is stale, then fill it with
    # every model: a serialized rollback restores Wagtail's tasks (which look up their
    # content type as they are built) before the content types themselves, and must find
    # them in the cache rather than create them under new ids.
    if not ContentType.objects.exists():
        for app_config in apps.get_app_configs():
            create_contenttypes(app_config, verbosity=0)
    page_type = ContentType.objects.get_for_model(Page)
    if not ContentType.objects.filter(pk=page_type.pk, model=page_type.model).exists():
        ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models())
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root", locale=Locale.objects.get(language_code="vi"))
    # Images and documents go to the root collection, which Wagtail makes in a migration.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
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


class _LiveServerRequests:
    """Requests the live server is still answering, counted by Django's request signals.

    Closing a browser context drops its connections, but the live server's threads go on
    answering what they had started. If the database is flushed meanwhile, PostgreSQL finds
    the flush's TRUNCATE and those requests' writes waiting on each other (DeadlockDetected).
    Requests made by the test client (SERVER_NAME "testserver") are not counted.
    """

    def __init__(self):
        self.threads = Counter()
        self.changed = threading.Condition()

    def started(self, sender, environ=None, **kwargs):
        if environ is not None and environ.get("SERVER_NAME") == "testserver":
            return
        with self.changed:
            self.threads[threading.get_ident()] += 1

    def finished(self, sender, **kwargs):
        with self.changed:
            ident = threading.get_ident()
            if self.threads[ident] > 0:
                self.threads[ident] -= 1
                self.changed.notify_all()

    def wait(self, timeout=20.0):
        """Until no live-server request is in flight (and none starts in a short settle)."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                remaining = deadline - time.monotonic()
                if not self.changed.wait_for(lambda: self.threads.total() == 0, remaining):
                    return False
                # A request accepted just before the context closed may start a moment later.
                self.changed.wait(0.1)
                if self.threads.total() == 0:
                    return True


live_server_requests = _LiveServerRequests()


@pytest.fixture(scope="session", autouse=True)
def _count_live_server_requests():
    from django.core.signals import request_finished, request_started

    request_started.connect(live_server_requests.started, dispatch_uid="tests.live-started")
    request_finished.connect(live_server_requests.finished, dispatch_uid="tests.live-finished")
    yield
    request_started.disconnect(dispatch_uid="tests.live-started")
    request_finished.disconnect(dispatch_uid="tests.live-finished")


class _Messages(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture(autouse=True)
def _live_server_settles(request):
    """Tests on the live server end with no request in flight, before the database flush.

    They also fail when a browser reported a Content-Security-Policy violation to the site
    (cms.views.csp_report): something on the page was blocked (README, CSP). A test that
    shows a blocked load on purpose is marked `csp_violations_expected`.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    # Set up the database first, so its flush is torn down after this fixture's wait.
    request.getfixturevalue("_django_db_helper")
    reports = _Messages()
    csp_logger = logging.getLogger("cms.csp")
    csp_logger.addHandler(reports)
    yield
    live_server_requests.wait()
    csp_logger.removeHandler(reports)
    if reports.messages and not request.node.get_closest_marker("csp_violations_expected"):
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(reports.messages))


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
    live_server_requests.wait()


def browser_login(page, phone, password=PASSWORD, language="vi"):
    page.goto(f"/{language}/login/")
    page.fill("input[name=username]", phone)
    page.fill("input[name=password]", password)
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()


def _broker_mode():
    """Send tasks to the real broker, after emptying its queue of anything left over."""
    from cms.celery import app

    app.control.purge()
    app.conf.task_always_eager = False


def _eager_mode():
    from cms.celery import app

    app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
    app.control.purge()


@pytest.fixture(autouse=True)
def _celery_broker_for_marked_tests(request):
    """Tasks run eagerly in the test process (cms.settings.test), even when
    CELERY_BROKER_URL names a broker, so no test leaves a task in Redis for a later test's
    worker. Tests marked `celery` send them to the broker, as production does."""
    if not (os.environ.get("CELERY_BROKER_URL") and request.node.get_closest_marker("celery")):
        yield
        return
    _broker_mode()
    yield
    _eager_mode()


@pytest.fixture
def celery_worker(request):
    """A real Celery worker when CELERY_BROKER_URL is set (CI); tasks run eagerly otherwise.

    Tests using it are marked `celery`.
    """
    if not os.environ.get("CELERY_BROKER_URL"):
        yield None
        return
    assert request.node.get_closest_marker("celery"), "mark a test using celery_worker `celery`"
    from celery.contrib.testing.worker import start_worker

    from cms.celery import app

    _broker_mode()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30) as worker:
        yield worker


@pytest.fixture
def cache_down():
    """The cache pointed at a port where nothing listens (the shared Redis is never stopped)."""
    import socket

    from django.test import override_settings

    from cms.cache import redis_cache

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    from cms import ratelimit

    ratelimit._last_warning[0] = 0.0
    with override_settings(CACHES={"default": redis_cache(f"redis://127.0.0.1:{port}/0")}):
        yield
    # The next test that takes the cache down hears its one warning again.
    for log_filter in logging.getLogger("cms.cache").filters:
        log_filter._last = 0.0
    ratelimit._last_warning[0] = 0.0


def free_port() -> int:
    """A port on 127.0.0.1 where nothing listens (yet)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def database_unreachable():
    """The database out of reach, as while PostgreSQL restarts: the connections other threads
    hold (the live server's) are ended by the server, and new ones go to a port where nothing
    listens (SQLite: a file in a directory that does not exist), so connecting raises
    OperationalError. The settings changed are the ones every thread's new connections are
    made from; this thread's own connection, with the test's data, is set aside and put back
    afterwards."""
    from django.db import connections

    shared = connections.settings["default"]
    saved = dict(shared)
    working = connections["default"]
    if shared["ENGINE"].endswith("sqlite3"):
        shared["NAME"] = "/nonexistent/directory/db.sqlite3"
    else:
        shared.update(HOST="127.0.0.1", PORT=str(free_port()))
        with working.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
    connections["default"] = working.__class__(shared, "default")
    try:
        yield
    finally:
        connections["default"].close()
        connections["default"] = working
        shared.clear()
        shared.update(saved)


class ThrowawayRedis:
    """A redis-server of a test's own on another port, to stop and start at will (the
    shared Redis is never stopped). Nothing is saved to disk."""

    def __init__(self, port: int, folder):
        self.port, self.folder, self.process = port, folder, None
        self.url = f"redis://127.0.0.1:{port}/0"

    def start(self):
        import subprocess

        import redis

        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.1)
        raise AssertionError("the throwaway redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None


@pytest.fixture
def throwaway_redis(tmp_path):
    server = ThrowawayRedis(free_port(), tmp_path)
    yield server
    server.stop()


@pytest.fixture
def broker_at():
    """`broker_at(url)` sends this test's tasks to the broker at `url` (nothing runs them
    here): a dead port for a broker that is down, a throwaway redis-server for one that
    comes back. The outbox's idea of the broker starts fresh."""
    from cms import outbox
    from cms.celery import app

    # CELERY_BROKER_URL in the environment outranks app.conf.broker_url; the write URL
    # (the one tasks are sent to) outranks both.
    saved = (app.conf.get("broker_write_url"), app.conf.task_always_eager)

    def fresh_connections():
        app._pool = None
        app.amqp._producer_pool = None
        outbox.broker.down_until, outbox.broker.kept_rows = 0.0, False

    def point(url):
        app.conf.broker_write_url, app.conf.task_always_eager = url, False
        fresh_connections()

    yield point
    app.conf.broker_write_url, app.conf.task_always_eager = saved
    fresh_connections()


S3_BUCKET = "bdhvs-media"


@pytest.fixture
def s3_server(tmp_path):
    """moto's S3-compatible server on a free port of 127.0.0.1, with an empty bucket."""
    import subprocess
    import sys
    from pathlib import Path

    import boto3
    import requests

    port = free_port()
    log = open(tmp_path / "moto.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(url, timeout=2)
                break
            except requests.RequestException:
                assert time.monotonic() < deadline, (tmp_path / "moto.log").read_text()
                time.sleep(0.2)
        keys = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
        s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1", **keys)
        s3.create_bucket(Bucket=S3_BUCKET)
        yield url, s3
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(autouse=True)
def _nothing_kept_from_an_earlier_test():
    """What cms.kept holds in the process came from rows an earlier test rolled back."""
    from cms.kept import forget_all

    forget_all()
