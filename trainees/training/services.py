"""Operations on training sessions, registrations and attendance.

Views, the sync API and commands call these functions; nothing else writes sessions or
attendance. People are registered through `trainees.people.services`.

- **Marks** all go through `attendance_sync`, whichever way they arrive (roll call on a phone,
  QR self check-in, import, sign-in sheet). Each mark has a uuid made where it was taken and
  the time it was taken. The sync stores every new mark in the audit trail
  (`AttendanceChange`, insert-or-ignore on the uuid, so a replay adds nothing) and then
  upserts `Attendance`, replacing the current value only with a later mark (ties broken by
  uuid). The result does not depend on the order or number of times marks arrive. It is a
  fixed handful of SQL statements per batch, whatever its size.
- **Who a mark may name**: a person in the recorder's scope, or one registered or checked
  in for this very session (a villager of the next commune who scanned the QR code). A
  registration the sync refuses maps to nobody, so no mark can reach a person through it.
- **Clocks**: a phone's time orders its marks, but cheap phones lose their clock. A mark
  dated before the session's day or more than `CLOCK_SKEW` ahead of the server is kept
  with the time it was received and flagged `clock_suspect` for the trainer — never lost.
- **QR check-in tokens** are signed, time-stamped and bound to one session.
"""

import functools
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC as dt_utc
from datetime import datetime, timedelta

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    Attendance,
    AttendanceChange,
    AttendanceMethod,
    AttendanceStatus,
    Commune,
    Person,
    SessionTopic,
    TrainingSession,
    User,
    Village,
)
from ..people.person_fields import PersonFields, person_fields_clean
from ..people.services import learner_sign_up, person_create_for_account
from ..permissions import require_record_in_commune, user_can_record
from ..scoping import visible_communes
from ..signals import attendance_changed, session_changed

# The largest batch the sync accepts: big enough for a whole day offline, small enough that
# one batch is a single statement per table on every database (SQLite allows 32,766
# parameters).
MAX_BATCH = 1000
# How far ahead of the server a phone's clock may be before its marks' times are not believed.
CLOCK_SKEW = timedelta(minutes=10)
# A QR code is replaced every 30 s; it is accepted for 60 s so a code scanned just before it
# changed still works.
CHECKIN_TOKEN_MAX_AGE = 60
CHECKIN_SALT = "trainees.checkin"
# After a valid scan, the learner has this long to log in or register.
CHECKIN_GRACE = timedelta(minutes=15)
# Looked up once: the enum's `.values` is rebuilt on every access.
STATUSES = frozenset(AttendanceStatus.values)
METHODS = frozenset(AttendanceMethod.values)


# --- Sessions ------------------------------------------------------------------------------


@transaction.atomic
def training_session_create(
    *,
    by: User,
    commune: Commune,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    village: Village | None = None,
    venue: str = "",
    topics: str = "",
    topic_list: Iterable[SessionTopic] = (),
    capacity: int | None = None,
    notes: str = "",
    team=None,
    trainers: Iterable[User] = (),
    courses: Iterable = (),
) -> TrainingSession:
    require_record_in_commune(by, commune.pk)
    if village is not None and village.commune_id != commune.pk:
        raise ValidationError({"village": _("This village is not in the session's commune.")})
    if ends_at < starts_at:
        raise ValidationError({"ends_at": _("The session must end after it starts.")})
    session = TrainingSession.objects.create(
        commune=commune,
        village=village,
        title=title.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue,
        topics=topics,
        capacity=capacity,
        notes=notes,
        team=team,
        created_by=by,
    )
    session.trainers.set(list(trainers) or ([by] if by.role == "trainer" else []))
    session.courses.set(list(courses))
    session.topic_list.set(list(topic_list))
    session_changed.send(sender=TrainingSession, session_ids={session.pk}, person_ids=set())
    return session


def _attendee_ids(session_ids) -> set[int]:
    return set(
        Attendance.objects.filter(session_id__in=session_ids).values_list("person_id", flat=True)
    )


