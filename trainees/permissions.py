"""Who may do what with people, training and learning records: every such rule lives here.

Views and services (of this app and the apps above it) ask these functions and never restate
a rule. *What* a user may see — which communes, and so which rows — is `trainees.scoping`;
here is *what they may do* with it. Each rule is named `user_can_<verb>` and tested in
`tests/trainees/test_permissions.py`.

- **Roles** (`Role`): learners learn; trainers and commune coordinators work in their
  communes; province coordinators in their province; administrators everywhere.
- **Recording** (sessions, registrations, attendance, imports, exports, assisted learning)
  is for trainers, coordinators and administrators, in a commune in their scope.
- **Villages** are added by coordinators and administrators, not by trainers.
- **Merging people** (two records of one human) is for whoever may record in the communes
  of *both* records: a trainer or coordinator never reaches a record outside their scope
  by merging it into one inside.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .models import Role
from .scoping import STAFF_ROLES, visible_communes

# Roles that may add villages to a commune in their scope.
VILLAGE_ROLES = {Role.COMMUNE_COORDINATOR, Role.PROVINCE_COORDINATOR, Role.ADMINISTRATOR}


def user_can_record(user) -> bool:
    """Trainers, coordinators and administrators record sessions and attendance."""
    return bool(
        user.is_authenticated and user.is_active and (user.is_superuser or user.role in STAFF_ROLES)
    )


def user_can_record_in_commune(user, commune_id: int | None) -> bool:
    """May `user` record for this commune (register people, plan sessions, mark attendance)?"""
    return (
        commune_id is not None
        and user_can_record(user)
        and visible_communes(user).filter(pk=commune_id).exists()
    )


def require_record_in_commune(user, commune_id: int | None) -> None:
    """Raise PermissionDenied unless `user_can_record_in_commune`."""
    if not user_can_record_in_commune(user, commune_id):
        raise PermissionDenied(_("You cannot work with this commune."))


def user_can_add_villages(user, commune=None) -> bool:
    """Coordinators and administrators add villages (to `commune`, if given, in their scope)."""
    if not (user.is_authenticated and (user.is_superuser or user.role in VILLAGE_ROLES)):
        return False
    return commune is None or visible_communes(user).filter(pk=commune.pk).exists()


def user_can_merge_people(user, *people) -> bool:
    """May `user` merge these person records (or dismiss them as different people)?"""
    communes = {person.commune_id for person in people}
    return (
        bool(people)
        and None not in communes
        and user_can_record(user)
        and visible_communes(user).filter(pk__in=communes).count() == len(communes)
    )


# Roles that answer a person's request to export or erase their data.
PERSONAL_DATA_ROLES = {Role.COMMUNE_COORDINATOR, Role.PROVINCE_COORDINATOR, Role.ADMINISTRATOR}


def user_can_answer_privacy_requests(user) -> bool:
    """Coordinators and administrators answer requests to export or erase a person's data."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.role in PERSONAL_DATA_ROLES)
    )


def user_can_manage_personal_data(user, person) -> bool:
    """May `user` export or erase this person's data on their request? Coordinators whose
    scope holds the person's commune, and administrators (also for people with no commune).
    Trainers may not: the request goes to a coordinator."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or user.role == Role.ADMINISTRATOR:
        return True
    if user.role not in PERSONAL_DATA_ROLES or person.commune_id is None:
        return False
    return visible_communes(user).filter(pk=person.commune_id).exists()


def user_can_read_audit_log(user) -> bool:
    """Administrators read who viewed, exported or erased personal data."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.role == Role.ADMINISTRATOR)
    )
