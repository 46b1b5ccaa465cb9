"""Operations on people and places that span models or have side effects.

- `admin_units_load` brings provinces and communes in line with `vietnam-provinces`:
  official codes are the keys, so a renamed unit is updated in place, never duplicated.
- `user_assign_role` gives an account its role, the matching Wagtail group and its scope: a
  province for a province coordinator, teams (and so their communes) for a trainer or a
  commune coordinator.
- `village_add` is how coordinators grow the list of villages under their communes.
- **Correcting a person** (`person_update`) re-checks every field as registration does;
  moving them to another commune needs the right to record in both. `person_delete` removes
  a record entered by mistake, with its marks. Both tell the apps that keep summaries
  (`trainees.signals.person_changed`).
- **Registering a person** (`person_register`) needs consent and warns about likely
  duplicates — same accent-free name, birth year and village — so the trainer can pick the
  existing person instead. Every person's fields are checked by `person_fields`.
- **A learner's own account** (`learner_sign_up`, used by sign-up and QR check-in) gets a
  person record of its own. A phone number typed by a stranger proves nothing, so an
  account is never joined to somebody already on record because the phone numbers match:
  the new record is flagged `possible_duplicate_of` that person, for a trainer to check.
- **Merging** (`person_merge`) makes two records of one human into one, for a trainer or
  coordinator in the scope of both. The kept record takes the other's attendance, progress
  and results; where both hold a row for the same session, lesson or activity the usual
  rules decide (the latest mark wins, the best score, the earliest completion). Raw records
  (every mark, answer, event and statement) are kept and re-pointed, so the audit trail
  holds both sides. `trainees.signals.person_merged` lets other apps move their rows.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses.models import CoursePage

from ..learning.services import course_progress_update
from ..models import (
    ActivityStatement,
    ActivitySummary,
    Attendance,
    AttendanceChange,
    Commune,
    CourseProgress,
    LessonEvent,
    LessonProgress,
    Person,
    Province,
    QuizAnswer,
    Role,
    Team,
    TeamCommune,
    User,
    Village,
    normalise_name,
)
from ..permissions import require_record_in_commune, user_can_add_villages, user_can_merge_people
from ..scoping import COMMUNE_ROLES
from ..signals import person_changed, person_merged
from .person_fields import PersonFields, person_fields_clean

# The Wagtail group of each role; the groups and their permissions are created by
# migration trainees.0002_groups.
ROLE_GROUPS = {
    Role.LEARNER: "Learners",
    Role.TRAINER: "Trainers",
    Role.COMMUNE_COORDINATOR: "Commune coordinators",
    Role.PROVINCE_COORDINATOR: "Province coordinators",
    Role.CONTENT_EDITOR: "Content editors",
    Role.ADMINISTRATOR: "Administrators",
}
# Roles that work in the Wagtail admin.
ADMIN_ROLES = {Role.CONTENT_EDITOR, Role.ADMINISTRATOR}


@dataclass(frozen=True)
class AdminUnitCounts:
    provinces: int
    communes: int
    created: int
    updated: int


def _province_kind(division_type) -> str:
    return Province.Kind.CITY if "thành phố" in division_type.value else Province.Kind.PROVINCE


def _commune_kind(division_type) -> str:
    return {
        "xã": Commune.Kind.COMMUNE,
        "phường": Commune.Kind.WARD,
        "đặc khu": Commune.Kind.SPECIAL_ZONE,
    }[division_type.value]


def _sync_by_code(model, rows: dict[str, dict]) -> tuple[int, int]:
    """Make `model`'s rows match `rows` (code → field values); returns (created, updated)."""
    existing = {obj.code: obj for obj in model.objects.all()}
    to_create, to_update, fields = [], [], set()
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            to_create.append(model(code=code, **values))
            continue
        changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
        if changed:
            for k, v in changed.items():
                setattr(obj, k, v)
            to_update.append(obj)
            fields |= changed.keys()
    model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        model.objects.bulk_update(to_update, sorted(fields), batch_size=500)
    return len(to_create), len(to_update)