@transaction.atomic
def training_session_delete(*, by: User, session: TrainingSession) -> None:
    """Delete a session entered by mistake, with its marks.

    A session that records must outlive (certificates issued for it protect it) is refused:
    cancel it instead.
    """
    require_record_in_commune(by, session.commune_id)
    try:
        with transaction.atomic():
            session_changed.send(
                sender=TrainingSession,
                session_ids={session.pk},
                person_ids=_attendee_ids([session.pk]),
                deleted=True,
            )
            session.delete()
    except ProtectedError:
        raise ValidationError(
            _("Certificates were issued for this session, so it cannot be deleted. Cancel it.")
        ) from None


@transaction.atomic
def training_session_set_checkin(
    *, by: User, session: TrainingSession, open: bool
) -> TrainingSession:
    require_record_in_commune(by, session.commune_id)
    session.checkin_open = open
    session.save(update_fields=["checkin_open", "updated_at"])
    return session


@transaction.atomic
def training_session_set_status(
    *, by: User, session: TrainingSession, status: str
) -> TrainingSession:
    require_record_in_commune(by, session.commune_id)
    session.status = TrainingSession.Status(status)
    session.save(update_fields=["status", "updated_at"])
    session_changed.send(
        sender=TrainingSession, session_ids={session.pk}, person_ids=_attendee_ids([session.pk])
    )
    return session


def training_session_roster(*, session: TrainingSession, user: User):
    """The people a trainer expects: those of the session's village (or commune) that `user`
    may see, and whoever attended this very session — nobody else."""
    people = Person.objects.for_user(user).filter(commune_id=session.commune_id)
    if session.village_id:
        people = people.filter(village_id=session.village_id)
    attended = Attendance.objects.filter(session=session).values("person_id")
    return (
        Person.objects.filter(pk__in=people.values("pk")) | Person.objects.filter(pk__in=attended)
    ).order_by("name_key", "pk")


# --- Sync ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrationData:
    """A person registered on a phone, maybe offline, during a session's roll call."""

    uuid: uuid.UUID
    session: uuid.UUID
    full_name: str
    consent: bool
    birth_year: int | None = None
    gender: str = ""
    ethnicity: str = ""
    village_id: int | None = None
    household: str = ""
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True)
class MarkData:
    """One attendance mark. The person is named by id, or by the uuid of a registration.

    `server_clock` is for marks made on the server (QR, sign-in sheet, import): their time
    is the server's own and is never doubted.
    """

    uuid: uuid.UUID
    session: uuid.UUID
    status: str
    method: str
    recorded_at: datetime
    person_id: int | None = None
    person_uuid: uuid.UUID | None = None
    server_clock: bool = False


@dataclass(frozen=True)
class RecordError:
    kind: str  # "registration" or "mark"
    index: int
    uuid: str
    message: str


@dataclass
class SyncResult:
    registrations_created: int = 0
    registrations_known: int = 0
    marks_new: int = 0
    marks_known: int = 0
    # Marks kept with the time they were received, because the phone's clock was wrong.
    clock_suspect: int = 0
    errors: list[RecordError] = field(default_factory=list)
    # client uuid of each accepted registration → the server's person id
    people: dict[str, int] = field(default_factory=dict)


@functools.lru_cache(maxsize=4096)
def _sqlite_datetime(value):
    # A batch repeats the same few datetimes (its receipt time on every row).
    if value is None:
        return None
    return value.astimezone(dt_utc).replace(tzinfo=None).isoformat(" ")


def _adapter(field, conn):
    """How one column's Python values become SQL parameters on this database.

    A per-column function instead of `get_db_prep_save` for each value: it is a tenth of the
    cost, which matters for the whole batch's time.
    """
    internal = field.get_internal_type()
    if internal == "UUIDField":
        return (lambda v: v) if conn.features.has_native_uuid_field else (lambda v: v.hex)
    if internal == "DateTimeField" and conn.vendor == "sqlite":
        # Django's own SQLite format (naive UTC, "YYYY-MM-DD HH:MM:SS[.ffffff]"), which
        # the upsert compares as text.
        return _sqlite_datetime
    if internal == "DateTimeField":
        return conn.ops.adapt_datetimefield_value
    return lambda v: v  # integers, foreign keys and text pass through unchanged


