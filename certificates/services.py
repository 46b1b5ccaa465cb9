"""Issuing, replacing, revoking, moving and rendering certificates.

## Exactly once per achievement

A person holds at most one *valid* certificate (not revoked, not replaced) per achievement:
a completed course (by the course's `translation_key`) or a held training session they
attended. Two partial unique indexes on `Certificate` enforce it in the database, so two
requests issuing the same certificate at the same moment cannot both succeed: the second
insert waits for the first transaction, fails, and `certificate_issue` returns the first
one instead. Issuing is idempotent: asking again returns the certificate that exists.

## Serials without gaps

A serial is `<province code>-<year>-<sequence>` ("15-2026-000042"); the province is the
session's for a training session and the learner's commune's for a course, `VN` when
unknown. `serials_allocate` takes the row of `SerialCounter` for that province and year with
`SELECT … FOR UPDATE` and moves it on inside the issuing transaction, in the same savepoint
as the certificate's insert: concurrent issues queue on that row and take consecutive
numbers, and a failed issue gives its number back. No number is skipped or used twice.

## Replacing and revoking

Revoking (with a reason) ends a certificate; it stays verifiable as "revoked". Issuing
again afterwards, or correcting the name (`certificate_replace`), makes a new certificate
with a new serial, and the old one points at it with `replaced_by` ("replaced by …"). When
two people are merged, `certificates_person_merge` moves the duplicate's certificates to the
kept person; where both held one for the same achievement, the older stays valid and the
other is marked replaced by it. `certificate_revoke_all_for_person` revokes everything a
person holds and deletes the PDFs, for the erasure of their data.

## Rendering

Issuing sends `certificates.tasks.certificate_render` on commit; the task calls
`certificate_render_pdf`, which renders outside any lock, then stores the one PDF file of the
certificate (a fixed name, overwritten) and marks it ready under a row lock, so a task run
twice — a retry, a redelivery after a worker died — still leaves one PDF.

Every change sends `certificates.signals.certificate_changed` on commit.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from courses.models import CoursePage
from trainees.models import AttendanceStatus, Person, TrainingSession, User

from . import permissions
from .models import AchievementKind, Certificate, CertificateTemplate, SerialCounter
from .signals import certificate_changed

logger = logging.getLogger(__name__)

UNKNOWN_PROVINCE = "VN"
PRESENT_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


def nfc(text: str) -> str:
    """Names as typed (composed or decomposed) stored one way: NFC, single-spaced."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _changed(*certificates: Certificate) -> None:
    transaction.on_commit(
        lambda: certificate_changed.send(sender=Certificate, certificates=list(certificates))
    )


def _render_later(*certificates: Certificate) -> None:
    """One render task per certificate, sent once the caller's transaction commits."""
    from .tasks import certificate_render

    certificate_render.map_on_commit([(certificate.pk,) for certificate in certificates])


