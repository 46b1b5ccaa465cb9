"""The attendance API used by the roll-call page: download a roster, upload what the phone
recorded. A django-ninja router, mounted at /api/attendance/ by `cms.api`.

Session-authenticated with CSRF, like the pages; everything is scoped with `for_user`, so
another commune's session is simply "not found". The OpenAPI schema is at /api/openapi.json.
"""

from datetime import datetime
from typing import Literal
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from pydantic import BaseModel

from ..models import (
    Attendance,
    AttendanceMethod,
    AttendanceStatus,
    Ethnicity,
    Person,
    TrainingSession,
    Village,
)
from ..people.person_fields import (
    BIRTH_YEAR_MIN,
    FULL_NAME_MAX_LENGTH,
    HOUSEHOLD_MAX_LENGTH,
    NOTES_MAX_LENGTH,
)
from ..scoping import get_scoped_object_or_404, visible_communes
from . import services

router = Router(tags=["attendance"])


Status = Literal[tuple(AttendanceStatus.values)]  # type: ignore[valid-type]
Method = Literal[tuple(AttendanceMethod.values)]  # type: ignore[valid-type]


class VillageOut(Schema):
    id: int
    name: str


class SessionOut(Schema):
    uuid: UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    commune: str
    village_id: int | None
    status: str
    checkin_open: bool


class RosterPerson(Schema):
    id: int
    uuid: UUID | None = Field(
        None, description="The phone-made registration uuid (people in the caller's scope only)"
    )
    full_name: str
    name_key: str
    birth_year: int | None
    gender: str
    village_id: int | None
    household: str
    status: str | None = Field(None, description="Current attendance status, if any")
    recorded_at: datetime | None = None


class RosterOut(Schema):
    session: SessionOut
    villages: list[VillageOut]
    people: list[RosterPerson]


# A database id: larger numbers are no row of ours (and overflow SQLite's integers).
DB_ID = {"ge": 1, "le": 2**63 - 1}


def _rule(description: str, **schema) -> dict:
    """A person field's rule, for the OpenAPI schema only: the sync checks each registration
    with `trainees.people.person_fields` and refuses a bad one alone, with its own error,
    so one bad record never makes the whole batch fail."""
    return {"description": description, "json_schema_extra": schema}


# Plain pydantic models for the uploaded records: ninja's Schema adds a per-object root
# validator (for reading Django objects) that costs more than the database work of a batch.
class RegistrationIn(BaseModel):
    uuid: UUID = Field(description="Made on the phone; re-sending it creates nothing new")
    session: UUID
    full_name: str = Field(
        **_rule("Required; no NUL or control characters", maxLength=FULL_NAME_MAX_LENGTH)
    )
    consent: bool = Field(description="Must be true: the person agrees to be recorded")
    birth_year: int | None = Field(
        None, **_rule("A year from 1900 to this year", minimum=BIRTH_YEAR_MIN)
    )
    gender: str = Field("", **_rule("One of the choices", enum=["", *Person.Gender.values]))
    ethnicity: str = Field("", **_rule("One of the choices", enum=["", *Ethnicity.values]))
    village_id: int | None = Field(None, description="A village of the session's commune", **DB_ID)
    household: str = Field("", **_rule("No control characters", maxLength=HOUSEHOLD_MAX_LENGTH))
    notes: str = Field("", **_rule("Free text", maxLength=NOTES_MAX_LENGTH))


class MarkIn(BaseModel):
    uuid: UUID = Field(description="Made on the phone for this mark; replays are ignored")
    session: UUID
    person_id: int | None = Field(None, description="A person already on the server", **DB_ID)
    person_uuid: UUID | None = Field(None, description="…or the uuid of a registration")
    status: Status
    method: Method = AttendanceMethod.ROLL_CALL
    recorded_at: datetime = Field(
        description="When the mark was made, with time zone. A time before the session's day "
        "or ahead of the server is replaced by the time received, and the mark flagged."
    )


class SyncIn(BaseModel):
    registrations: list[RegistrationIn] = Field(default_factory=list, max_length=1000)
    marks: list[MarkIn] = Field(default_factory=list, max_length=1000)


