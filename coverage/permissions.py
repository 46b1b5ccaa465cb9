"""Who may see which coverage figures; every view asks here and nowhere else.

The dashboard shows counts, never a person's data, but counts still follow scope:

- **administrators** see the nation, every province and every commune;
- **province coordinators** see their province and its communes;
- **commune coordinators and trainers** see only their own communes (no province view);
- everyone else sees no dashboard.

Out of scope is a 404, so a code outside one's scope reveals nothing. Which communes are in
scope is decided by `trainees.scoping.visible_communes`, the one rule for operational data.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from trainees.models import Commune, Province, Role
from trainees.scoping import visible_communes


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def user_is_administrator(user) -> bool:
    return _active(user) and (user.is_superuser or user.role == Role.ADMINISTRATOR)


def user_can_see_dashboard(user) -> bool:
    return _active(user) and (
        user_is_administrator(user)
        or user.role in {Role.PROVINCE_COORDINATOR, Role.COMMUNE_COORDINATOR, Role.TRAINER}
    )


def user_can_see_nation(user) -> bool:
    return user_is_administrator(user)


def user_can_manage_targets(user) -> bool:
    """Targets, populations, legends, boundaries and report schedules: administrators."""
    return user_is_administrator(user)


def provinces_for(user):
    """Provinces whose province view `user` may open."""
    if user_is_administrator(user):
        return Province.objects.all()
    if _active(user) and user.role == Role.PROVINCE_COORDINATOR and user.province_id:
        return Province.objects.filter(pk=user.province_id)
    return Province.objects.none()


def province_or_404(user, code: str) -> Province:
    if not user_can_see_dashboard(user):
        raise Http404
    return get_object_or_404(provinces_for(user), code=code)


def communes_for(user):
    """Communes whose figures `user` may see."""
    if not user_can_see_dashboard(user):
        return Commune.objects.none()
    return visible_communes(user)


def commune_or_404(user, code: str) -> Commune:
    return get_object_or_404(communes_for(user).select_related("province"), code=code)
