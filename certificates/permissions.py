"""Who may do what with certificates: every such rule lives here, named `user_can_<verb>`.

What a user may *see* goes through `Certificate.objects.for_user(user)` (the commune where
the certificate was earned, see `trainees.scoping`); these rules say what they may *do*.

- **Holders** see and download their own certificates ("My certificates").
- **Trainers and coordinators** see the certificates of the communes in their scope, send
  them again and revoke them; trainers issue a held session's certificates in bulk.
- **Coordinators and administrators** also issue one person's certificate (a person in
  their scope).
- Nobody else can fetch a PDF: the download URL names a random uuid and is checked.
"""

from trainees.models import Role
from trainees.permissions import user_can_record, user_can_record_in_commune
from trainees.scoping import visible_communes

from .models import Certificate

ISSUE_FOR_PERSON_ROLES = {Role.COMMUNE_COORDINATOR, Role.PROVINCE_COORDINATOR, Role.ADMINISTRATOR}


def user_holds(user, certificate: Certificate) -> bool:
    return bool(
        user.is_authenticated
        and certificate.recipient_id is not None
        and certificate.recipient.user_id == user.pk
    )


def user_can_manage(user) -> bool:
    """Trainers, coordinators and administrators see the certificates in their scope."""
    return user_can_record(user)


def user_can_manage_certificate(user, certificate: Certificate) -> bool:
    """Send again or revoke: staff, for a certificate in their scope."""
    return (
        user_can_manage(user)
        and Certificate.objects.for_user(user).filter(pk=certificate.pk).exists()
    )


def user_can_download(user, certificate: Certificate) -> bool:
    """The holder, or staff whose scope includes it."""
    return user_holds(user, certificate) or user_can_manage_certificate(user, certificate)


def user_can_issue_for_session(user, session) -> bool:
    """Trainers and coordinators issue a session's certificates in a commune they work in."""
    return user_can_record_in_commune(user, session.commune_id)


def user_can_issue_for_person(user, person) -> bool:
    """Coordinators and administrators issue one person's certificate, in their scope."""
    if not (user.is_authenticated and user.is_active):
        return False
    if not (user.is_superuser or user.role in ISSUE_FOR_PERSON_ROLES):
        return False
    if user.is_superuser or user.role == Role.ADMINISTRATOR:
        return True
    return (
        person.commune_id is not None
        and visible_communes(user).filter(pk=person.commune_id).exists()
    )


def user_can_issue_for_people(user) -> bool:
    """Shows the "Issue a certificate" form."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.role in ISSUE_FOR_PERSON_ROLES)
    )