# How a refused request names its fields to the person holding the phone (cms/api_errors.py):
# "Mark 2 › status: must be one of: …". The same words as the roll-call page.
FIELD_LABELS = {
    "registrations": gettext_lazy("registrations"),
    "marks": gettext_lazy("marks"),
    "uuid": gettext_lazy("record id"),
    "session": pgettext_lazy("training", "session"),
    "session_uuid": pgettext_lazy("training", "session"),
    "full_name": gettext_lazy("full name"),
    "consent": gettext_lazy("agrees to be recorded"),
    "birth_year": gettext_lazy("birth year"),
    "gender": gettext_lazy("gender"),
    "ethnicity": gettext_lazy("ethnic group"),
    "village_id": gettext_lazy("village"),
    "household": gettext_lazy("household"),
    "notes": gettext_lazy("notes"),
    "person_id": gettext_lazy("person"),
    "person_uuid": gettext_lazy("person"),
    "status": gettext_lazy("status"),
    "method": gettext_lazy("method"),
    "recorded_at": gettext_lazy("recorded at"),
}
ITEM_LABELS = {
    "registrations": gettext_lazy("registration %(n)s"),
    "marks": gettext_lazy("mark %(n)s"),
}


class RecordErrorOut(Schema):
    kind: Literal["registration", "mark"]
    index: int
    uuid: str
    message: str


class SyncOut(Schema):
    registrations_created: int
    registrations_known: int
    marks_new: int
    marks_known: int
    clock_suspect: int = Field(description="Marks kept with the time received (wrong clock)")
    people: dict[str, int] = Field(description="Registration uuid → person id")
    errors: list[RecordErrorOut]


class ErrorOut(Schema):
    detail: str


@router.get(
    "/sessions/{session_uuid}/roster",
    response={200: RosterOut, 404: ErrorOut},
    summary="A session's roster, with the current marks",
)
def roster(request, session_uuid: UUID):
    session = get_scoped_object_or_404(
        TrainingSession.objects.select_related("commune"), request.user, uuid=session_uuid
    )
    marks = {
        a.person_id: a
        for a in Attendance.objects.filter(session=session).only(
            "person_id", "status", "recorded_at"
        )
    }
    roster = list(services.training_session_roster(session=session, user=request.user))
    # A registration uuid is how a phone names a person: only for people in the caller's
    # scope, never for a visitor from elsewhere who checked in to this session.
    mine = set(
        visible_communes(request.user)
        .filter(pk__in={p.commune_id for p in roster})
        .values_list("pk", flat=True)
    )
    people = [
        {
            "id": p.pk,
            "uuid": p.client_uuid if p.commune_id in mine else None,
            "full_name": p.full_name,
            "name_key": p.name_key,
            "birth_year": p.birth_year,
            "gender": p.gender,
            "village_id": p.village_id,
            "household": p.household,
            "status": marks[p.pk].status if p.pk in marks else None,
            "recorded_at": marks[p.pk].recorded_at if p.pk in marks else None,
        }
        for p in roster
    ]
    return {
        "session": {
            "uuid": session.uuid,
            "title": session.title,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "commune": session.commune.name,
            "village_id": session.village_id,
            "status": session.status,
            "checkin_open": session.checkin_open,
        },
        "villages": list(Village.objects.filter(commune=session.commune).values("id", "name")),
        "people": people,
    }


@router.post(
    "/sync",
    response={200: SyncOut, 400: ErrorOut, 403: ErrorOut},
    summary="Upload registrations and marks made on a phone (idempotent)",
)
def sync(request, payload: SyncIn):
    try:
        result = services.attendance_sync(
            by=request.user,
            registrations=[
                services.RegistrationData(**r.model_dump()) for r in payload.registrations
            ],
            marks=[services.MarkData(**m.__dict__) for m in payload.marks],
        )
    except PermissionDenied as exc:
        raise HttpError(403, str(exc) or _("Not allowed.")) from exc
    except ValidationError as exc:
        raise HttpError(400, " ".join(exc.messages)) from exc
    return {
        "registrations_created": result.registrations_created,
        "registrations_known": result.registrations_known,
        "marks_new": result.marks_new,
        "marks_known": result.marks_known,
        "clock_suspect": result.clock_suspect,
        "people": result.people,
        "errors": [e.__dict__ for e in result.errors],
    }
