"""The sweep (issue 8): every URL of the project's own apps that names something by an id, a
uuid or a code is requested — GET and POST — by people who must not reach it: a province
coordinator of another province, a trainer of another commune of the same province, a
learner and an anonymous visitor. Each gets 404, 403, 405, 401 (the API) or a redirect to
log in, sees nothing of what the URL names, and changes nothing.

The URL resolver is walked, so a view added tomorrow is swept from its first day: a pattern
whose parameters the sweep cannot fill fails the test until it is given a value in `FILL`
or, if it is public on purpose, a line in `PUBLIC` saying why. Wagtail's own URLs (the admin,
documents, page serving) are Wagtail's to guard and are not walked.
"""

import re
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from certificates import services as certificates
from courses.factories import LessonPageFactory
from courses.services import h5p_package_import
from coverage.models import Report
from tests.conftest import publish
from tests.courses.h5p_helpers import GREETING
from trainees.factories import (
    CommuneFactory,
    PersonFactory,
    ProvinceFactory,
    TrainingSessionFactory,
    VillageFactory,
)
from trainees.models import Attendance, Person, Role, TrainingSession
from trainees.training import services

pytestmark = pytest.mark.django_db

OUR_APPS = ("cms", "courses", "trainees", "certificates", "coverage")
# Deliberately public patterns, by URL name, each with the reason.
PUBLIC = {
    # Health of each part, for load balancers and monitors: "ok" or what is down, a count
    # of waiting tasks at most; nothing about any person.
    ":healthz-part": "health checks",
    # QR self check-in: the signed code, valid for 60 seconds, is the key. Without a fresh
    # scan the page names nothing (not even the session) and marks nobody.
    "trainees:checkin": "QR self check-in",
    # H5P library code and styles: the same files for everyone, cached for a year.
    "h5p:library_file": "H5P library files",
    # The certificate check page: public by design, for anyone shown a certificate; it says
    # only what the certificate itself already says.
    "certificates:verify": "certificate verification",
    # Lesson pictures (Wagtail's images and renditions only): the same files for everyone.
    ":public_media": "lesson pictures",
}
SECRET = "Bí Mật"  # in every name and title the swept URLs could show


def _our_patterns():
    """(name, route) of every URL pattern of our apps, with its full route string."""
    found = []

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                module = p.urlconf_name if isinstance(p.urlconf_name, str) else ""
                module = module or getattr(p.urlconf_name, "__name__", "")
                if module.startswith("wagtail"):
                    continue  # the admin, documents, page serving: Wagtail's own
                ns = ":".join(filter(None, [namespace, p.namespace]))
                walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern):
                ours = p.callback.__module__.startswith(OUR_APPS) or namespace == "api"
                if ours:
                    found.append((f"{namespace}:{p.name}", prefix + str(p.pattern)))

    with translation.override("vi"):
        walk(get_resolver().url_patterns, "/", "")
    return found


PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@pytest.fixture
def world(course_tree, settings, tmp_path, make_user):
    """A Lào Cai commune with everything a URL can name, and the people who must not see it."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    lao_cai = ProvinceFactory(code="15", name="Lào Cai", codename="lao_cai")
    commune = CommuneFactory(code="02683", name="Xã Bát Xát", province=lao_cai)
    neighbour = CommuneFactory(code="02761", name="Xã Mường Khương", province=lao_cai)
    village = VillageFactory(commune=commune, name=f"Thôn {SECRET}")
    owner = make_user(Role.TRAINER, communes=[commune], phone="0911000601")
    session = TrainingSessionFactory(
        commune=commune, village=village, title=f"Buổi học {SECRET}", created_by=owner
    )
    person = PersonFactory(commune=commune, village=village, full_name=f"Giàng {SECRET}")
    flagged = PersonFactory(
        commune=commune,
        village=village,
        full_name=f"Sùng {SECRET}",
        possible_duplicate_of=person,
    )
    services.attendance_record(by=owner, session=session, person=person)
    certificate = certificates.certificate_issue(
        person=person, achievement=certificates.session_achievement(session=session)
    )
    # Rendered here, whether tasks run eagerly or wait for a worker this test has not got.
    certificates.certificate_render_pdf(certificate_id=certificate.pk)

    # A lesson (with an H5P activity) for one group only.
    group = Group.objects.create(name="Lào Cai pilot")
    owner.groups.add(group)
    with open(GREETING, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    lesson = LessonPageFactory(
        parent=course_tree["course"],
        title=f"Bài {SECRET}",
        slug="bai-rieng",
        body=[{"type": "h5p", "value": {"activity": package.pk, "instruction": SECRET}}],
    )
    publish(lesson)
    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([group])

    # Coverage: the province's own coordinator opens its province and its reports, an
    # administrator the imports; a report ready to download.
    province_owner = make_user(Role.PROVINCE_COORDINATOR, province=lao_cai, phone="0911000605")
    administrator = make_user(Role.ADMINISTRATOR, phone="0911000606")
    today = timezone.localdate()
    report = Report.objects.create(
        kind=Report.Kind.EXPORT,
        format=Report.Format.CSV,
        province=lao_cai,
        period_kind="month",
        starts_on=today.replace(day=1),
        ends_on=today,
        as_of=today,
        status=Report.Status.READY,
        requested_by=province_owner,
    )
    report.file.save("bao-cao.csv", ContentFile(f"{SECRET}\n".encode()))
    # A person's data (export, erasure): for a coordinator of the commune.
    coordinator = make_user(Role.COMMUNE_COORDINATOR, communes=[commune], phone="0911000607")
    owners = {
        "trainees:person_privacy": coordinator,
        "trainees:person_data": coordinator,
        "coverage:province": province_owner,
        "coverage:province_export": province_owner,
        "coverage:export_request": province_owner,
        "coverage:report": province_owner,
        "coverage:report_status": province_owner,
        "coverage:report_download": province_owner,
        "coverage:import": administrator,
    }

    hanoi = ProvinceFactory(code="01", name="Hà Nội", codename="ha_noi")
    CommuneFactory(code="00070", province=hanoi)
    outsiders = {
        "a coordinator of another province": make_user(
            Role.PROVINCE_COORDINATOR, province=hanoi, phone="0911000602"
        ),
        "a trainer of another commune": make_user(
            Role.TRAINER, communes=[neighbour], phone="0911000603"
        ),
        "a learner": make_user(Role.LEARNER, phone="0911000604"),
        "an anonymous visitor": None,
    }
    fill = {
        "session_uuid": session.uuid,
        "code": {
            "coverage:province": lao_cai.code,
            "coverage:province_export": lao_cai.code,
            "coverage:export_request": lao_cai.code,
            "*": commune.code,
        },
        "report_uuid": report.uuid,
        "what": "targets",
        "fmt": "csv",
        "pk": {"trainees:duplicate_detail": flagged.pk, "h5p:content_file": package.pk},
        "path": "earth.jpg",
        "index": course_tree["index"].slug,
        "course": course_tree["course"].slug,
        "lesson": lesson.slug,
        "uuid": certificate.uuid,
        "person_id": person.pk,
    }
    return SimpleNamespace(
        owner=owner,
        owners=owners,
        outsiders=outsiders,
        fill=fill,
        session=session,
        person=person,
    )


def _url(name, route, fill):
    missing = []

    def value(match):
        param = fill.get(match["name"])
        if isinstance(param, dict):
            param = param.get(name, param.get("*"))
        if param is None:
            missing.append(match["name"])
            return ""
        return str(param)

    url = PARAM.sub(value, route)
    return (None, missing) if missing else (url, [])


def _refused(response) -> bool:
    if response.status_code in (302, 303):
        return "/login/" in response["Location"]
    return response.status_code in (401, 403, 404, 405)


def _state():
    return (
        list(Person.objects.order_by("pk").values_list("pk", "full_name", "commune_id")),
        list(Attendance.objects.order_by("pk").values_list("pk", "person_id", "status")),
        list(TrainingSession.objects.values_list("pk", "status", "checkin_open")),
    )


def test_the_sweep_finds_our_urls_and_leaves_out_wagtails():
    patterns = _our_patterns()
    names = {name for name, _route in patterns}
    assert {
        "api:roster",
        "h5p:content_file",
        "trainees:session_detail",
        "trainees:duplicate_detail",
        ":lesson",
    } <= names
    assert not any(route.startswith(("/admin/", "/documents/")) for _name, route in patterns)


def test_no_one_outside_reaches_anything_a_url_names(client, world):
    swept, unfillable = [], []
    for name, route in _our_patterns():
        if not PARAM.search(route) or name in PUBLIC:
            continue
        url, missing = _url(name, route, world.fill)
        if missing:
            unfillable.append(f"{name} {route}: no value for {missing}")
            continue
        swept.append((name, url))
    assert not unfillable, (
        "New URLs the sweep cannot fill: give their parameters a value in FILL (tests/"
        "test_scope_sweep.py), or list them in PUBLIC with the reason:\n" + "\n".join(unfillable)
    )

    # The owner reaches every one of them: the values are real, so a refusal below means
    # "not for you", never "nothing there".
    for name, url in swept:
        client.force_login(world.owners.get(name, world.owner))
        response = client.get(url)
        # 405: a view that only takes POST (the outsiders' POST is checked below).
        assert response.status_code in (200, 405), (name, url, response.status_code)

    before = _state()
    for who, user in world.outsiders.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for name, url in swept:
            for method in ("get", "post"):
                response = getattr(client, method)(
                    url,
                    **(
                        {
                            "data": {
                                "action": "cancelled",
                                "person": world.person.pk,
                                "keep": world.person.pk,
                                "confirm": "1",
                            }
                        }
                        if method == "post"
                        else {}
                    ),
                )
                assert _refused(response), (who, method, name, url, response.status_code)
                body = (
                    b"".join(response.streaming_content)
                    if response.streaming
                    else (response.content)
                )
                assert SECRET.encode() not in body, (who, method, name, url)
    assert _state() == before