def _values_sql(model, fields: Sequence[str], rows: Sequence[Sequence]) -> tuple[str, list]:
    """`INSERT INTO table (cols) VALUES (…), (…)` with values adapted for this database."""
    conn = connections[DEFAULT_DB_ALIAS]
    meta = model._meta
    model_fields = [meta.get_field(name) for name in fields]
    adapters = [_adapter(f, conn) for f in model_fields]
    qn = conn.ops.quote_name
    columns = ", ".join(qn(f.column) for f in model_fields)
    row_sql = "(" + ", ".join(["%s"] * len(model_fields)) + ")"
    params = [adapt(value) for row in rows for adapt, value in zip(adapters, row, strict=True)]
    # Identifiers come from model metadata; every value is a parameter.
    values = ", ".join([row_sql] * len(rows))
    sql = f"INSERT INTO {qn(meta.db_table)} ({columns}) VALUES {values}"  # noqa: S608
    return sql, params


def _sync_registrations(by, registrations, sessions, result) -> dict[uuid.UUID, int]:
    """Create the people registered offline (once); return client uuid → person id.

    Only registrations accepted here are in the mapping: a uuid that names somebody the
    recorder may not see is refused and maps to nobody.
    """
    if not registrations:
        return {}
    village_ids = {r.village_id for r in registrations if r.village_id}
    villages = {
        v.pk: v for v in Village.objects.filter(pk__in=village_ids).only("id", "commune_id")
    }
    valid: dict[uuid.UUID, tuple[int, int, PersonFields]] = {}
    for index, reg in enumerate(registrations):
        session = sessions.get(reg.session)
        if session is None:
            result.errors.append(
                RecordError("registration", index, str(reg.uuid), _("Unknown session."))
            )
            continue
        village = villages.get(reg.village_id) if reg.village_id else None
        if reg.village_id and village is None:
            result.errors.append(
                RecordError("registration", index, str(reg.uuid), _("Unknown village."))
            )
            continue
        try:
            fields = person_fields_clean(
                commune=session.commune, values={**reg.__dict__, "village": village}
            )
        except ValidationError as exc:
            message = " ".join(m for ms in exc.message_dict.values() for m in ms)
            result.errors.append(RecordError("registration", index, str(reg.uuid), message))
            continue
        valid.setdefault(reg.uuid, (index, session.commune_id, fields))

    existing = {
        row[0]: row[1]
        for row in Person.objects.filter(client_uuid__in=list(valid)).values_list(
            "client_uuid", "commune_id"
        )
    }
    allowed = set(visible_communes(by).values_list("pk", flat=True)) if existing else set()
    to_create, accepted = [], []
    for client_uuid, (index, commune_id, fields) in valid.items():
        if client_uuid in existing:
            if existing[client_uuid] not in allowed:
                result.errors.append(
                    RecordError("registration", index, str(client_uuid), _("Unknown person."))
                )
                continue
            result.registrations_known += 1
        else:
            to_create.append(
                Person(
                    client_uuid=client_uuid,
                    registered_by=by,
                    commune_id=commune_id,
                    **fields.as_model_fields(),
                )
            )
        accepted.append(client_uuid)
    # Two phones never share a uuid; a concurrent re-send of the same one is ignored here and
    # found by the query below, which reads only people the recorder may see.
    Person.objects.bulk_create(to_create, ignore_conflicts=True)
    result.registrations_created += len(to_create)
    ids = dict(
        Person.objects.for_user(by)
        .filter(client_uuid__in=accepted)
        .values_list("client_uuid", "pk")
    )
    result.people.update({str(k): v for k, v in ids.items()})
    return ids


