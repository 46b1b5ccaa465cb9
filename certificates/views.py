"""Certificate pages. Thin: services do the work, `permissions` says who may.

Public (same HTML for everyone who is not signed in, cacheable): the verify page, the serial
search, the offline "Check a certificate" screen, the key list and the revocation list.
Private (`Cache-Control: private, no-store`): everything that names a person's certificates.
"""

from __future__ import annotations

import functools
import re

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from zipstream import ZipStream

from cms import ratelimit
from cms.http_cache import public_page
from courses.models import CoursePage
from trainees.models import Person, TrainingSession, normalise_name
from trainees.scoping import get_scoped_object_or_404

from . import permissions, services, signing
from .models import Certificate

# --- Helpers -----------------------------------------------------------------------------


def private(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapped


# The check screens are public pages (docs/architecture.md): the same for everyone, the
# account links filled in by /api/me/, so a proxy and the phone may keep them.
public = public_page


def rate_limited(request, bucket: str) -> int | None:
    """A fixed-window limit per address on the public lookups (CERTIFICATE_LOOKUPS_PER_MINUTE),
    so codes and serials cannot be tried at speed: the seconds to wait, or None. Fails open
    when the cache is down, as every rate limit does (see cms.ratelimit)."""
    address = ratelimit.client_address(request)
    if address in settings.RATE_LIMIT_EXEMPT_ADDRESSES:
        return None
    return ratelimit.hit(
        f"certificates:{bucket}",
        address,
        limit=settings.CERTIFICATE_LOOKUPS_PER_MINUTE,
        seconds=60,
    )


def too_many(request, retry_after: int):
    return ratelimit.too_many_response(request, retry_after, template="certificates/too_many.html")


def _staff_only(request):
    if not permissions.user_can_manage(request.user):
        raise PermissionDenied


# --- Learners ----------------------------------------------------------------------------


@login_required
@private
def mine(request):
    certificates = (
        Certificate.objects.filter(recipient__user=request.user)
        .select_related("replaced_by")
        .order_by("-issued_at")
    )
    return render(request, "certificates/mine.html", {"certificates": certificates})


@login_required
@private
@require_GET
def download(request, uuid):
    """The PDF, for its holder and for staff whose scope includes it; 404 for anyone else."""
    certificate = get_object_or_404(Certificate.objects.select_related("recipient"), uuid=uuid)
    if not permissions.user_can_download(request.user, certificate):
        raise Http404
    if certificate.status == Certificate.Status.REVOKED or not certificate.pdf:
        return render(
            request, "certificates/not_ready.html", {"certificate": certificate}, status=409
        )
    storage = certificate.pdf.storage
    if not storage.exists(certificate.pdf.name):
        return render(
            request, "certificates/not_ready.html", {"certificate": certificate}, status=409
        )
    filename = f"{certificate.serial} {slugify(normalise_name(certificate.recipient_name))}.pdf"
    return FileResponse(
        storage.open(certificate.pdf.name, "rb"),
        as_attachment=request.GET.get("inline") != "1",
        filename=filename,
        content_type="application/pdf",
    )


# --- Trainers and coordinators ---------------------------------------------------------


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


@login_required
@private
def manage(request):
    _staff_only(request)
    certificates = Certificate.objects.for_user(request.user).select_related(
        "commune", "replaced_by", "recipient"
    )
    status = request.GET.get("status", "")
    if status == "valid":
        certificates = certificates.valid()
    elif status in Certificate.Status.values:
        certificates = certificates.filter(status=status)
    else:
        status = ""
    # Printable characters only: PostgreSQL refuses a NUL byte in a query parameter.
    query = " ".join("".join(c for c in request.GET.get("q", "") if c.isprintable()).split())
    query = query[:100]
    if query:
        key = normalise_name(query)
        certificates = certificates.filter(
            Q(serial__iexact=services.serial_normalise(query) or query)
            | Q(recipient__name_key__contains=key)
        )
    page = Paginator(certificates, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "certificates/manage.html",
        {
            "page": page,
            "status": status,
            "query": query,
            "statuses": Certificate.Status.choices,
            "revoke_form": RevokeForm(),
            "can_issue": permissions.user_can_issue_for_people(request.user),
        },
    )


@login_required
@private
@require_POST
def certificate_action(request, uuid):
    """Revoke (with a reason), correct the name (a new certificate replaces this one) or send
    again a certificate in the user's scope."""
    _staff_only(request)
    certificate = get_scoped_object_or_404(Certificate.objects.all(), request.user, uuid=uuid)
    action = request.POST.get("action")
    try:
        if action == "revoke":
            form = RevokeForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the reason for revoking the certificate."))
            services.certificate_revoke(
                certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(
                request, _("Certificate %(serial)s was revoked.") % {"serial": certificate.serial}
            )
        elif action == "replace":
            new = services.certificate_replace(
                certificate=certificate,
                by=request.user,
                recipient_name=request.POST.get("name", "")[:150],
            )
            messages.success(
                request,
                _("Certificate %(old)s was replaced by %(new)s with the corrected name.")
                % {"old": certificate.serial, "new": new.serial},
            )
        elif action == "resend":
            services.certificate_resend(certificate=certificate, by=request.user)
            messages.success(
                request,
                _("Certificate %(serial)s is being prepared again.")
                % {"serial": certificate.serial},
            )
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    back = request.POST.get("next", "")
    if not back.startswith("/") or back.startswith("//"):
        back = reverse("certificates:manage")
    return redirect(back)


class IssueForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none(), label=gettext_lazy("Person"))
    course = forms.ModelChoiceField(
        queryset=CoursePage.objects.none(),
        required=False,
        label=gettext_lazy("Course completed"),
    )
    session = forms.ModelChoiceField(
        queryset=TrainingSession.objects.none(),
        required=False,
        label=gettext_lazy("Or a training session attended"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.for_user(user).select_related("commune")
        self.fields["course"].queryset = CoursePage.objects.live().filter(
            locale__language_code="vi"
        )
        self.fields["session"].queryset = TrainingSession.objects.for_user(user).filter(
            status=TrainingSession.Status.HELD
        )

    def clean(self):
        data = super().clean()
        if bool(data.get("course")) == bool(data.get("session")):
            raise ValidationError(_("Choose either a course or a training session."))
        return data


@login_required
@private
def issue(request):
    """A coordinator issues one person's certificate."""
    if not permissions.user_can_issue_for_people(request.user):
        raise PermissionDenied
    form = IssueForm(request.POST or None, user=request.user, initial=request.GET)
    if request.method == "POST" and form.is_valid():
        try:
            certificate = services.certificate_issue_for_person(
                by=request.user,
                person=form.cleaned_data["person"],
                course=form.cleaned_data["course"],
                session=form.cleaned_data["session"],
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _("Certificate %(serial)s for %(name)s.")
                % {"serial": certificate.serial, "name": certificate.recipient_name},
            )
            return redirect(f"{reverse('certificates:manage')}?q={certificate.serial}")
    return render(request, "certificates/issue.html", {"form": form})


def _session_counts(session) -> dict:
    counts = (
        Certificate.objects.valid()
        .filter(session=session)
        .aggregate(
            total=Count("pk"),
            ready=Count("pk", filter=Q(status=Certificate.Status.READY)),
            failed=Count("pk", filter=Q(status=Certificate.Status.FAILED)),
        )
    )
    return counts


@login_required
@private
def session_certificates(request, session_uuid):
    """A held session's certificates: issue them all, watch them being prepared, download."""
    _staff_only(request)
    session = get_scoped_object_or_404(
        TrainingSession.objects.select_related("commune"), request.user, uuid=session_uuid
    )
    if request.method == "POST":
        try:
            result = services.session_certificates_issue(session=session, by=request.user)
        except (ValidationError, PermissionDenied) as e:
            messages.error(request, " ".join(getattr(e, "messages", [str(e)])))
        else:
            messages.success(
                request,
                _("%(issued)d certificates issued; %(existing)d people already had one.")
                % {"issued": len(result.issued), "existing": result.existing},
            )
        return redirect("certificates:session", session_uuid=session.uuid)
    certificates = (
        Certificate.objects.filter(session=session)
        .select_related("replaced_by", "recipient")
        .order_by("recipient_name", "pk")
    )
    return render(
        request,
        "certificates/session.html",
        {
            "session": session,
            "certificates": certificates,
            "counts": _session_counts(session),
            "can_issue": permissions.user_can_issue_for_session(request.user, session),
            "held": session.status == TrainingSession.Status.HELD,
            "revoke_form": RevokeForm(),
        },
    )


@login_required
@private
@require_GET
def session_progress(request, session_uuid):
    """n of m ready, for the page to update without a reload."""
    _staff_only(request)
    session = get_scoped_object_or_404(TrainingSession.objects, request.user, uuid=session_uuid)
    counts = _session_counts(session)
    counts["text"] = _("%(ready)d of %(total)d ready") % counts
    return JsonResponse(counts)


def _file_chunks(storage, name):
    # Opened only when the ZIP stream reaches this file, and read in pieces.
    with storage.open(name, "rb") as f:
        yield from iter(functools.partial(f.read, 64 * 1024), b"")


@login_required
@private
@require_GET
def session_zip(request, session_uuid):
    """All ready PDFs of a session in one ZIP, streamed: no PDF is held in memory."""
    _staff_only(request)
    session = get_scoped_object_or_404(TrainingSession.objects, request.user, uuid=session_uuid)
    rows = list(
        Certificate.objects.valid()
        .filter(session=session, status=Certificate.Status.READY)
        .exclude(pdf="")
        .order_by("serial")
        .values_list("pdf", "serial", "recipient_name")
    )
    if not rows:
        messages.error(request, _("No certificate of this session is ready yet."))
        return redirect("certificates:session", session_uuid=session.uuid)
    storage = Certificate._meta.get_field("pdf").storage
    stream = ZipStream(sized=False)
    for name, serial, holder in rows:
        stream.add(_file_chunks(storage, name), f"{serial} {slugify(normalise_name(holder))}.pdf")
    response = StreamingHttpResponse(stream, content_type="application/zip")
    filename = f"certificates-{slugify(normalise_name(session.title))[:60]}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Verification (public) -----------------------------------------------------------------

# What `services._code` makes (base64url); anything else is unknown without asking the database.
CODE_RE = re.compile(r"[A-Za-z0-9_-]{8,32}")


@public(max_age=300)
@require_GET
def verify(request, code):
    """What the QR code opens: valid, revoked (with the reason) or replaced by another."""
    if retry_after := rate_limited(request, "verify"):
        return too_many(request, retry_after)
    certificate = (
        Certificate.objects.select_related("replaced_by").filter(code=code).first()
        if CODE_RE.fullmatch(code)
        else None
    )
    status = 404 if certificate is None else 200
    return render(request, "certificates/verify.html", {"certificate": certificate}, status=status)


class SearchForm(forms.Form):
    serial = forms.CharField(
        label=gettext_lazy("Serial number"),
        max_length=30,
        widget=forms.TextInput(attrs={"placeholder": "15-2026-000123", "autocomplete": "off"}),
    )
    name = forms.CharField(
        label=gettext_lazy("Full name, as printed on the certificate"), max_length=150
    )

    def clean_serial(self):
        serial = services.serial_normalise(self.cleaned_data["serial"])
        if serial is None:
            raise ValidationError(_("A serial number looks like 15-2026-000123."))
        return serial


@public(max_age=0)
@require_GET
def verify_search(request):
    """For people who type the serial printed on a certificate (with the holder's name)."""
    form = SearchForm(request.GET or None)
    not_found = False
    if form.is_bound:
        if retry_after := rate_limited(request, "search"):
            return too_many(request, retry_after)
        if form.is_valid():
            certificate = services.certificate_find_by_serial(
                serial=form.cleaned_data["serial"], name=form.cleaned_data["name"]
            )
            if certificate is not None:
                return redirect("certificates:verify", code=certificate.code)
            not_found = True
    return render(
        request, "certificates/verify_search.html", {"form": form, "not_found": not_found}
    )


@public(max_age=3600)
@require_GET
def check(request):
    """The offline "Check a certificate" screen (its script does the work)."""
    return render(request, "certificates/check.html", {"texts": check_texts()})


def check_texts() -> dict[str, str]:
    """What the check screen's script says, in the page's language."""
    return {
        "valid": _("Valid"),
        "valid_help": _("The signature is genuine and the certificate was not revoked."),
        "revoked": _("Revoked"),
        "revoked_help": _("This certificate was revoked (as of the last sync, %(date)s)."),
        "replaced": _("Replaced"),
        "replaced_help": _(
            "A newer certificate replaced this one (as of the last sync, %(date)s)."
        ),
        "invalid": _("Not genuine"),
        "invalid_help": _(
            "This QR code was not issued by the campaign, or it was changed. Do not accept it."
        ),
        "unknown_key": _(
            "It is signed with a key this phone does not know. Connect once to sync, then "
            "check again; if it still fails, do not accept it."
        ),
        "not_certificate": _("This QR code is not a certificate."),
        "no_keys": _("This phone has no keys yet: open this page once with a connection."),
        "holder": _("Holder"),
        "achievement": _("Achievement"),
        "date": _("Date"),
        "issuer": _("Issued by"),
        "serial": _("Serial number"),
        "synced": _("Up to date as of %(date)s."),
        "sync_old": _("Offline. Revocations as of %(date)s."),
        "never_synced": _("Not synced yet: open this page once with a connection."),
        "camera_error": _("The camera could not be opened. Take a photo of the QR code instead."),
        "no_qr": _("No QR code found in this picture. Try again, closer and with more light."),
        "scanning": _("Point the camera at the QR code."),
        "stop": _("Stop"),
    }


@require_GET
def keys(request):
    """The JWK Set of the keys that sign certificates (RFC 7517), for any verifier."""
    response = JsonResponse(signing.jwk_set())
    response["Content-Type"] = "application/jwk-set+json"
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_GET
def revocations(request):
    """Serials of revoked and replaced certificates, for the offline check to sync."""
    response = JsonResponse(services.revocations_list())
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=300)
    return response


def session_panel_html(request, session) -> str:
    from django.template.loader import render_to_string

    if request is None or not permissions.user_can_manage(request.user):
        return ""
    return render_to_string(
        "certificates/includes/session_panel.html",
        {"session": session, "counts": _session_counts(session)},
        request=request,
    )