def _language(language: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return language if language in codes else settings.LANGUAGE_CODE


# --- Serials --------------------------------------------------------------------------------


def serials_allocate(*, province_code: str, year: int, count: int = 1) -> list[str]:
    """`count` consecutive serials for a province and year; call inside the issuing savepoint."""
    if count < 1:
        return []
    SerialCounter.objects.bulk_create(
        [SerialCounter(province_code=province_code, year=year)], ignore_conflicts=True
    )
    counter = SerialCounter.objects.select_for_update().get(province_code=province_code, year=year)
    first = counter.last + 1
    counter.last = F("last") + count
    counter.save(update_fields=["last"])
    return [f"{province_code}-{year}-{n:06d}" for n in range(first, first + count)]


def _code() -> str:
    # 96 random bits: the verify URL cannot be guessed from a serial or another certificate.
    return secrets.token_urlsafe(12)


# --- Templates and achievements ----------------------------------------------------------


def template_for(*, kind: str, language: str, course_key=None) -> CertificateTemplate | None:
    """The template that applies: the course's own, else the default of the kind; in the
    certificate's language, else Vietnamese, else any language."""
    order = [language, settings.LANGUAGE_CODE]

    def best(queryset):
        found = list(queryset.select_related("locale", "logo", "signature"))
        for code in order:
            for template in found:
                if template.locale.language_code == code:
                    return template
        return found[0] if found else None

    templates = CertificateTemplate.objects.filter(kind=kind)
    if kind == AchievementKind.COURSE and course_key is not None:
        own = best(templates.filter(course__translation_key=course_key))
        if own is not None:
            return own
    return best(templates.filter(course__isnull=True))


def course_in_language(course_key, language: str) -> CoursePage | None:
    pages = {
        page.locale.language_code: page
        for page in CoursePage.objects.filter(translation_key=course_key).select_related("locale")
    }
    return (
        pages.get(language) or pages.get(settings.LANGUAGE_CODE) or next(iter(pages.values()), None)
    )


def _organisation() -> str:
    from cms.models import CampaignSettings

    return CampaignSettings.load().organisation


@dataclass
class Achievement:
    kind: str
    title: str
    achieved_on: dt.date
    province_code: str
    commune_id: int | None
    course_key: object = None
    session: TrainingSession | None = None


def _local_date(when: dt.datetime) -> dt.date:
    return timezone.localtime(when).date()


def course_achievement(*, person: Person, course_key, language: str, completed_at=None):
    course = course_in_language(course_key, language)
    if course is None:
        raise ValidationError(_("This course does not exist."))
    commune = person.commune
    return Achievement(
        kind=AchievementKind.COURSE,
        title=nfc(course.title),
        achieved_on=_local_date(completed_at or timezone.now()),
        province_code=commune.province.code if commune else UNKNOWN_PROVINCE,
        commune_id=commune.pk if commune else None,
        course_key=course.translation_key,
    )


def session_achievement(*, session: TrainingSession) -> Achievement:
    return Achievement(
        kind=AchievementKind.SESSION,
        title=nfc(session.title),
        achieved_on=_local_date(session.starts_at),
        province_code=session.commune.province.code,
        commune_id=session.commune_id,
        session=session,
    )


# --- Issuing -----------------------------------------------------------------------------


def _template_and_issuer(
    achievement: Achievement, language: str
) -> tuple[CertificateTemplate | None, str]:
    template = template_for(
        kind=achievement.kind, language=language, course_key=achievement.course_key
    )
    return template, template.issuer if template else _organisation()


def _new_certificate(
    *,
    person: Person,
    achievement: Achievement,
    language: str,
    by,
    serial: str,
    name=None,
    template_and_issuer: tuple[CertificateTemplate | None, str] | None = None,
) -> Certificate:
    """An unsaved certificate; pass `template_and_issuer` when issuing many at once."""
    template, issuer = template_and_issuer or _template_and_issuer(achievement, language)
    return Certificate(
        serial=serial,
        code=_code(),
        recipient=person,
        kind=achievement.kind,
        course_key=achievement.course_key,
        session=achievement.session,
        commune_id=achievement.commune_id,
        recipient_name=nfc(name if name is not None else person.full_name),
        achievement_title=achievement.title,
        achieved_on=achievement.achieved_on,
        issuer=issuer,
        language=language,
        template=template,
        issued_at=timezone.now(),
        issued_by=by if by is not None and by.is_authenticated else None,
    )


def _valid_for(person: Person, achievement: Achievement):
    return (
        Certificate.objects.valid()
        .filter(recipient=person)
        .for_achievement(
            kind=achievement.kind, course_key=achievement.course_key, session=achievement.session
        )
    )


def _link_revoked(person: Person, achievement: Achievement, new: Certificate) -> None:
    """A new issue after a revocation: the revoked certificate says "replaced by …"."""
    revoked = (
        Certificate.objects.filter(
            recipient=person, status=Certificate.Status.REVOKED, replaced_by__isnull=True
        )
        .for_achievement(
            kind=achievement.kind, course_key=achievement.course_key, session=achievement.session
        )
        .exclude(pk=new.pk)
    )
    revoked.filter(replaced_at__isnull=True).update(replaced_at=new.issued_at)
    revoked.update(replaced_by=new)


@transaction.atomic
def certificate_issue(
    *,
    person: Person,
    achievement: Achievement,
    by: User | None = None,
    language: str | None = None,
) -> Certificate:
    """Issue the certificate for `achievement`, or return the valid one the person holds."""
    language = _language(language)
    existing = _valid_for(person, achievement).first()
    if existing is not None:
        return existing
    try:
        # The serial and the certificate in one savepoint: if another request issued the
        # same certificate first, both roll back and the number is not lost.
        with transaction.atomic():
            (serial,) = serials_allocate(
                province_code=achievement.province_code,
                year=timezone.localdate().year,
            )
            certificate = _new_certificate(
                person=person, achievement=achievement, language=language, by=by, serial=serial
            )
            certificate.save()
    except IntegrityError:
        existing = _valid_for(person, achievement).first()
        if existing is None:
            raise
        return existing
    _link_revoked(person, achievement, certificate)
    _changed(certificate)
    _render_later(certificate)
    return certificate


def certificate_issue_for_course(
    *, person: Person, course_key, completed_at=None, by=None, language=None
) -> Certificate:
    """A completed course earns its certificate (called when `course_completed` is sent)."""
    language = _language(language)
    achievement = course_achievement(
        person=person, course_key=course_key, language=language, completed_at=completed_at
    )
    return certificate_issue(person=person, achievement=achievement, by=by, language=language)


def certificate_issue_for_person(
    *, by: User, person: Person, course: CoursePage | None = None, session=None, language=None
) -> Certificate:
    """A coordinator issues one person's certificate for a course or a session they attended."""
    if not permissions.user_can_issue_for_person(by, person):
        raise PermissionDenied(_("You cannot issue certificates for this person."))
    language = _language(language)
    if session is not None:
        session_check_issuable(session=session)
        if not session.attendances.filter(person=person, status__in=PRESENT_STATUSES).exists():
            raise ValidationError(_("This person was not marked present at this session."))
        achievement = session_achievement(session=session)
    elif course is not None:
        achievement = course_achievement(
            person=person, course_key=course.translation_key, language=language
        )
    else:
        raise ValidationError(_("Choose a course or a training session."))
    return certificate_issue(person=person, achievement=achievement, by=by, language=language)


def session_check_issuable(*, session: TrainingSession) -> None:
    if session.status != TrainingSession.Status.HELD:
        raise ValidationError(_("Certificates are issued once the session is marked as held."))


@dataclass
class BulkResult:
    issued: list[Certificate] = field(default_factory=list)
    existing: int = 0


@transaction.atomic
def session_certificates_issue(
    *, session: TrainingSession, by: User, language: str | None = None
) -> BulkResult:
    """Issue certificates to everyone marked present or late at a held session.

    People who already hold one are skipped; serials for the rest are taken in one step.
    """
    if not permissions.user_can_issue_for_session(by, session):
        raise PermissionDenied(_("You cannot issue certificates for this session."))
    session_check_issuable(session=session)
    language = _language(language)
    achievement = session_achievement(session=session)
    attendees = list(
        Person.objects.filter(
            attendances__session=session, attendances__status__in=PRESENT_STATUSES
        ).order_by("full_name", "pk")
    )
    holders = set(
        Certificate.objects.valid()
        .filter(kind=AchievementKind.SESSION, session=session)
        .values_list("recipient_id", flat=True)
    )
    todo = [person for person in attendees if person.pk not in holders]
    result = BulkResult(existing=len(attendees) - len(todo))
    if not todo:
        return result
    try:
        with transaction.atomic():
            serials = serials_allocate(
                province_code=achievement.province_code,
                year=timezone.localdate().year,
                count=len(todo),
            )
            template_and_issuer = _template_and_issuer(achievement, language)
            certificates = [
                _new_certificate(
                    person=person,
                    achievement=achievement,
                    language=language,
                    by=by,
                    serial=s,
                    template_and_issuer=template_and_issuer,
                )
                for person, s in zip(todo, serials, strict=True)
            ]
            Certificate.objects.bulk_create(certificates)
    except IntegrityError:
        # Someone issued one of them meanwhile: go one by one (each is idempotent).
        issued = [
            certificate_issue(person=person, achievement=achievement, by=by, language=language)
            for person in todo
        ]
        result.issued = [c for c in issued if c.recipient_id not in holders and c.issued_by == by]
        result.existing = len(attendees) - len(result.issued)
        return result
    revoked_holders = set(
        Certificate.objects.filter(
            kind=AchievementKind.SESSION,
            session=session,
            status=Certificate.Status.REVOKED,
            replaced_by__isnull=True,
        ).values_list("recipient_id", flat=True)
    )
    with transaction.atomic():
        for certificate in certificates:
            if certificate.recipient_id in revoked_holders:
                _link_revoked(certificate.recipient, achievement, certificate)
        _changed(*certificates)
        _render_later(*certificates)
    result.issued = certificates
    return result


@transaction.atomic
def certificate_replace(
    *, certificate: Certificate, by: User | None, recipient_name: str | None = None
) -> Certificate:
    """A corrected certificate (e.g. the name): a new serial, the old one replaced by it."""
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not old.is_valid or old.recipient is None:
        raise ValidationError(_("Only a valid certificate can be corrected."))
    name = nfc(recipient_name if recipient_name is not None else old.recipient.full_name)
    if not name:
        raise ValidationError(_("The name cannot be empty."))
    now = timezone.now()
    # The unique index looks at replaced_at: the old one steps aside before the new one
    # exists, then points at it, all in this transaction.
    old.replaced_at = now
    old.save(update_fields=["replaced_at"])
    achievement = Achievement(
        kind=old.kind,
        title=old.achievement_title,
        achieved_on=old.achieved_on,
        province_code=old.serial.split("-", 1)[0],
        commune_id=old.commune_id,
        course_key=old.course_key,
        session=old.session,
    )
    (serial,) = serials_allocate(
        province_code=achievement.province_code, year=timezone.localdate().year
    )
    new = _new_certificate(
        person=old.recipient,
        achievement=achievement,
        language=old.language,
        by=by,
        serial=serial,
        name=name,
    )
    new.save()
    old.replaced_by = new
    old.save(update_fields=["replaced_by"])
    _changed(old)
    _changed(new)
    _render_later(new)
    return new


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by: User | None, reason: str) -> Certificate:
    """Revoke a certificate with a reason; it stays verifiable as revoked."""
    reason = " ".join((reason or "").split())[:300]
    if not reason:
        raise ValidationError(_("Give the reason for revoking the certificate."))
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.status == Certificate.Status.REVOKED:
        return locked
    locked.status = Certificate.Status.REVOKED
    locked.revoked_at = timezone.now()
    locked.revoked_by = by if by is not None and by.is_authenticated else None
    locked.revoked_reason = reason
    locked.save(update_fields=["status", "revoked_at", "revoked_by", "revoked_reason"])
    _changed(locked)
    return locked


