"""Certificate pages: who sees and downloads what, the verify page, lists, bulk, ZIP."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from certificates import services
from certificates.models import Certificate
from trainees.factories import PersonFactory
from trainees.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(held_session, django_capture_on_commit_callbacks):
    """The held session's certificates, rendered."""
    with django_capture_on_commit_callbacks(execute=True):
        certificates = [
            services.certificate_issue(
                person=a.person, achievement=services.session_achievement(session=held_session)
            )
            for a in held_session.attendances.all()
        ]
    for c in certificates:
        c.refresh_from_db()
    return certificates


def own_certificate(person, held_session, capture):
    from certificates.factories import held_session_with

    held_session_with(held_session, [person])
    with capture(execute=True):
        cert = services.certificate_issue(
            person=person, achievement=services.session_achievement(session=held_session)
        )
    cert.refresh_from_db()
    return cert


def test_learners_see_and_download_only_their_own(
    client, learner, person_a, held_session, issued, django_capture_on_commit_callbacks
):
    mine = own_certificate(person_a, held_session, django_capture_on_commit_callbacks)
    client.force_login(learner)
    page = client.get(reverse("certificates:mine"))
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert mine.serial in html and issued[0].serial not in html
    pdf = client.get(reverse("certificates:download", args=[mine.uuid]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content)[:5] == b"%PDF-"
    # Somebody else's certificate: not found, as if it did not exist.
    other = client.get(reverse("certificates:download", args=[issued[0].uuid]))
    assert other.status_code == 404


def test_nobody_else_downloads_a_certificate(client, issued, make_user, trainer_b, learner):
    url = reverse("certificates:download", args=[issued[0].uuid])
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    for user in (learner, trainer_b, make_user(Role.CONTENT_EDITOR, phone="0911000099")):
        client.force_login(user)
        assert client.get(url).status_code == 404
    assert client.get(f"/vi/certificates/{issued[0].code}/certificate.pdf").status_code == 404
    # The file is not under MEDIA_ROOT: no web server hands it out by path.
    from django.conf import settings

    assert not issued[0].pdf.path.startswith(str(settings.MEDIA_ROOT))


def test_trainers_in_scope_download_revoke_and_send_again(client, trainer_a, issued):
    client.force_login(trainer_a)
    cert = issued[0]
    assert client.get(reverse("certificates:download", args=[cert.uuid])).status_code == 200
    listing = client.get(reverse("certificates:manage"))
    assert all(c.serial in listing.content.decode() for c in issued)
    no_reason = client.post(
        reverse("certificates:action", args=[cert.uuid]), {"action": "revoke", "reason": ""}
    )
    assert no_reason.status_code == 302
    cert.refresh_from_db()
    assert cert.status == Certificate.Status.READY
    client.post(
        reverse("certificates:action", args=[cert.uuid]),
        {"action": "revoke", "reason": "Không tham dự đủ buổi"},
    )
    cert.refresh_from_db()
    assert cert.status == Certificate.Status.REVOKED
    assert cert.revoked_by == trainer_a and cert.revoked_reason == "Không tham dự đủ buổi"
    other = issued[1]
    client.post(reverse("certificates:action", args=[other.uuid]), {"action": "resend"})
    other.refresh_from_db()
    assert other.status in (Certificate.Status.PENDING, Certificate.Status.READY)


def test_trainers_out_of_scope_see_nothing(client, trainer_b, issued):
    client.force_login(trainer_b)
    listing = client.get(reverse("certificates:manage"))
    assert issued[0].serial not in listing.content.decode()
    action = client.post(
        reverse("certificates:action", args=[issued[0].uuid]),
        {"action": "revoke", "reason": "x"},
    )
    assert action.status_code == 404
    session = client.get(reverse("certificates:session", args=[issued[0].session.uuid]))
    assert session.status_code == 404


def test_the_verify_page_says_valid_revoked_or_replaced(client, issued, trainer_a):
    cert = issued[0]
    page = client.get(reverse("certificates:verify", args=[cert.code]))
    html = page.content.decode()
    assert page.status_code == 200 and "Hợp lệ" in html or "Valid" in html
    assert cert.recipient_name in html and cert.achievement_title in html
    assert "public" in page["Cache-Control"]
    # Nothing personal beyond name, achievement, date and issuer.
    person = cert.recipient
    assert str(person.birth_year) not in html and person.village.name not in html
    en = client.get(reverse("certificates:verify", args=[cert.code]).replace("/vi/", "/en/"))
    assert "Valid" in en.content.decode()

    services.certificate_revoke(certificate=cert, by=trainer_a, reason="Trùng người")
    revoked = client.get(
        reverse("certificates:verify", args=[cert.code]).replace("/vi/", "/en/")
    ).content.decode()
    assert "Revoked" in revoked and "Trùng người" in revoked

    new = services.certificate_issue(
        person=cert.recipient, achievement=services.session_achievement(session=cert.session)
    )
    replaced = client.get(
        reverse("certificates:verify", args=[cert.code]).replace("/vi/", "/en/")
    ).content.decode()
    assert "Replaced by" in replaced and new.serial in replaced


@pytest.mark.parametrize(
    "code", ["nope", "x" * 500, "%00", "' OR 1=1 --", "..%5C..%5Cetc", "%F0%9F%92%A9"]
)
def test_unknown_or_hostile_codes_say_unknown(client, code):
    response = client.get(f"/en/certificates/verify/{code}")
    assert response.status_code == 404
    assert "Unknown certificate" in response.content.decode()


def test_search_by_serial_needs_the_name_printed_beside_it(client, issued):
    cert = issued[0]
    url = reverse("certificates:verify_search").replace("/vi/", "/en/")
    serial_only = client.get(url, {"serial": cert.serial, "name": "Someone Else"})
    assert serial_only.status_code == 200
    assert "No certificate has this serial number and name" in serial_only.content.decode()
    typed = cert.serial.replace("-", " - ").lower()
    found = client.get(url, {"serial": typed, "name": "giang thi my 0"})
    assert found.status_code == 302
    assert found["Location"].endswith(f"/certificates/verify/{cert.code}")
    bad = client.get(url, {"serial": "'; DROP", "name": "x"})
    assert bad.status_code == 200 and "15-2026-000123" in bad.content.decode()


def test_the_public_lookups_are_rate_limited(client, issued, settings):
    import uuid

    settings.CERTIFICATE_LOOKUPS_PER_MINUTE = 5
    address = f"198.51.100.{uuid.uuid4().int % 250}-{uuid.uuid4().hex[:6]}"
    url = reverse("certificates:verify", args=[issued[0].code])
    codes = [client.get(url, REMOTE_ADDR=address).status_code for _ in range(7)]
    assert codes[:5] == [200] * 5 and codes[-1] == 429
    assert client.get(url, REMOTE_ADDR=address + "x").status_code == 200


def test_keys_and_revocations_are_public_json(client, issued, trainer_a):
    keys = client.get("/.well-known/certificate-keys.json")
    assert keys.status_code == 200 and keys["Content-Type"] == "application/jwk-set+json"
    (jwk,) = json.loads(keys.content)["keys"]
    assert jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519" and "d" not in jwk
    services.certificate_revoke(certificate=issued[0], by=trainer_a, reason="Sai tên")
    revocations = client.get("/certificates/revocations.json").json()
    assert revocations["revoked"] == [issued[0].serial]
    assert issued[0].recipient_name not in json.dumps(revocations, ensure_ascii=False)


def test_a_trainer_issues_a_sessions_certificates_and_downloads_the_zip(
    client, trainer_a, held_session, django_capture_on_commit_callbacks
):
    client.force_login(trainer_a)
    url = reverse("certificates:session", args=[held_session.uuid])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    progress = client.get(reverse("certificates:session_progress", args=[held_session.uuid]))
    assert progress.json()["ready"] == 3 and progress.json()["total"] == 3
    page = client.get(url).content.decode()
    assert "3 / 3" in page or "3 of 3" in page or "3 trên 3" in page or 'data-ready="3"' in page
    zipped = client.get(reverse("certificates:session_zip", args=[held_session.uuid]))
    assert zipped.streaming
    archive = zipfile.ZipFile(io.BytesIO(b"".join(zipped.streaming_content)))
    names = archive.namelist()
    assert len(names) == 3 and all(n.endswith(".pdf") for n in names)
    assert all(archive.read(n)[:5] == b"%PDF-" for n in names)


def test_the_session_page_links_its_certificates(client, trainer_a, held_session):
    client.force_login(trainer_a)
    html = client.get(reverse("trainees:session_detail", args=[held_session.uuid])).content.decode()
    assert reverse("certificates:session", args=[held_session.uuid]) in html


def test_a_coordinator_issues_one_certificate_from_the_form(
    client, coordinator_a, person_a, course_tree, trainer_a
):
    client.force_login(trainer_a)
    assert client.get(reverse("certificates:issue")).status_code == 403
    client.force_login(coordinator_a)
    form = client.get(reverse("certificates:issue"))
    assert form.status_code == 200
    both = client.post(reverse("certificates:issue"), {"person": person_a.pk})
    assert both.status_code == 200 and Certificate.objects.count() == 0
    outsider = PersonFactory()
    nope = client.post(
        reverse("certificates:issue"),
        {"person": outsider.pk, "course": course_tree["course"].pk},
    )
    assert nope.status_code == 200 and Certificate.objects.count() == 0
    done = client.post(
        reverse("certificates:issue"), {"person": person_a.pk, "course": course_tree["course"].pk}
    )
    assert done.status_code == 302
    assert Certificate.objects.get().recipient == person_a


def test_hostile_input_never_gives_a_server_error(client, trainer_a, issued):
    client.force_login(trainer_a)
    for method, url, data in [
        ("get", reverse("certificates:manage"), {"status": "<x>", "q": "'\x00", "page": "-1"}),
        ("post", reverse("certificates:action", args=[issued[0].uuid]), {"action": "explode"}),
        (
            "post",
            reverse("certificates:action", args=[issued[0].uuid]),
            {"action": "revoke", "reason": "x" * 5000},
        ),
        ("get", "/vi/certificates/not-a-uuid/certificate.pdf", {}),
        ("post", reverse("certificates:issue"), {"person": "abc", "course": "-1"}),
        ("get", reverse("certificates:verify_search"), {"serial": "x" * 1000, "name": "\x00"}),
    ]:
        response = getattr(client, method)(url, data)
        assert response.status_code < 500, (url, response.status_code)


def test_staff_correct_a_name_with_a_new_certificate(client, trainer_a, issued):
    client.force_login(trainer_a)
    old = issued[0]
    page = client.get(reverse("certificates:session", args=[old.session.uuid])).content.decode()
    assert 'value="replace"' in page
    client.post(
        reverse("certificates:action", args=[old.uuid]),
        {"action": "replace", "name": "Giàng Thị Mỷ"},
    )
    old.refresh_from_db()
    assert old.replaced_by is not None
    assert old.replaced_by.recipient_name == "Giàng Thị Mỷ"
    assert old.replaced_by.serial != old.serial
    empty = client.post(
        reverse("certificates:action", args=[old.replaced_by.uuid]),
        {"action": "replace", "name": "   "},
    )
    assert empty.status_code == 302
    assert Certificate.objects.valid().filter(recipient=old.recipient).count() == 1