def _clock_believable(recorded_at: datetime, session: TrainingSession, now: datetime) -> bool:
    """Not before the session's day (in the site's time zone), nor far ahead of the server."""
    day_start = timezone.localtime(session.starts_at).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return day_start <= recorded_at <= now + CLOCK_SKEW


@transaction.atomic
def attendance_sync(
    *,
    by: User,
    registrations: Sequence[RegistrationData] = (),
    marks: Sequence[MarkData] = (),
    now: datetime | None = None,
) -> SyncResult:
    """Apply a batch from a phone. Bad records are reported one by one; good ones are kept.

    Safe to repeat: registrations and marks are keyed by their phone-made uuids.
    """
    now = now or timezone.now()
    result = SyncResult()
    if len(registrations) > MAX_BATCH or len(marks) > MAX_BATCH:
        raise ValidationError(
            _("Send at most %(n)s records of each kind at once.") % {"n": MAX_BATCH}
        )
    if not user_can_record(by):
        raise PermissionDenied(_("Only trainers and coordinators record attendance."))

    session_uuids = {r.session for r in registrations} | {m.session for m in marks}
    sessions = {
        s.uuid: s
        for s in TrainingSession.objects.for_user(by)
        .filter(uuid__in=session_uuids)
        .select_related("commune")
        .only("id", "uuid", "status", "starts_at", "commune__id", "commune__name")
    }
    people_by_uuid = _sync_registrations(by, registrations, sessions, result)

    # Marks for people registered offline in an earlier batch name them by that uuid.
    wanted_uuids = {
        m.person_uuid for m in marks if m.person_uuid and m.person_uuid not in people_by_uuid
    }
    if wanted_uuids:
        people_by_uuid = {
            **dict(
                Person.objects.for_user(by)
                .filter(client_uuid__in=wanted_uuids)
                .values_list("client_uuid", "pk")
            ),
            **people_by_uuid,
        }
    wanted_ids = {m.person_id for m in marks if m.person_id is not None}
    visible_people = set(
        Person.objects.for_user(by).filter(pk__in=wanted_ids).values_list("pk", flat=True)
        if wanted_ids
        else ()
    )
    # Someone outside the recorder's scope who came to this very session (a villager of the
    # next commune who checked in by QR) may still be marked at it, and only at it.
    others = wanted_ids - visible_people
    came = set(
        Attendance.objects.filter(
            session_id__in=[s.pk for s in sessions.values()], person_id__in=others
        ).values_list("session_id", "person_id")
        if others and sessions
        else ()
    )
    rows: dict[uuid.UUID, tuple] = {}
    for index, mark in enumerate(marks):
        session = sessions.get(mark.session)
        person_id = None
        if mark.person_id is not None:
            if mark.person_id in visible_people or (
                session is not None and (session.pk, mark.person_id) in came
            ):
                person_id = mark.person_id
        elif mark.person_uuid:
            person_id = people_by_uuid.get(mark.person_uuid)
        message = None
        if session is None:
            message = _("Unknown session.")
        elif session.status == TrainingSession.Status.CANCELLED:
            message = _("This session was cancelled.")
        elif person_id is None:
            message = _("Unknown person.")
        elif mark.status not in STATUSES:
            message = _("Unknown attendance status.")
        elif mark.method not in METHODS:
            message = _("Unknown way of recording.")
        elif timezone.is_naive(mark.recorded_at):
            message = _("The time of the mark has no time zone.")
        if message:
            result.errors.append(RecordError("mark", index, str(mark.uuid), message))
            continue
        recorded_at, suspect, device_time = mark.recorded_at, False, ""
        if not mark.server_clock and not _clock_believable(recorded_at, session, now):
            # The phone's clock is wrong: keep the mark, at the time it reached us.
            recorded_at, suspect, device_time = now, True, mark.recorded_at.isoformat()[:40]
            result.clock_suspect += 1
        # The same uuid twice in one batch is the same mark sent twice.
        rows.setdefault(
            mark.uuid,
            (
                mark.uuid,
                session.pk,
                person_id,
                mark.status,
                mark.method,
                recorded_at,
                by.pk,
                now,
                suspect,
                device_time,
            ),
        )
    if not rows:
        return result

    # 1. The audit trail: insert-or-ignore by uuid; RETURNING names the marks not seen before.
    sql, params = _values_sql(
        AttendanceChange,
        [
            "uuid",
            "session",
            "person",
            "status",
            "method",
            "recorded_at",
            "recorded_by",
            "received_at",
            "clock_suspect",
            "device_time",
        ],
        list(rows.values()),
    )
    # The database hands back uuids in its own form (text on SQLite): map them, don't parse.
    as_db = _adapter(AttendanceChange._meta.get_field("uuid"), connections[DEFAULT_DB_ALIAS])
    by_db_value = {as_db(u): u for u in rows}
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} ON CONFLICT (uuid) DO NOTHING RETURNING uuid", params)
        new = [by_db_value[value] for (value,) in cursor.fetchall()]
    result.marks_new = len(new)
    result.marks_known = len(rows) - len(new)
    if not new:
        return result

    # 2. The current value: per person and session, the latest new mark; it replaces the
    #    stored one only if it is later (ties: the larger uuid), so arrival order is moot.
    latest: dict[tuple[int, int], tuple] = {}
    for row in (rows[u] for u in new):
        key = (row[1], row[2])
        if key not in latest or (row[5], str(row[0])) > (latest[key][5], str(latest[key][0])):
            latest[key] = row
    table = connection.ops.quote_name(Attendance._meta.db_table)
    sql, params = _values_sql(
        Attendance,
        [
            "change_uuid",
            "session",
            "person",
            "status",
            "method",
            "recorded_at",
            "recorded_by",
            "updated_at",
            "clock_suspect",
        ],
        [row[:9] for row in latest.values()],
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"{sql} ON CONFLICT (session_id, person_id) DO UPDATE SET "
            "status = excluded.status, method = excluded.method, "
            "recorded_at = excluded.recorded_at, recorded_by_id = excluded.recorded_by_id, "
            "change_uuid = excluded.change_uuid, updated_at = excluded.updated_at, "
            "clock_suspect = excluded.clock_suspect "
            f"WHERE {table}.recorded_at < excluded.recorded_at OR "
            f"({table}.recorded_at = excluded.recorded_at "
            f"AND {table}.change_uuid < excluded.change_uuid)",
            params,
        )
    # Marks taken at a planned session mean it took place.
    planned = {s.pk for s in sessions.values() if s.status == TrainingSession.Status.PLANNED} & {
        row[1] for row in latest.values()
    }
    person_ids = {row[2] for row in latest.values()}
    if planned:
        TrainingSession.objects.filter(
            pk__in=planned, status=TrainingSession.Status.PLANNED
        ).update(status=TrainingSession.Status.HELD, updated_at=now)
        # Everyone marked there before (the session was set back to planned) now counts too.
        person_ids |= _attendee_ids(planned)
    attendance_changed.send(
        sender=Attendance,
        session_ids={row[1] for row in latest.values()},
        person_ids=person_ids,
    )
    return result