@transaction.atomic
def certificate_revoke_all_for_person(
    *, person: Person, reason: str, by: User | None = None
) -> int:
    """When a person's data is erased: revoke what they hold, blank the names, delete PDFs.

    The rows stay (without a name) so a printed QR code reads "revoked", online and, after a
    sync, offline. Returns how many certificates were touched.
    """
    certificates = list(Certificate.objects.select_for_update().filter(recipient=person))
    now = timezone.now()
    files = [c.pdf.name for c in certificates if c.pdf]
    for certificate in certificates:
        if certificate.status != Certificate.Status.REVOKED:
            certificate.status = Certificate.Status.REVOKED
            certificate.revoked_at = now
            certificate.revoked_by = by
            certificate.revoked_reason = reason
        certificate.recipient_name = ""
        certificate.pdf = ""
        certificate.save()
        _changed(certificate)
    storage = Certificate._meta.get_field("pdf").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in files])
    return len(certificates)


def certificates_person_export(*, person: Person) -> dict:
    """The person's certificates, for the export of their data (trainees.people.privacy)."""
    return {
        "certificates": [
            {
                "serial": c.serial,
                "achievement": c.achievement_title,
                "recipient_name": c.recipient_name,
                "issued_at": c.issued_at.isoformat(),
                "status": c.status,
                "revoked_reason": c.revoked_reason or None,
            }
            for c in Certificate.objects.filter(recipient=person).order_by("issued_at")
        ]
    }


