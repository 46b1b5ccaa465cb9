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
  existing person instead.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    Commune,
    Ethnicity,
    Person,
    Province,
    Role,
    Team,
    TeamCommune,
    User,
    Village,
    normalise_name,
)
from ..permissions import require_record_in_commune, user_can_add_villages
from ..scoping import COMMUNE_ROLES
from ..signals import person_changed

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


def person_fields_clean(*, commune: Commune, values: dict) -> dict:
    """Check one registration's fields; return them cleaned or raise ValidationError."""
    errors = {}
    full_name = " ".join((values.get("full_name") or "").split())
    if not full_name:
        errors["full_name"] = _("Enter the person's full name.")
    elif len(full_name) > 150:
        errors["full_name"] = _("The name is too long.")
    birth_year = values.get("birth_year")
    this_year = timezone.localdate().year
    if birth_year is not None and not (1900 <= int(birth_year) <= this_year):
        errors["birth_year"] = _("Enter a birth year between 1900 and %(year)s.") % {
            "year": this_year
        }
    gender = values.get("gender") or ""
    if gender and gender not in Person.Gender.values:
        errors["gender"] = _("Unknown gender.")
    ethnicity = values.get("ethnicity") or ""
    if ethnicity and ethnicity not in Ethnicity.values:
        errors["ethnicity"] = _("Unknown ethnic group.")
    village = values.get("village")
    if village is not None and village.commune_id != commune.pk:
        errors["village"] = _("This village is not in %(commune)s.") % {"commune": commune.name}
    if not values.get("consent"):
        errors["consent"] = _("The person must agree to be recorded before they are registered.")
    if errors:
        raise ValidationError(errors)
    return {
        "full_name": full_name,
        "name_key": normalise_name(full_name),
        "birth_year": int(birth_year) if birth_year is not None else None,
        "gender": gender,
        "ethnicity": ethnicity,
        "village": village,
        "household": (values.get("household") or "").strip()[:50],
        "phone": values.get("phone") or "",
        "consent": True,
        "notes": values.get("notes") or "",
    }


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
    cleaned = person_fields_clean(
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
            full_name=full_name, birth_year=cleaned["birth_year"], village=village
        )
        if candidates.exists():
            raise DuplicatePersonError(candidates)
    return Person.objects.create(
        commune=commune, registered_by=by, client_uuid=client_uuid, **cleaned
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
    for name, value in cleaned.items():
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