def attendance_record(
    *,
    by: User,
    session: TrainingSession,
    person: Person,
    status: str = AttendanceStatus.PRESENT,
    method: str = AttendanceMethod.ROLL_CALL,
    recorded_at: datetime | None = None,
) -> Attendance:
    """Record one mark made on the server (QR, sign-in sheet) through the same path."""
    now = timezone.now()
    result = attendance_sync(
        by=by,
        marks=[
            MarkData(
                uuid=uuid.uuid4(),
                session=session.uuid,
                person_id=person.pk,
                status=status,
                method=method,
                recorded_at=recorded_at or now,
                server_clock=True,
            )
        ],
        now=now,
    )
    if result.errors:
        raise ValidationError(result.errors[0].message)
    return Attendance.objects.get(session=session, person=person)


# --- QR self check-in ----------------------------------------------------------------------


class CheckinRefused(Exception):
    """A QR code that cannot be used; the message says why, in the learner's language."""


def checkin_token_make(session: TrainingSession) -> str:
    return signing.TimestampSigner(salt=CHECKIN_SALT).sign(str(session.pk))


def checkin_token_check(session: TrainingSession, token: str) -> None:
    """Raise CheckinRefused unless `token` is a fresh code of this session."""
    signer = signing.TimestampSigner(salt=CHECKIN_SALT)
    try:
        value = signer.unsign(token or "", max_age=CHECKIN_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise CheckinRefused(
            _("This code has expired. Scan the code on the trainer's screen again.")
        ) from None
    except signing.BadSignature:
        raise CheckinRefused(
            _("This code is not valid. Scan the code on the trainer's screen.")
        ) from None
    if value != str(session.pk):
        raise CheckinRefused(_("This code belongs to another session."))
    if not session.checkin_open:
        raise CheckinRefused(_("Check-in for this session is closed. Ask the trainer."))


@transaction.atomic
def checkin_self(*, user: User, session: TrainingSession, person: Person | None = None):
    """Mark a learner present at a session they checked in to by QR.

    The learner's own person record is used, or created in the session's commune.
    """
    if not session.checkin_open:
        raise CheckinRefused(_("Check-in for this session is closed. Ask the trainer."))
    if session.status == TrainingSession.Status.CANCELLED:
        raise CheckinRefused(_("This session was cancelled."))
    person = person or Person.objects.filter(user=user).first()
    if person is None:
        raise CheckinRefused(_("We need your name before you can check in."))
    now = timezone.now()
    change = uuid.uuid4()
    AttendanceChange.objects.create(
        uuid=change,
        session=session,
        person=person,
        status=AttendanceStatus.PRESENT,
        method=AttendanceMethod.QR,
        recorded_at=now,
        recorded_by=user,
        received_at=now,
    )
    # A learner who scans twice stays present; a later trainer mark still wins.
    attendance, created = Attendance.objects.get_or_create(
        session=session,
        person=person,
        defaults={
            "status": AttendanceStatus.PRESENT,
            "method": AttendanceMethod.QR,
            "recorded_at": now,
            "recorded_by": user,
            "change_uuid": change,
        },
    )
    if not created and attendance.status != AttendanceStatus.PRESENT:
        Attendance.objects.filter(pk=attendance.pk, recorded_at__lt=now).update(
            status=AttendanceStatus.PRESENT,
            method=AttendanceMethod.QR,
            recorded_at=now,
            recorded_by=user,
            change_uuid=change,
            updated_at=now,
        )
        attendance.refresh_from_db()
    attendance_changed.send(sender=Attendance, session_ids={session.pk}, person_ids={person.pk})
    return attendance


@transaction.atomic
def checkin_person_for_user(
    *,
    user: User,
    session: TrainingSession,
    full_name: str,
    consent: bool,
    birth_year: int | None = None,
    village: Village | None = None,
    gender: str = "",
) -> Person:
    """The learner's own person record, or a new one in the session's commune.

    Never somebody else's: a person on record with the same phone number only flags the
    new record as a likely duplicate for the trainer (see `person_create_for_account`).
    """
    person = Person.objects.filter(user=user).first()
    if person:
        return person
    fields = person_fields_clean(
        commune=session.commune,
        values={
            "full_name": full_name,
            "birth_year": birth_year,
            "village": village,
            "gender": gender,
            "consent": consent,
        },
    )
    return person_create_for_account(user=user, commune=session.commune, fields=fields)


@transaction.atomic
def checkin_register(
    *,
    session: TrainingSession,
    full_name: str,
    phone: str,
    password: str,
    consent: bool,
    birth_year: int | None = None,
    village: Village | None = None,
) -> tuple[User, Person]:
    """A learner with no account registers on their phone after scanning: account + person."""
    return learner_sign_up(
        phone=phone,
        password=password,
        commune=session.commune,
        values={
            "full_name": full_name,
            "birth_year": birth_year,
            "village": village,
            "consent": consent,
        },
    )