@transaction.atomic
def certificates_person_merge(*, kept: Person, merged: Person, by: User | None = None) -> None:
    """Move `merged`'s certificates to `kept`; of two valid ones for one achievement the
    older stays valid and the newer is marked replaced by it."""
    mine = list(Certificate.objects.select_for_update().filter(recipient=kept).valid())
    theirs = list(
        Certificate.objects.select_for_update().filter(recipient=merged).order_by("issued_at")
    )

    def key(c):
        return (c.kind, c.course_key, c.session_id)

    valid_kept = {key(c): c for c in mine}
    for certificate in theirs:
        other = valid_kept.get(key(certificate)) if certificate.is_valid else None
        if other is not None:
            older, newer = sorted([other, certificate], key=lambda c: (c.issued_at, c.pk))
            newer.replaced_at = timezone.now()
            newer.save(update_fields=["replaced_at"])
            newer.replaced_by = older
            newer.save(update_fields=["replaced_by"])
            valid_kept[key(certificate)] = older
            if newer.pk == other.pk:
                _changed(other)
        certificate.recipient = kept
        certificate.save(update_fields=["recipient"])
        _changed(certificate)


def certificate_resend(*, certificate: Certificate, by: User) -> Certificate:
    """Prepare the PDF again (after a failure, or to refresh it) and tell the holder."""
    if not permissions.user_can_manage_certificate(by, certificate):
        raise PermissionDenied(_("You cannot work with this certificate."))
    if certificate.status == Certificate.Status.REVOKED:
        raise ValidationError(_("A revoked certificate cannot be sent again."))
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        locked.status = Certificate.Status.PENDING
        locked.render_error = ""
        locked.save(update_fields=["status", "render_error"])
        _render_later(locked)
        _notify_holder(locked)
    return locked