@transaction.atomic
def admin_units_load() -> AdminUnitCounts:
    """Create or update every province and commune from the `vietnam-provinces` package."""
    import vietnam_provinces as vp

    p_created, p_updated = _sync_by_code(
        Province,
        {
            f"{int(p.code):02d}": {
                "name": p.name,
                "kind": _province_kind(p.division_type),
                "codename": p.codename,
            }
            for p in vp.Province.iter_all()
        },
    )
    province_ids = dict(Province.objects.values_list("code", "pk"))
    c_created, c_updated = _sync_by_code(
        Commune,
        {
            f"{int(w.code):05d}": {
                "name": w.name,
                "name_key": normalise_name(w.name),
                "kind": _commune_kind(w.division_type),
                "codename": w.codename,
                "province_id": province_ids[f"{int(w.province_code):02d}"],
            }
            for w in vp.Ward.iter_all()
        },
    )
    return AdminUnitCounts(
        provinces=Province.objects.count(),
        communes=Commune.objects.count(),
        created=p_created + c_created,
        updated=p_updated + c_updated,
    )


def user_scope_clean(*, role: Role, province: Province | None, teams) -> None:
    """Refuse a scope that makes no sense for the role: raise ValidationError by field.

    A province coordinator needs a province; a trainer or commune coordinator needs a team
    that works in at least one commune (their communes are their teams' communes).
    """
    errors = {}
    if role == Role.PROVINCE_COORDINATOR and province is None:
        errors["province"] = _("A province coordinator needs a province.")
    if role in COMMUNE_ROLES and not TeamCommune.objects.filter(team__in=list(teams)).exists():
        errors["teams"] = _(
            "A trainer or commune coordinator needs a team that works in at least one commune."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def user_assign_role(
    *,
    user: User,
    role: Role,
    province: Province | None = None,
    teams: Iterable[Team] | None = None,
) -> User:
    """Give `user` a role, its Wagtail group and its scope; refuse a scope that makes no sense.

    `teams` (for trainers and commune coordinators) replaces the user's team memberships,
    which give them their communes; `None` keeps them. Other roles belong to no team.
    """
    role = Role(role)
    if role in COMMUNE_ROLES:
        teams = list(user.teams.all()) if teams is None else list(teams)
    else:
        teams = []
    user_scope_clean(role=role, province=province, teams=teams)
    user.role = role
    user.province = province if role == Role.PROVINCE_COORDINATOR else None
    user.is_staff = role in ADMIN_ROLES
    # Administrators manage accounts, groups, sites and settings: everything, so superuser.
    user.is_superuser = role == Role.ADMINISTRATOR
    user.save(update_fields=["role", "province", "is_staff", "is_superuser"])
    user.teams.set(teams)
    user.groups.remove(*Group.objects.filter(name__in=ROLE_GROUPS.values()))
    # The groups come from migration trainees.0002; get_or_create survives a flushed database.
    user.groups.add(Group.objects.get_or_create(name=ROLE_GROUPS[role])[0])
    return user


@transaction.atomic
def village_add(*, by: User, commune: Commune, name: str, kind: str = Village.Kind.VILLAGE):
    """Add a village to a commune the coordinator oversees."""
    if not user_can_add_villages(by, commune):
        raise PermissionDenied(_("You cannot add villages to this commune."))
    name = " ".join(name.split())
    if Village.objects.filter(commune=commune, name__iexact=name).exists():
        raise ValidationError(
            _("%(commune)s already has a village called %(name)s.")
            % {"commune": commune.name, "name": name}
        )
    return Village.objects.create(commune=commune, name=name, kind=kind)


# --- People --------------------------------------------------------------------------------


class DuplicatePersonError(ValidationError):
    """Someone with the same name, birth year and village is already registered."""

    def __init__(self, candidates):
        self.candidates = list(candidates)
        super().__init__(
            _("This person may already be registered. Pick them from the list, or confirm.")
        )


def person_find_duplicates(*, full_name: str, birth_year: int | None, village: Village | None):
    """People who are probably the same human: same normalised name, birth year and village."""
    if village is None:
        return Person.objects.none()
    return Person.objects.filter(
        village=village, birth_year=birth_year, name_key=normalise_name(full_name)
    )


@transaction.atomic
def person_register(
    *,
    by: User,
    commune: Commune,
    full_name: str,
    consent: bool,
    birth_year: int | None = None,
    gender: str = "",
    ethnicity: str = "",
    village: Village | None = None,
    household: str = "",
    phone: str = "",
    notes: str = "",
    allow_duplicate: bool = False,
    client_uuid: uuid.UUID | None = None,
) -> Person:
    """Register a villager; raise DuplicatePersonError unless the trainer confirmed."""
    require_record_in_commune(by, commune.pk)
    fields = person_fields_clean(
        commune=commune,
        values={
            "full_name": full_name,
            "birth_year": birth_year,
            "gender": gender,
            "ethnicity": ethnicity,
            "village": village,
            "household": household,
            "phone": phone,
            "consent": consent,
            "notes": notes,
        },
    )
    if not allow_duplicate:
        candidates = person_find_duplicates(
            full_name=fields.full_name, birth_year=fields.birth_year, village=fields.village
        )
        if candidates.exists():
            raise DuplicatePersonError(candidates)
    return Person.objects.create(
        commune=commune, registered_by=by, client_uuid=client_uuid, **fields.as_model_fields()
    )


# Fields a correction may change; the rest (account, uuid, who registered) are not corrected.
PERSON_EDITABLE = (
    "full_name",
    "birth_year",
    "gender",
    "ethnicity",
    "village",
    "household",
    "phone",
    "notes",
)


@transaction.atomic
def person_update(*, by: User, person: Person, commune: Commune | None = None, **values) -> Person:
    """Correct a person's record (name, village, household, commune …) with the same checks."""
    require_record_in_commune(by, person.commune_id)
    unknown = set(values) - set(PERSON_EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    commune = commune or person.commune
    if commune.pk != person.commune_id:
        require_record_in_commune(by, commune.pk)
    current = {name: getattr(person, name) for name in PERSON_EDITABLE}
    if commune.pk != person.commune_id and "village" not in values:
        current["village"] = None  # the old village belongs to the old commune
    cleaned = person_fields_clean(
        commune=commune, values={**current, **values, "consent": person.consent}
    )
    for name, value in cleaned.as_model_fields().items():
        if name != "consent":
            setattr(person, name, value)
    person.commune = commune
    person.save()
    person_changed.send(sender=Person, person_ids={person.pk})
    return person


@transaction.atomic
def person_delete(*, by: User, person: Person) -> None:
    """Delete a record entered by mistake (and its marks); summaries are told first."""
    require_record_in_commune(by, person.commune_id)
    person_changed.send(sender=Person, person_ids={person.pk}, deleted=True)
    person.delete()


# --- A learner's own account ---------------------------------------------------------------


@transaction.atomic
def person_create_for_account(
    *, user: User, commune: Commune | None, fields: PersonFields
) -> Person:
    """A new person record for an account: never someone else's, whatever the phone says."""
    person = Person.objects.create(
        user=user,
        commune=commune,
        **{**fields.as_model_fields(), "phone": user.phone},
    )
    same_phone = Person.objects.with_phone(user.phone).exclude(pk=person.pk).first()
    if same_phone is not None:
        person.possible_duplicate_of = same_phone
        person.save(update_fields=["possible_duplicate_of", "updated_at"])
    return person


def _account_exists_error() -> ValidationError:
    return ValidationError(
        {"phone": _("An account with this phone number already exists. Log in instead.")}
    )


@transaction.atomic
def learner_sign_up(
    *,
    phone: str,
    password: str,
    commune: Commune | None,
    values: dict,
) -> tuple[User, Person]:
    """A learner makes an account on their own phone (sign-up, QR check-in): account + person.

    `values` are the person fields (`full_name`, `consent`, and maybe `birth_year`,
    `village`…). Two sign-ups with one phone at the same moment make one account; the other
    gets the same clear message as a sign-up with a phone already taken.
    """
    fields = person_fields_clean(commune=commune, values=values)
    try:
        with transaction.atomic():
            user = User.objects.create_user(phone, password, last_name=fields.full_name)
    except IntegrityError:
        raise _account_exists_error() from None
    user_assign_role(user=user, role=Role.LEARNER)
    person = person_create_for_account(user=user, commune=commune, fields=fields)
    return user, person


# --- Merging two records of one human --------------------------------------------------------

# The Wagtail log action recorded for each merge (registered in trainees.wagtail_hooks).
PERSON_MERGE_ACTION = "trainees.person_merge"


def _earliest(*values):
    present = [v for v in values if v is not None]
    return min(present) if present else None


def _best(*values):
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _merge_attendance(kept: Person, merged: Person) -> None:
    """One row per session: the latest mark wins (ties: the larger mark uuid), as in sync."""
    theirs = {a.session_id: a for a in Attendance.objects.filter(person=kept)}
    for row in Attendance.objects.filter(person=merged):
        other = theirs.get(row.session_id)
        if other is None:
            row.person = kept
            row.save(update_fields=["person", "updated_at"])
            continue
        if (row.recorded_at, str(row.change_uuid)) > (other.recorded_at, str(other.change_uuid)):
            for name in ("status", "method", "recorded_at", "recorded_by", "change_uuid"):
                setattr(other, name, getattr(row, name))
            other.clock_suspect = row.clock_suspect
            other.save()
        row.delete()
    # Every mark ever received stays, now naming the kept person: the audit trail keeps both.
    AttendanceChange.objects.filter(person=merged).update(person=kept)


def _merge_lesson_progress(kept: Person, merged: Person) -> set:
    theirs = {p.lesson_key: p for p in LessonProgress.objects.filter(person=kept)}
    course_keys = set()
    for row in LessonProgress.objects.filter(person=merged):
        course_keys.add(row.course_key)
        other = theirs.get(row.lesson_key)
        if other is None:
            row.person = kept
            row.save(update_fields=["person", "updated_at"])
            continue
        other.started_at = _earliest(other.started_at, row.started_at)
        other.completed_at = _earliest(other.completed_at, row.completed_at)
        other.best_score = _best(other.best_score, row.best_score)
        if row.updated_at > other.updated_at and row.last_position:
            other.last_position = row.last_position
        other.assisted_by_id = other.assisted_by_id or row.assisted_by_id
        other.save()
        row.delete()
    return course_keys


def _merge_course_progress(kept: Person, merged: Person, course_keys: set) -> None:
    theirs = {p.course_key: p for p in CourseProgress.objects.filter(person=kept)}
    for row in CourseProgress.objects.filter(person=merged):
        course_keys.add(row.course_key)
        other = theirs.get(row.course_key)
        if other is None:
            row.person = kept
            row.save(update_fields=["person", "updated_at"])
            continue
        other.completed_at = _earliest(other.completed_at, row.completed_at)
        other.percent = max(other.percent, row.percent)
        if row.updated_at > other.updated_at and row.last_lesson_key:
            other.last_lesson_key = row.last_lesson_key
        other.save()
        row.delete()
    # Lessons done under either record now count together: a course may be complete now.
    for course in CoursePage.objects.live().filter(
        translation_key__in=course_keys, locale__language_code=settings.LANGUAGE_CODE
    ):
        course_progress_update(person=kept, course=course)


def _merge_activity_summaries(kept: Person, merged: Person) -> None:
    theirs = {s.package_id: s for s in ActivitySummary.objects.filter(person=kept)}
    for row in ActivitySummary.objects.filter(person=merged):
        other = theirs.get(row.package_id)
        if other is None:
            row.person = kept
            row.save(update_fields=["person", "updated_at"])
            continue
        if row.best_scaled is not None and (
            other.best_scaled is None or row.best_scaled > other.best_scaled
        ):
            other.best_raw, other.best_max, other.best_scaled = (
                row.best_raw,
                row.best_max,
                row.best_scaled,
            )
        other.completed = other.completed or row.completed
        other.passed = other.passed or row.passed
        other.attempts += row.attempts
        other.completed_at = _earliest(other.completed_at, row.completed_at)
        other.save()
        row.delete()


def _merge_person_fields(kept: Person, merged: Person) -> None:
    """The kept record's own answers stay; the gaps are filled from the other record."""
    for name in ("birth_year", "gender", "ethnicity", "household", "phone", "notes"):
        if not getattr(kept, name) and getattr(merged, name):
            setattr(kept, name, getattr(merged, name))
    if kept.village_id is None and merged.village_id and merged.commune_id == kept.commune_id:
        kept.village_id = merged.village_id
    kept.consent = kept.consent or merged.consent
    if kept.client_uuid is None and merged.client_uuid is not None:
        # Phones may still name the merged record by its registration uuid.
        kept.client_uuid, merged.client_uuid = merged.client_uuid, None
    if kept.user_id is None and merged.user_id is not None:
        kept.user_id, merged.user_id = merged.user_id, None
    if kept.possible_duplicate_of_id == merged.pk:
        kept.possible_duplicate_of = None
    merged.save(update_fields=["client_uuid", "user", "updated_at"])
    kept.save()


@transaction.atomic
def person_merge(*, by: User, kept: Person, merged: Person) -> Person:
    """Make `merged` part of `kept` (see the module docstring); `merged` is deleted."""
    if kept.pk == merged.pk:
        raise ValidationError(_("Choose two different records."))
    # Lock both, in a fixed order, so two trainers merging the same pair cannot interleave.
    locked = {
        p.pk: p
        for p in Person.objects.select_for_update()
        .filter(pk__in=[kept.pk, merged.pk])
        .order_by("pk")
    }
    if len(locked) != 2:
        raise ValidationError(_("One of these records was merged or removed meanwhile."))
    kept, merged = locked[kept.pk], locked[merged.pk]
    if not user_can_merge_people(by, kept, merged):
        raise PermissionDenied(_("You cannot merge these records."))
    if kept.user_id and merged.user_id:
        raise ValidationError(
            _(
                "Both records have their own account, so they cannot be merged. "
                "Ask an administrator."
            )
        )
    _merge_attendance(kept, merged)
    course_keys = _merge_lesson_progress(kept, merged)
    for model in (QuizAnswer, LessonEvent, ActivityStatement):
        model.objects.filter(person=merged).update(person=kept)
    _merge_activity_summaries(kept, merged)
    _merge_course_progress(kept, merged, course_keys)
    Person.objects.filter(possible_duplicate_of=merged).exclude(pk=kept.pk).update(
        possible_duplicate_of=kept
    )
    _merge_person_fields(kept, merged)
    person_merged.send(sender=Person, kept=kept, merged=merged, by=by)
    # Who merged what, in Wagtail's log: the merged record itself is gone after this.
    log(
        instance=kept,
        action=PERSON_MERGE_ACTION,
        user=by,
        data={"merged_id": merged.pk, "merged_full_name": merged.full_name},
    )
    merged.delete()
    return kept


@transaction.atomic
def person_duplicate_dismiss(*, by: User, person: Person) -> Person:
    """A trainer checked: the flagged record is somebody else, not a duplicate."""
    other = person.possible_duplicate_of
    if other is None:
        return person
    if not user_can_merge_people(by, person, other):
        raise PermissionDenied(_("You cannot change these records."))
    person.possible_duplicate_of = None
    person.save(update_fields=["possible_duplicate_of", "updated_at"])
    return person
