"""Trainer and learner pages for sessions and attendance. Thin: services do the work."""

import datetime as dt
import io
import uuid

import segno
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.http_cache import public_page

from ..models import (
    Attendance,
    AttendanceChange,
    AttendanceMethod,
    AttendanceStatus,
    Commune,
    Person,
    SessionTopic,
    TrainingSession,
)
from ..people.forms import PersonForm
from ..people.person_fields import person_rules
from ..people.services import DuplicatePersonError, person_register
from ..permissions import user_can_record
from ..scoping import get_scoped_object_or_404, visible_communes
from . import importexport, services
from .forms import (
    CheckinNameForm,
    CheckinRegisterForm,
    RosterConfirmForm,
    RosterImportForm,
    TrainingSessionForm,
)


def _trainer_only(request):
    if not user_can_record(request.user):
        raise PermissionDenied


def _uuid_or_none(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value else None
    except (TypeError, ValueError):
        return None


def get_session(request, session_uuid):
    """The session with this uuid, when it is in the user's scope; 404 otherwise."""
    return get_scoped_object_or_404(
        TrainingSession.objects.select_related("commune", "village"),
        request.user,
        uuid=session_uuid,
    )


@login_required
def session_list(request):
    _trainer_only(request)
    sessions = (
        TrainingSession.objects.for_user(request.user)
        .select_related("commune", "village")
        .annotate(
            present=Count(
                "attendances",
                filter=Q(attendances__status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE]),
            )
        )
    )
    today = timezone.localdate()
    upcoming = sessions.filter(starts_at__date__gte=today).order_by("starts_at")[:50]
    past = sessions.filter(starts_at__date__lt=today).order_by("-starts_at")[:50]
    return render(
        request,
        "trainees/session_list.html",
        {
            "upcoming": upcoming,
            "past": past,
            "to_check": Person.objects.flagged_for(request.user).count(),
        },
    )