def _notify_holder(certificate: Certificate) -> None:
    from django.core.mail import send_mail
    from django.urls import reverse

    user = getattr(certificate.recipient, "user", None)
    if user is None or not user.email:
        return
    with translation.override(certificate.language):
        url = settings.WAGTAILADMIN_BASE_URL + reverse("certificates:mine")
        subject = _("Your certificate %(serial)s") % {"serial": certificate.serial}
        body = _("Your certificate for “%(achievement)s” is ready to download: %(url)s") % {
            "achievement": certificate.achievement_title,
            "url": url,
        }
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    )


# --- Rendering ---------------------------------------------------------------------------


def certificate_render_pdf(*, certificate_id: int) -> Certificate | None:
    """Render and store the certificate's one PDF; running it twice changes nothing."""
    from .rendering import certificate_pdf

    certificate = (
        Certificate.objects.select_related("template__logo", "template__signature", "commune")
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None or certificate.status == Certificate.Status.REVOKED:
        return certificate
    storage = Certificate._meta.get_field("pdf").storage

    def done(c):
        return c.status == Certificate.Status.READY and c.pdf and storage.exists(c.pdf.name)

    if done(certificate):
        return certificate
    Certificate.objects.filter(pk=certificate_id).update(render_attempts=F("render_attempts") + 1)
    data = certificate_pdf(certificate)
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate_id)
        if locked.status == Certificate.Status.REVOKED:
            return locked
        if done(locked):
            return locked
        name = locked.pdf.field.generate_filename(locked, "certificate.pdf")
        locked.pdf.name = storage.save(name, ContentFile(data))
        locked.status = Certificate.Status.READY
        locked.rendered_at = timezone.now()
        locked.render_error = ""
        locked.save(update_fields=["pdf", "status", "rendered_at", "render_error"])
    return locked


