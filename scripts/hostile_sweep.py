"""The hostile-input sweep against a database holding the demo data (`make demo`).

    DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY=… ALLOWED_HOSTS=testserver \\
      SECURE_SSL_REDIRECT=false CERTIFICATE_SIGNING_KEY=… DATABASE_URL=… \\
      .venv/bin/python scripts/hostile_sweep.py [--roles trainer,learner] [--admin]

Every URL of the site (with --admin, Wagtail's admin too) is requested as each demo role
and anonymously, through the whole middleware stack with the settings given (production:
DEBUG off), with the input listed in tests/hostile.py. It prints every 5xx with its
traceback and every refused write that changed the database, then the totals; exit status
1 when anything broke the rule. Writes that are accepted do change the demo data: run it on
a copy.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from tests import hostile  # noqa: E402

ROLES = {
    "administrator": "0900000001",
    "editor": "0900000002",
    "province": "0900000003",
    "commune": "0900000004",
    "trainer": "0900000005",
    "learner": "0900000006",
    "anonymous": None,
}


def demo_fill() -> dict:
    from certificates.models import Certificate
    from courses.models import CoursePage, H5PPackage, LessonPage
    from coverage.models import Report
    from trainees.models import Person, TrainingSession

    session = TrainingSession.objects.filter(commune__name__contains="Bát Xát").first()
    lesson = LessonPage.objects.live().filter(locale__language_code="vi").first()
    course = lesson.get_parent().specific
    index = course.get_parent()
    certificate = Certificate.objects.first()
    person = Person.objects.filter(commune=session.commune).first()
    flagged = Person.objects.exclude(possible_duplicate_of=None).first() or person
    report = Report.objects.first()
    package = H5PPackage.objects.first()
    assert isinstance(course, CoursePage)
    return {
        "session_uuid": session.uuid,
        "code": {
            "coverage:province": session.commune.province.code,
            "coverage:province_export": session.commune.province.code,
            "coverage:export_request": session.commune.province.code,
            "*": session.commune.code,
        },
        "report_uuid": report.uuid if report else "00000000-0000-0000-0000-000000000000",
        "what": "targets",
        "fmt": "csv",
        "pk": {"trainees:duplicate_detail": flagged.pk, "h5p:content_file": package.pk},
        "path": "content/content.json",
        "index": index.slug,
        "course": course.slug,
        "lesson": lesson.slug,
        "uuid": certificate.uuid,
        "person_id": person.pk,
        "part": "web",
        "code_": certificate.code,
    }


def admin_fill() -> dict:
    """Wagtail's admin routes: ids of things that exist (page 3, the first snippet…)."""
    generic = {"*": "1"}
    return {
        name: generic
        for name in (
            "page_id",
            "pk",
            "id",
            "object_id",
            "image_id",
            "document_id",
            "user_id",
            "group_id",
            "collection_id",
            "revision_id",
            "parent_page_id",
            "page_view_restriction_id",
            "content_type_app_name",
            "content_type_model_name",
            "app_label",
            "model_name",
            "filter_spec",
            "signature",
            "setting_key",
            "vary_on",
            "uidb64",
            "token",
            "workflow_id",
            "task_id",
            "locale_id",
            "main_revision_id",
            "revision_id_a",
            "revision_id_b",
            "action",
            "page_path",
            "path",
            "username",
            "slug",
            "translation_id",
            "segment_id",
            "tab",
            "type",
            "content_type",
            "object_ids",
            "chooser_id",
            "uuid",
        )
    }


def sweep_role(sweep, who, user, patterns, fill, *, write_checks=True):
    writes = hostile.database_counts if write_checks else None
    for name, route in patterns:
        url = hostile.fill_route(name, route, fill)
        if url is None:
            continue
        sweep.as_user(who, user)
        sweep.request("GET", url)
        for query in hostile.hostile_queries():
            sweep.request("GET", f"{url}?{query}")
        for method in hostile.METHODS:
            sweep.request(method, url, body=b"x=%00", content_type="text/plain", writes=writes)
        for content_type, body in hostile.hostile_bodies():
            sweep.request("POST", url, body=body, content_type=content_type, writes=writes)
        for bad in hostile.hostile_routes(route):
            sweep.request("GET", bad)
        if url.startswith("/vi/"):
            for prefix in hostile.LANGUAGE_PREFIXES:
                sweep.request("GET", f"/{prefix}/{url[4:]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", default=",".join(ROLES))
    parser.add_argument("--admin", action="store_true", help="sweep Wagtail's admin too")
    parser.add_argument("--no-write-checks", action="store_true")
    args = parser.parse_args()

    from trainees.models import User

    fill = demo_fill()
    fill["code"] = {**fill["code"], "certificates:verify": fill.pop("code_")}
    sweep = hostile.Sweep(Client())
    started = time.monotonic()
    patterns = hostile.our_patterns()
    for who in args.roles.split(","):
        phone = ROLES[who]
        user = User.objects.get(phone="+84" + phone[1:]) if phone else None
        sweep_role(sweep, who, user, patterns, fill, write_checks=not args.no_write_checks)
        if args.admin and who in ("administrator", "editor", "learner", "anonymous"):
            sweep_role(sweep, who, user, hostile.our_patterns(admin=True), admin_fill())
        print(
            f"{who}: {sweep.requests} requests so far, {len(sweep.failures)} failures", flush=True
        )
    sweep.close()
    seen = set()
    for failure in sweep.failures:
        key = (failure.status, failure.detail[-300:])
        print(
            f"- {failure}"
            if key not in seen
            else f"- (same) {failure.who} {failure.method} {failure.url[:120]}"
        )
        seen.add(key)
    print(
        f"{sweep.requests} requests in {time.monotonic() - started:.0f} s, "
        f"{len(sweep.failures)} failures ({len(seen)} distinct)"
    )
    return 1 if sweep.failures else 0


if __name__ == "__main__":
    sys.exit(main())