def _default_times():
    now = timezone.localtime()
    start = (now + dt.timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    return start.date(), start.time(), (start + dt.timedelta(hours=2)).time()


@login_required
def session_create(request):
    _trainer_only(request)
    communes = visible_communes(request.user)
    initial = {}
    source_uuid = _uuid_or_none(request.GET.get("copy"))
    if request.GET.get("copy") and source_uuid is None:
        raise Http404  # like any unknown session
    if source_uuid:
        # Copying keeps what and where; the trainer only picks the new day.
        source = get_session(request, source_uuid)
        local_start = timezone.localtime(source.starts_at)
        initial = {
            "title": source.title,
            "commune": source.commune,
            "village": source.village,
            "venue": source.venue,
            "topics": source.topics,
            "topic_list": list(source.topic_list.all()),
            "capacity": source.capacity,
            "courses": list(source.courses.all()),
            "start": local_start.time(),
            "end": timezone.localtime(source.ends_at).time(),
            "day": timezone.localdate(),
        }
    else:
        day, start, end = _default_times()
        initial = {"day": day, "start": start, "end": end}
        if communes.count() == 1:
            initial["commune"] = communes.first()
    form = TrainingSessionForm(request.POST or None, initial=initial, communes=communes)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        tz = timezone.get_current_timezone()
        try:
            session = services.training_session_create(
                by=request.user,
                commune=data["commune"],
                village=data["village"],
                title=data["title"],
                starts_at=dt.datetime.combine(data["day"], data["start"], tzinfo=tz),
                ends_at=dt.datetime.combine(data["day"], data["end"], tzinfo=tz),
                venue=data["venue"],
                topics=data["topics"],
                topic_list=data["topic_list"],
                capacity=data["capacity"],
                notes=data["notes"],
                team=request.user.teams.filter(communes=data["commune"]).first(),
                courses=data["courses"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Session created."))
            return redirect("trainees:session_detail", session_uuid=session.uuid)
    return render(
        request,
        "trainees/session_form.html",
        {
            "form": form,
            "topics": SessionTopic.objects.filter(active=True),
            "copying": bool(source_uuid),
        },
    )


@login_required
def session_detail(request, session_uuid):
    _trainer_only(request)
    session = get_session(request, session_uuid)
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("open_checkin", "close_checkin"):
            services.training_session_set_checkin(
                by=request.user, session=session, open=action == "open_checkin"
            )
        elif action in TrainingSession.Status.values:
            services.training_session_set_status(by=request.user, session=session, status=action)
        return redirect("trainees:session_detail", session_uuid=session.uuid)
    counts = dict(
        Attendance.objects.filter(session=session)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    # Marks whose phone had a wrong clock: kept at the time received, for the trainer to check.
    clock_flagged = list(
        Attendance.objects.filter(session=session, clock_suspect=True)
        .select_related("person")
        .order_by("person__name_key")
    )
    device_times = dict(
        AttendanceChange.objects.filter(
            uuid__in=[a.change_uuid for a in clock_flagged]
        ).values_list("uuid", "device_time")
    )
    for attendance in clock_flagged:
        attendance.device_time = device_times.get(attendance.change_uuid, "")
    return render(
        request,
        "trainees/session_detail.html",
        {
            "session": session,
            "counts": [(s.label, counts.get(s.value, 0)) for s in AttendanceStatus],
            "statuses": TrainingSession.Status,
            "clock_flagged": clock_flagged,
        },
    )


@never_cache
@login_required
def session_qr(request, session_uuid):
    """A fresh QR code (SVG) for self check-in; the session screen reloads it every 30 s."""
    _trainer_only(request)
    session = get_session(request, session_uuid)
    if not session.checkin_open:
        raise PermissionDenied
    url = request.build_absolute_uri(
        reverse("trainees:checkin", kwargs={"session_uuid": session.uuid})
        + "?t="
        + services.checkin_token_make(session)
    )
    buffer = io.BytesIO()
    # A standalone SVG document (with its namespace), so it works as an <img> source.
    segno.make(url, error="m").save(buffer, kind="svg", scale=6, border=2, xmldecl=False)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@login_required
def session_rollcall(request, session_uuid):
    """The roll call (private: for trainers of the session's commune). Its HTML names no one
    and no session, so it is also the offline shell below; the script fills it in."""
    _trainer_only(request)
    get_session(request, session_uuid)
    return _rollcall_render(request)


@require_GET
@public_page()
def rollcall_shell(request):
    """What the service worker shows for a roll call opened with no signal: the same page,
    holding nothing personal; the roster and the records wait in the phone's IndexedDB."""
    return _rollcall_render(request)


def _rollcall_render(request):
    return render(
        request,
        "trainees/session_rollcall.html",
        {
            "ethnicities": Person._meta.get_field("ethnicity").choices,
            "genders": Person.Gender.choices,
            "text": {
                "pending": _("Waiting to sync: %(n)s records"),
                "synced": _("All saved."),
                "present": _("Present: %(n)s of %(total)s"),
                "failed": _("%(n)s records could not be saved:"),
                "no_roster": _("No signal and no saved list. Open this page once with signal."),
                "signin": _(
                    "Your login has expired. Log in again to send what waits: nothing "
                    "recorded on this phone is lost."
                ),
            },
            "person_rules": person_rules(),
        },
    )


# --- Sign-in sheet: print, then type in -----------------------------------------------------


def _sheet_rows(session, user):
    people = list(
        services.training_session_roster(session=session, user=user).select_related("village")
    )
    marks = {
        a.person_id: a.status
        for a in Attendance.objects.filter(session=session).only("person_id", "status")
    }
    return [(n, p, marks.get(p.pk)) for n, p in enumerate(people, start=1)]


@login_required
def session_sheet_pdf(request, session_uuid):
    _trainer_only(request)
    session = get_session(request, session_uuid)
    pdf = importexport.sign_in_sheet_pdf(
        session=session,
        rows=_sheet_rows(session, request.user),
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sign-in-{session.starts_at:%Y%m%d}.pdf"'
    return response


SHEET_NEW_ROWS = 5


@login_required
def session_sheet(request, session_uuid):
    """Type in a paper sign-in sheet: one status per numbered row, and the new names below."""
    _trainer_only(request)
    session = get_session(request, session_uuid)
    rows = _sheet_rows(session, request.user)
    new_forms = [
        PersonForm(
            request.POST or None,
            prefix=f"new{i}",
            commune=session.commune,
            empty_permitted=True,
            use_required_attribute=False,
        )
        for i in range(SHEET_NEW_ROWS)
    ]
    duplicates = {}
    if request.method == "POST":
        statuses = {}
        for _n, person, _current in rows:
            value = request.POST.get(f"status_{person.pk}", "")
            if value in AttendanceStatus.values:
                statuses[person] = value
        if all(f.is_valid() for f in new_forms):
            try:
                with transaction.atomic():
                    for i, form in enumerate(new_forms):
                        if not form.has_changed() or not form.cleaned_data.get("full_name"):
                            continue
                        # Most walk-ins live where the session is held.
                        data = {
                            **form.cleaned_data,
                            "village": form.cleaned_data["village"] or session.village,
                        }
                        existing = request.POST.get(f"new{i}-existing", "")
                        if existing.isdigit():
                            person = get_object_or_404(
                                Person.objects.for_user(request.user), pk=int(existing)
                            )
                        else:
                            try:
                                person = person_register(
                                    by=request.user,
                                    commune=session.commune,
                                    allow_duplicate=existing == "new",
                                    **data,
                                )
                            except DuplicatePersonError as exc:
                                duplicates[i] = exc.candidates
                                continue
                        statuses[person] = AttendanceStatus.PRESENT
                    if duplicates:
                        raise _Rollback
                    recorded_at = timezone.now()
                    result = services.attendance_sync(
                        by=request.user,
                        marks=[
                            services.MarkData(
                                uuid=uuid.uuid4(),
                                session=session.uuid,
                                person_id=person.pk,
                                status=status,
                                method=AttendanceMethod.SIGN_IN_SHEET,
                                recorded_at=recorded_at,
                                server_clock=True,
                            )
                            for person, status in statuses.items()
                        ],
                    )
            except _Rollback:
                for i, candidates in duplicates.items():
                    new_forms[i].duplicates = candidates
                messages.error(
                    request, _("Some names may already be registered. Choose for each one.")
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    _("Sign-in sheet saved: %(n)s marks.") % {"n": result.marks_new},
                )
                return redirect("trainees:session_detail", session_uuid=session.uuid)
    return render(
        request,
        "trainees/session_sheet.html",
        {
            "session": session,
            "rows": rows,
            "new_forms": new_forms,
            "statuses": AttendanceStatus.choices,
        },
    )


class _Rollback(Exception):
    """Undo a half-saved sheet so the trainer can resolve likely duplicates first."""


# --- Import and export ---------------------------------------------------------------------


@login_required
def session_import(request, session_uuid):
    """Upload a roster; preview it; import all rows or none, marking them present if asked."""
    _trainer_only(request)
    session = get_session(request, session_uuid)
    key = f"import:{session.uuid}"
    form = RosterImportForm(request.POST or None, request.FILES or None)
    confirm = RosterConfirmForm(request.POST or None, session=session)
    preview = errors = None
    if request.method == "POST" and request.POST.get("confirm"):
        stored = request.session.get(key)
        if not stored:
            messages.error(request, _("The preview expired. Upload the file again."))
            return redirect("trainees:session_import", session_uuid=session.uuid)
        confirm.is_valid()  # one radio choice, with a default: always valid
        try:
            count = importexport.roster_import(
                by=request.user,
                session=session,
                rows=stored["rows"],
                mark_present=confirm.mark_present,
            )
        except importexport.ImportErrors as exc:
            errors = exc.errors
        else:
            del request.session[key]
            if confirm.mark_present:
                done = _("%(n)s people imported and marked present.")
            else:
                done = _("%(n)s people imported. Take the roll at the session to mark who came.")
            messages.success(request, done % {"n": count})
            return redirect("trainees:session_detail", session_uuid=session.uuid)
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = importexport.read_table(upload.name, upload.read())
            preview = importexport.roster_validate(session=session, rows=rows)
        except importexport.ImportErrors as exc:
            errors = exc.errors
        else:
            request.session[key] = {"rows": rows}
            confirm = RosterConfirmForm(session=session)
    return render(
        request,
        "trainees/session_import.html",
        {
            "session": session,
            "form": form,
            "confirm_form": confirm,
            "preview": preview,
            "errors": errors,
        },
    )


@login_required
def session_export(request, session_uuid, fmt):
    _trainer_only(request)
    session = get_session(request, session_uuid)
    rows = Attendance.objects.filter(session=session)
    return importexport.attendance_response(
        rows, fmt=fmt, filename=f"attendance-{session.starts_at:%Y%m%d}-{session.pk}"
    )


@login_required
def commune_attendance_export(request, code, fmt):
    _trainer_only(request)
    commune = get_scoped_object_or_404(Commune.objects.all(), request.user, code=code)
    rows = Attendance.objects.for_user(request.user).filter(session__commune=commune)
    return importexport.attendance_response(
        rows, fmt=fmt, filename=f"attendance-{commune.codename}"
    )


# --- QR self check-in (learners) -----------------------------------------------------------

CHECKIN_SESSION_KEY = "checkin_scans"


def _scan_is_fresh(request, session) -> bool:
    scanned = request.session.get(CHECKIN_SESSION_KEY, {}).get(str(session.uuid))
    if not scanned:
        return False
    age = timezone.now() - dt.datetime.fromisoformat(scanned)
    return age <= services.CHECKIN_GRACE


@never_cache
def checkin(request, session_uuid):
    """Scan → (log in or register) → present. The token is checked once, at the scan."""
    session = get_object_or_404(
        TrainingSession.objects.select_related("commune"), uuid=session_uuid
    )
    context = {"session": session}
    if "t" in request.GET:
        try:
            services.checkin_token_check(session, request.GET["t"])
        except services.CheckinRefused as exc:
            return render(
                request, "trainees/checkin.html", {**context, "refused": str(exc)}, status=403
            )
        scans = request.session.get(CHECKIN_SESSION_KEY, {})
        scans[str(session.uuid)] = timezone.now().isoformat()
        request.session[CHECKIN_SESSION_KEY] = scans
        # Drop the token from the address so a reload or a shared link does not reuse it.
        return redirect("trainees:checkin", session_uuid=session.uuid)
    if not _scan_is_fresh(request, session):
        return render(
            request,
            "trainees/checkin.html",
            {**context, "refused": _("Scan the code on the trainer's screen to check in.")},
            status=403,
        )

    user = request.user
    person = Person.objects.filter(user=user).first() if user.is_authenticated else None
    register_form = name_form = None
    if not user.is_authenticated:
        register_form = CheckinRegisterForm(
            request.POST or None, commune=session.commune, prefix="reg"
        )
    elif person is None:
        name_form = CheckinNameForm(
            request.POST or None,
            commune=session.commune,
            initial={"full_name": user.get_full_name()},
        )

    if request.method == "POST":
        try:
            with transaction.atomic():
                if register_form is not None:
                    if not register_form.is_valid():
                        raise _Rollback
                    user, person = services.checkin_register(
                        session=session, **register_form.cleaned_data
                    )
                elif name_form is not None:
                    if not name_form.is_valid():
                        raise _Rollback
                    person = services.checkin_person_for_user(
                        user=user, session=session, **name_form.cleaned_data
                    )
                services.checkin_self(user=user, session=session, person=person)
        except _Rollback:
            pass
        except services.CheckinRefused as exc:
            return render(
                request, "trainees/checkin.html", {**context, "refused": str(exc)}, status=403
            )
        except ValidationError as exc:
            form = register_form or name_form
            if form is not None and hasattr(exc, "error_dict"):
                form.add_error(None, exc)  # each message beside its field
            else:
                messages.error(request, " ".join(exc.messages))
        else:
            if not request.user.is_authenticated:
                login(request, user, backend="trainees.people.backends.PhoneNumberBackend")
            return render(request, "trainees/checkin.html", {**context, "done": person})
    return render(
        request,
        "trainees/checkin.html",
        {
            **context,
            "register_form": register_form,
            "name_form": name_form,
            "person": person,
            "login_url": reverse("login") + "?next=" + request.path,
        },
    )