def certificates_pending_render_again() -> int:
    """Send the render of every certificate still being prepared again; returns how many.

    A worker killed outright (SIGKILL, out of memory, a machine lost) takes the render tasks
    it had reserved with it: acknowledged late, they sit unacknowledged in Redis, which hands
    them back only after the broker's visibility timeout (an hour). Every worker that starts
    calls this, so a restarted worker finishes the run at once. Renders are idempotent: one
    still queued runs twice, and the second finds the PDF and stops.
    """
    from .tasks import certificate_render

    pending = list(
        Certificate.objects.filter(status=Certificate.Status.PENDING)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for certificate_id in pending:
        certificate_render.delay(certificate_id)
    return len(pending)


def certificate_render_failed(*, certificate_id: int, error: str) -> None:
    """The last retry failed: say so, so staff can send it again."""
    Certificate.objects.filter(pk=certificate_id, status=Certificate.Status.PENDING).update(
        status=Certificate.Status.FAILED, render_error=error[:2000]
    )


# --- Verification ------------------------------------------------------------------------

SERIAL_RE = re.compile(r"^\s*([A-Z]{2}|\d{2})\s*-\s*(\d{4})\s*-\s*(\d{1,9})\s*$", re.I)


def serial_normalise(text: str) -> str | None:
    match = SERIAL_RE.match(text or "")
    if not match:
        return None
    province, year, number = match.groups()
    return f"{province.upper()}-{year}-{int(number):06d}"


def certificate_find_by_serial(*, serial: str, name: str) -> Certificate | None:
    """The certificate with this serial whose holder's name matches what was typed.

    Serials count up, so a serial alone would let anyone list every holder's name: the
    name printed beside it must be typed too (accents and case do not matter).
    """
    from trainees.models import normalise_name

    serial = serial_normalise(serial)
    if serial is None or not normalise_name(name):
        return None
    certificate = Certificate.objects.filter(serial=serial).first()
    if certificate is None or not certificate.recipient_name:
        return None
    if normalise_name(certificate.recipient_name) != normalise_name(name):
        return None
    return certificate


def certificate_claims(certificate: Certificate) -> dict:
    """What the QR code's signed payload says (see certificates.signing)."""
    from . import signing

    return {
        signing.CLAIM_ISS: certificate.issuer,
        signing.CLAIM_IAT: int(certificate.issued_at.timestamp()),
        signing.CLAIM_CTI: certificate.code.encode(),
        signing.CLAIM_CERTIFICATE: {
            "s": certificate.serial,
            "n": certificate.recipient_name,
            "a": certificate.achievement_title,
            "d": certificate.achieved_on.isoformat(),
            "k": certificate.kind,
            "l": certificate.language,
        },
    }


def certificate_verify_url(certificate: Certificate, *, with_payload: bool = True) -> str:
    """The URL in the QR code: the verify page, and the signed payload after `#`."""
    from django.urls import reverse

    from . import signing

    with translation.override(certificate.language):
        path = reverse("certificates:verify", args=[certificate.code])
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    if with_payload:
        url += "#" + signing.payload_sign(certificate_claims(certificate))
    return url


def revocations_list() -> dict:
    """Serials no longer valid, for the offline check (no names: nothing personal)."""
    rows = Certificate.objects.filter(
        Q(status=Certificate.Status.REVOKED) | Q(replaced_at__isnull=False)
    ).values_list("serial", "status")
    revoked, replaced = [], []
    for serial, status in rows:
        (revoked if status == Certificate.Status.REVOKED else replaced).append(serial)
    return {
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "revoked": sorted(revoked),
        "replaced": sorted(replaced),
    }


def default_templates_ensure() -> list[CertificateTemplate]:
    """One default template per kind in Vietnamese (demo data and a fresh site)."""
    locale = Locale.get_default()
    made = []
    bodies = {
        AchievementKind.COURSE: (
            "Mẫu giấy chứng nhận khoá học",
            "Chứng nhận Ông/Bà\n\n{name}\n\nđã hoàn thành khoá học\n\n“{achievement}”\n\n"
            "trong phong trào Bình dân học vụ số, {commune}, {province}, {date}.",
        ),
        AchievementKind.SESSION: (
            "Mẫu giấy chứng nhận buổi tập huấn",
            "Chứng nhận Ông/Bà\n\n{name}\n\nđã tham gia buổi tập huấn\n\n“{achievement}”\n\n"
            "tại {commune}, {province}, {date}.",
        ),
    }
    for kind, (name, body) in bodies.items():
        template, _created = CertificateTemplate.objects.get_or_create(
            locale=locale,
            kind=kind,
            course=None,
            defaults={
                "name": name,
                "heading": "GIẤY CHỨNG NHẬN",
                "body": body,
                "issuer": _organisation(),
                "signatory_name": "",
                "signatory_title": "",
            },
        )
        made.append(template)
    return made
