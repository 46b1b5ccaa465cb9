"""A person's data on request, and how long raw logs are kept (Personal Data Protection Law).

- `person_data_export`: everything the platform holds about one person, as JSON — the
  person, attendance, lesson and course progress, activity results, quiz answers, and what
  other apps hold (certificates), which they add through the `person_data_export` signal.
- `person_erase`: erasure on request. The row of the person stays, without name, phone,
  birth year, gender, ethnic group, notes or account, so the coverage counts built from
  attendance (people trained, households reached: commune, village and household stay)
  and the serials of issued certificates stay right. Raw logs of their learning (xAPI
  statements, lesson events, quiz answers) and the history of their attendance marks are
  deleted; the summaries stay. Certificates are revoked with the reason and their PDFs
  deleted (the `person_erasing` signal, handled by `certificates`), so a printed QR code
  reads "revoked", online and, after a sync, offline.
- `audit_record`: the audit log of bulk views, exports and erasures.
- `raw_logs_prune`: the retention of raw logs, run daily by Celery beat.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import signals
from ..models import (
    ActivityStatement,
    ActivitySummary,
    Attendance,
    AttendanceChange,
    AuditEntry,
    CourseProgress,
    LessonEvent,
    LessonProgress,
    Person,
    QuizAnswer,
    Role,
    User,
)
from ..permissions import user_can_manage_personal_data


def audit_record(*, user: User, action: str, what: str, address: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        user=user,
        user_label=f"{user.get_full_name()} {user.phone}".strip()[:200],
        action=action,
        what=what[:300],
        address=address[:64],
    )


def _iso(value):
    return value.isoformat() if value else None


def person_data_export(*, by: User, person: Person, address: str = "") -> dict:
    """Everything held about `person`, for them (through a coordinator in scope)."""
    if not user_can_manage_personal_data(by, person):
        raise PermissionDenied(_("You cannot work with this person's data."))
    data = {
        "exported_at": timezone.now().isoformat(),
        "person": {
            "id": person.pk,
            "full_name": person.full_name,
            "birth_year": person.birth_year,
            "gender": person.gender,
            "ethnicity": person.ethnicity,
            "phone": person.phone,
            "province": person.commune.province.name if person.commune else None,
            "commune": person.commune.name if person.commune else None,
            "village": person.village.name if person.village else None,
            "household": person.household,
            "consent": person.consent,
            "notes": person.notes,
            "account": person.user.phone if person.user else None,
            "created_at": _iso(person.created_at),
            "erased_at": _iso(person.erased_at),
        },
        "attendance": [
            {
                "session": a.session.title,
                "starts_at": _iso(a.session.starts_at),
                "commune": a.session.commune.name,
                "status": a.status,
                "method": a.method,
                "recorded_at": _iso(a.recorded_at),
            }
            for a in Attendance.objects.filter(person=person)
            .select_related("session__commune")
            .order_by("session__starts_at")
        ],
        "lesson_progress": [
            {
                "course": str(p.course_key),
                "lesson": str(p.lesson_key),
                "started_at": _iso(p.started_at),
                "completed_at": _iso(p.completed_at),
                "best_score": p.best_score,
            }
            for p in LessonProgress.objects.filter(person=person).order_by("started_at")
        ],
        "course_progress": [
            {
                "course": str(c.course_key),
                "percent": c.percent,
                "completed_at": _iso(c.completed_at),
            }
            for c in CourseProgress.objects.filter(person=person).order_by("pk")
        ],
        "activity_results": [
            {
                "activity": s.package.title,
                "best_raw": s.best_raw,
                "best_max": s.best_max,
                "completed": s.completed,
                "passed": s.passed,
                "attempts": s.attempts,
                "completed_at": _iso(s.completed_at),
            }
            for s in ActivitySummary.objects.filter(person=person).select_related("package")
        ],
        "quiz_answers": [
            {
                "lesson": str(q.lesson_key),
                "question": q.block_id,
                "choices": q.choices,
                "answered_at": _iso(q.answered_at),
            }
            for q in QuizAnswer.objects.filter(person=person).order_by("answered_at")
        ],
    }
    # Other apps add what they hold (certificates).
    for _receiver, sections in signals.person_data_export.send(sender=Person, person=person):
        data.update(sections or {})
    audit_record(
        user=by,
        action=AuditEntry.Action.EXPORT,
        what=_("Personal data of person #%(id)s") % {"id": person.pk},
        address=address,
    )
    return data


@transaction.atomic
def person_erase(*, by: User, person: Person, reason: str, address: str = "") -> Person:
    """Erase `person`'s data on request (see the module docstring). Idempotent."""
    if not user_can_manage_personal_data(by, person):
        raise PermissionDenied(_("You cannot work with this person's data."))
    reason = " ".join((reason or "").split())[:300]
    if not reason:
        raise ValidationError(_("Say why the data is erased (for example: the person asked)."))
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        return person
    account = person.user
    if account is not None and (account.role != Role.LEARNER or account.is_staff):
        raise ValidationError(
            _(
                "This person has a trainer's or coordinator's account. An administrator "
                "removes the account first; then erase the data."
            )
        )
    # Certificates first (revoked with the reason, names blanked, PDFs deleted on commit).
    signals.person_erasing.send(sender=Person, person=person, by=by, reason=reason)
    QuizAnswer.objects.filter(person=person).delete()
    LessonEvent.objects.filter(person=person).delete()
    ActivityStatement.objects.filter(person=person).delete()
    AttendanceChange.objects.filter(person=person).delete()
    Person.objects.filter(possible_duplicate_of=person).update(possible_duplicate_of=None)
    person.full_name = ""
    person.name_key = ""
    person.phone = ""
    person.birth_year = None
    person.gender = ""
    person.ethnicity = ""
    person.notes = ""
    person.consent = False
    person.user = None
    person.possible_duplicate_of = None
    person.erased_at = timezone.now()
    person.save()
    if account is not None:
        account.delete()
    # Commune, village and household stay, so the counts do; coverage checks anyway.
    signals.person_changed.send(sender=Person, person_ids={person.pk})
    audit_record(
        user=by,
        action=AuditEntry.Action.ERASE,
        what=_("Person #%(id)s: %(reason)s") % {"id": person.pk, "reason": reason},
        address=address,
    )
    return person


def raw_logs_prune(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Delete raw logs older than RAW_LOG_RETENTION_DAYS (xAPI statements, lesson events,
    quiz answers, attendance change history) and audit entries older than
    AUDIT_LOG_RETENTION_DAYS. The summaries that pages and coverage read are kept."""
    from .throttle import throttles_prune

    now = now or timezone.now()
    raw_before = now - dt.timedelta(days=settings.RAW_LOG_RETENTION_DAYS)
    audit_before = now - dt.timedelta(days=settings.AUDIT_LOG_RETENTION_DAYS)
    deleted = {
        "xapi_statements": ActivityStatement.objects.filter(received_at__lt=raw_before).delete()[0],
        "lesson_events": LessonEvent.objects.filter(received_at__lt=raw_before).delete()[0],
        "quiz_answers": QuizAnswer.objects.filter(received_at__lt=raw_before).delete()[0],
        "attendance_changes": AttendanceChange.objects.filter(received_at__lt=raw_before).delete()[
            0
        ],
        "audit_entries": AuditEntry.objects.filter(at__lt=audit_before).delete()[0],
    }
    deleted["login_throttles"] = throttles_prune()
    return deleted
