"""HTML + print CSS → PDF with WeasyPrint, the same way in the web process and in workers.

A worker renders thousands of certificates: the font configuration (fontconfig's list of
fonts, the Noto families with full Vietnamese coverage) and the parsed stylesheet are made
once per process and reused, as is WeasyPrint's image cache, so each certificate costs only
its own layout — no more than raw WeasyPrint of the same HTML.

The QR code is made by segno, holding the verify URL with the signed payload after `#` (see
`certificates.signing`). It goes into the PDF as an image of one pixel per module, scaled up
without smoothing (`image-rendering: pixelated`), so it stays sharp at any zoom: drawn as an
SVG path instead, its ~1,800 little squares were parsed and written one by one by
WeasyPrint — about a third of each certificate's CPU time (`benchmark_certificates`).
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import html
import mimetypes
import re
from pathlib import Path

import segno
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import formats, translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from .models import AchievementKind, Certificate, CertificateTemplate

STYLESHEET = Path(__file__).parent / "templates" / "certificates" / "certificate_pdf.css"
PLACEHOLDER_RE = re.compile(r"\{(name|achievement|date|commune|province)\}")


@functools.cache
def font_config() -> FontConfiguration:
    return FontConfiguration()


@functools.cache
def stylesheet() -> CSS:
    return CSS(string=STYLESHEET.read_text("utf-8"), font_config=font_config())


class ImageCache(dict):
    """WeasyPrint's image cache, kept for the life of the process for the logo and signature
    that every certificate repeats — but not for `data:` URLs: each certificate's QR code is
    one, used once, and keeping them would grow the worker by every certificate rendered."""

    def __setitem__(self, key, value):
        if not str(key).startswith("data:"):
            super().__setitem__(key, value)


_image_cache = ImageCache()


def html_to_pdf(document: str) -> bytes:
    """The warm path: shared fonts, stylesheet and image cache."""
    return HTML(string=document, base_url=str(STYLESHEET.parent)).write_pdf(
        stylesheets=[stylesheet()], font_config=font_config(), cache=_image_cache
    )


def warm_up() -> None:
    """Load WeasyPrint, the fonts and the stylesheet, and lay out one sample certificate.

    Called in a Celery worker's main process before it forks its pool (`worker_init`): every
    pool process, including each one that replaces a recycled process, then starts warm
    instead of spending a second or more of CPU on the same work. No database: nothing
    that must not cross a fork.
    """
    html_to_pdf(
        document_html(
            template=None,
            values={**SAMPLE, "achievement": "VNeID", "date": "01/01/2026", "issuer": "—"},
            serial="VN-2026-000000",
            qr_url="https://example.org/",
            language="vi",
            verify_hint="example.org",
        )
    )


def _image_uri(image) -> str:
    if image is None:
        return ""
    try:
        return Path(image.file.path).as_uri()
    except NotImplementedError:
        # Object storage (S3) has no local path, and the worker must not fetch our own
        # site over HTTP: the logo or signature goes into the document itself.
        with image.file.storage.open(image.file.name, "rb") as f:
            data = base64.b64encode(f.read()).decode("ascii")
        kind = mimetypes.guess_type(image.file.name)[0] or "application/octet-stream"
        return f"data:{kind};base64,{data}"
    except (ValueError, FileNotFoundError):
        return image.file.url


def body_html(text: str, values: dict[str, str]) -> str:
    """The template's body as paragraphs, placeholders filled in; everything escaped."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]

    def fill(paragraph: str) -> str:
        out, last = [], 0
        for match in PLACEHOLDER_RE.finditer(paragraph):
            out.append(html.escape(paragraph[last : match.start()]))
            key = match.group(1)
            out.append(f'<span class="v-{key}">{html.escape(values.get(key, ""))}</span>')
            last = match.end()
        out.append(html.escape(paragraph[last:]))
        return "".join(out).replace("\n", "<br>")

    return "".join(f"<p>{fill(p)}</p>" for p in paragraphs)


# Any of the eight masks gives a valid code that every reader decodes; choosing the "best"
# one means scoring all eight in pure Python, which took longer than laying out the whole
# page. The payload is compressed and base64url, so no mask meets the pathological runs the
# scoring guards against.
QR_MASK = 2


def qr_image_uri(url: str) -> str:
    code = segno.make(url, error="m", micro=False, mask=QR_MASK)
    return code.png_data_uri(scale=1, border=0)


def document_html(
    *,
    template: CertificateTemplate | None,
    values: dict[str, str],
    serial: str,
    qr_url: str,
    language: str,
    verify_hint: str,
) -> str:
    with translation.override(language):
        return render_to_string(
            "certificates/certificate_pdf.html",
            {
                "template": template,
                "heading": template.heading if template else "GIẤY CHỨNG NHẬN",
                "body": body_html(template.body if template else DEFAULT_BODY, values),
                "issuer": values.get("issuer", ""),
                "primary": template.primary_colour if template else "#b71c1c",
                "accent": template.accent_colour if template else "#c9a227",
                "logo": _image_uri(template.logo) if template else "",
                "signature": _image_uri(template.signature) if template else "",
                "serial": serial,
                "qr": qr_image_uri(qr_url),
                "verify_hint": verify_hint,
                "date": values.get("date", ""),
                "language": language,
            },
        )


DEFAULT_BODY = "{name}\n\n{achievement}\n\n{commune}, {province}, {date}"


def date_text(day: dt.date, language: str) -> str:
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


def certificate_values(certificate: Certificate) -> dict[str, str]:
    commune = certificate.commune
    return {
        "name": certificate.recipient_name,
        "achievement": certificate.achievement_title,
        "date": date_text(certificate.achieved_on, certificate.language),
        "commune": commune.name if commune else "",
        "province": commune.province.name if commune else "",
        "issuer": certificate.issuer,
    }


def certificate_html(certificate: Certificate) -> str:
    from .services import certificate_verify_url

    verify = certificate_verify_url(certificate, with_payload=False)
    return document_html(
        template=certificate.template,
        values=certificate_values(certificate),
        serial=certificate.serial,
        qr_url=certificate_verify_url(certificate),
        language=certificate.language,
        verify_hint=verify.split("://", 1)[-1].split("/", 1)[0],
    )


def certificate_pdf(certificate: Certificate) -> bytes:
    return html_to_pdf(certificate_html(certificate))


SAMPLE = {
    "name": "Nguyễn Thị Ánh Tuyết",
    "commune": "Xã Bát Xát",
    "province": "Lào Cai",
}


def template_preview_html(template: CertificateTemplate) -> str:
    language = template.locale.language_code if template.locale_id else "vi"
    with translation.override(language):
        achievement = (
            template.course.title
            if template.course
            else (
                "Dùng điện thoại thông minh"
                if template.kind == AchievementKind.COURSE
                else "Tập huấn VNeID tại nhà văn hoá thôn Suối Chải"
            )
        )
    values = {
        **SAMPLE,
        "achievement": achievement,
        "date": date_text(dt.date.today(), language),
        "issuer": template.issuer,
    }
    return document_html(
        template=template,
        values=values,
        serial="15-2026-000123",
        qr_url="https://example.org/vi/certificates/verify/SAMPLE",
        language=language,
        verify_hint="example.org",
    )


def template_preview_response(template: CertificateTemplate) -> HttpResponse:
    """A PDF of the template filled with sample data, for the editor's preview."""
    response = HttpResponse(html_to_pdf(template_preview_html(template)), "application/pdf")
    response["Content-Disposition"] = 'inline; filename="preview.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
