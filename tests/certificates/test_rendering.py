"""The PDF: every Vietnamese letter survives, and its QR code leads to a page that says valid."""

import io
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from certificates import rendering, services, signing
from certificates.factories import CertificateTemplateFactory
from certificates.models import Certificate
from tests.conftest import S3_BUCKET

pytestmark = pytest.mark.django_db

TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # sắc, huyền, hỏi, ngã, nặng
VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]


def toned(vowel: str) -> str:
    """One vowel with every tone, lower and upper case: "a á à ả ã ạ A Á À Ả Ã Ạ"."""
    forms = [unicodedata.normalize("NFC", vowel + tone) for tone in TONES]
    return " ".join(forms + [f.upper() for f in forms])


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("vowel", VOWELS)
def test_the_pdf_holds_the_name_with_every_tone_mark(held_session, vowel, form):
    name = f"Đặng {toned(vowel)}"
    person = held_session.attendances.first().person
    person.full_name = unicodedata.normalize(form, name)
    person.save()
    cert = services.certificate_issue(
        person=person, achievement=services.session_achievement(session=held_session)
    )
    text = pdf_text(rendering.certificate_pdf(cert))
    # Stored composed, whatever was typed; and the PDF's text is exactly that name.
    assert cert.recipient_name == unicodedata.normalize("NFC", name)
    assert unicodedata.normalize("NFC", name) in unicodedata.normalize("NFC", text)
    assert name in text


def decode_qr(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(path), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(tmp_path / "page.png")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return out.stdout.strip()


def test_the_qr_code_opens_the_verify_page_which_says_valid(
    held_session, client, tmp_path, django_capture_on_commit_callbacks
):
    CertificateTemplateFactory(kind="session")
    person = held_session.attendances.first().person
    with django_capture_on_commit_callbacks(execute=True):
        cert = services.certificate_issue(
            person=person,
            achievement=services.session_achievement(session=held_session),
            language="en",
        )
    cert.refresh_from_db()
    pdf = cert.pdf.storage.open(cert.pdf.name).read()
    assert "TỈNH ĐOÀN LÀO CAI" in pdf_text(pdf)  # the template's issuer, in capitals
    scanned = decode_qr(pdf, tmp_path)
    url, _hash, payload = scanned.partition("#")
    assert url.endswith(f"/en/certificates/verify/{cert.code}")
    claims = signing.payload_verify(payload)
    assert claims[signing.CLAIM_CERTIFICATE]["s"] == cert.serial
    assert claims[signing.CLAIM_CERTIFICATE]["n"] == cert.recipient_name
    page = client.get("/" + url.split("://", 1)[1].split("/", 1)[1])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Valid" in html and cert.recipient_name in html and cert.serial in html


def test_editors_preview_a_template_as_a_pdf(client, make_user, wagtail_base):
    from trainees.models import Role

    client.force_login(make_user(Role.CONTENT_EDITOR, phone="0911000007"))
    admin_client = client
    template = CertificateTemplateFactory(kind="course")
    response = admin_client.get(
        f"/admin/snippets/certificates/certificatetemplate/edit/{template.pk}/"
    )
    assert response.status_code == 200
    from django.urls import reverse

    preview = reverse(
        "wagtailsnippets_certificates_certificatetemplate:preview_on_edit", args=[template.pk]
    )
    form = {
        "name": template.name,
        "kind": "course",
        "heading": "GIẤY CHỨNG NHẬN",
        "body": "Chứng nhận {name} đã hoàn thành {achievement}",
        "issuer": "Huyện Đoàn Thử",
        "signatory_name": "",
        "signatory_title": "",
        "primary_colour": "#b71c1c",
        "accent_colour": "#c9a227",
    }
    assert admin_client.post(preview, form).json()["is_valid"] is True
    pdf = admin_client.get(preview)
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Nguyễn Thị Ánh Tuyết" in text and "Huyện Đoàn Thử".upper() in text.upper()


def test_no_template_still_renders(held_session):
    person = held_session.attendances.first().person
    cert = services.certificate_issue(
        person=person, achievement=services.session_achievement(session=held_session)
    )
    assert cert.template is None
    assert cert.recipient_name in pdf_text(rendering.certificate_pdf(cert))
    assert Certificate.objects.count() == 1


def test_a_logo_in_object_storage_is_printed(held_session, settings, s3_server):
    """With media in a bucket (no local path) the worker puts the logo into the document
    itself instead of fetching it from the site."""
    from django.core.files.base import ContentFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "cms.storage.MediaStorage",
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": s3_server[0],
                "region_name": "us-east-1",
                "access_key": "testing",
                "secret_key": "testing",
                "location": "media",
            },
        },
    }
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 120), (20, 90, 160)).save(buffer, "PNG")
    logo = get_image_model()(title="Logo", width=120, height=120)
    logo.file.save("logo.png", ContentFile(buffer.getvalue()), save=False)
    logo.width, logo.height = 120, 120
    logo.save()
    with pytest.raises(NotImplementedError):
        logo.file.path  # noqa: B018 — the bucket case: no file on this machine

    def images(template):
        person = held_session.attendances.first().person
        cert = services.certificate_issue(
            person=person, achievement=services.session_achievement(session=held_session)
        )
        cert.template = template
        pdf = PdfReader(io.BytesIO(rendering.certificate_pdf(cert)))
        cert.delete()
        return sum(len(page.images) for page in pdf.pages)

    template = CertificateTemplateFactory(kind="session")
    plain = images(template)
    template.logo = logo
    template.save()
    assert images(template) == plain + 1
