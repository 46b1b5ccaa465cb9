"""Coverage listens to trainees and certificates; each receiver only hands over.

Attendance, sessions and people change inside trainees' services, which send their signals
inside the transaction: the summaries are refreshed in that same transaction. Course
completions and certificates are announced after commit: the person's summaries are
refreshed then, in a transaction of their own (one person: a handful of queries).
"""

from functools import partial

from django.db import transaction
from django.dispatch import receiver

from certificates.signals import certificate_changed
from trainees.signals import (
    attendance_changed,
    course_completed,
    person_changed,
    person_merged,
    session_changed,
)

from . import services


@receiver(attendance_changed, dispatch_uid="coverage.attendance_changed")
def on_attendance_changed(sender, *, session_ids, person_ids, **kwargs):
    services.summaries_refresh(
        person_ids=person_ids, session_ids=session_ids, groups=("trained",), marks_only=True
    )


@receiver(session_changed, dispatch_uid="coverage.session_changed")
def on_session_changed(sender, *, session_ids, person_ids=(), deleted=False, **kwargs):
    services.summaries_refresh(
        person_ids=person_ids,
        session_ids=session_ids,
        exclude_session_ids=session_ids if deleted else (),
        groups=("trained",),
    )


@receiver(person_changed, dispatch_uid="coverage.person_changed")
def on_person_changed(sender, *, person_ids, deleted=False, **kwargs):
    services.summaries_refresh(
        person_ids=person_ids,
        exclude_person_ids=person_ids if deleted else (),
        groups=("trained", "days"),
    )


@receiver(person_merged, dispatch_uid="coverage.person_merged")
def on_person_merged(sender, *, kept, merged, **kwargs):
    services.summaries_refresh(
        person_ids={kept.pk, merged.pk},
        exclude_person_ids={merged.pk},
        groups=("trained", "days"),
    )
    # Certificates may move to `kept` in another app's receiver, after this one.
    transaction.on_commit(
        partial(services.summaries_refresh, person_ids=[kept.pk], groups=["days"])
    )


@receiver(course_completed, dispatch_uid="coverage.course_completed")
def on_course_completed(sender, *, person, **kwargs):
    services.summaries_refresh(person_ids=[person.pk], groups=["days"])


def on_certificate_changed(sender, *, certificates, **kwargs):
    person_ids = {c.recipient_id for c in certificates if c.recipient_id is not None}
    if person_ids:
        services.summaries_refresh(person_ids=person_ids, groups=["days"])


certificate_changed.connect(on_certificate_changed, dispatch_uid="coverage.certificate")
