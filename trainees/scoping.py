"""The one place that decides which operational data a user may see.

Every view that lists or fetches sessions, people, attendance or villages goes through
`Model.objects.for_user(user)` (or `get_scoped_object_or_404`), which calls
`scope_queryset`. Out-of-scope objects are simply absent, so fetching one gives a 404 and
never reveals that it exists.

Where a scope comes from, one source per role:
- administrators: everything;
- province coordinators: their `User.province`;
- trainers and commune coordinators: the communes of the teams they are members of
  (`Team.members`, set up in the admin's Teams and Users screens);
- everyone else: nothing.
"""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Commune, Role, TeamCommune

UNLIMITED_ROLES = {Role.ADMINISTRATOR}
PROVINCE_ROLES = {Role.PROVINCE_COORDINATOR}
COMMUNE_ROLES = {Role.COMMUNE_COORDINATOR, Role.TRAINER}
STAFF_ROLES = UNLIMITED_ROLES | PROVINCE_ROLES | COMMUNE_ROLES


def visible_communes(user) -> QuerySet[Commune]:
    """The communes whose operational data `user` may see."""
    if not user.is_authenticated or not user.is_active:
        return Commune.objects.none()
    if user.is_superuser or user.role in UNLIMITED_ROLES:
        return Commune.objects.all()
    if user.role in PROVINCE_ROLES and user.province_id:
        return Commune.objects.filter(province_id=user.province_id)
    if user.role in COMMUNE_ROLES:
        return Commune.objects.filter(
            pk__in=TeamCommune.objects.filter(team__memberships__user=user).values("commune_id")
        )
    return Commune.objects.none()


def scope_queryset(queryset: QuerySet, user) -> QuerySet:
    """Restrict `queryset` to the rows `user` may see, through the model's `scope_path`."""
    path = queryset.model.scope_path
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser or user.role in UNLIMITED_ROLES:
        return queryset
    communes = visible_communes(user)
    if path == "":
        return queryset.filter(pk__in=communes.values("pk"))
    return queryset.filter(**{f"{path}__in": communes.values("pk")})


def get_scoped_object_or_404(queryset: QuerySet, user, **lookup):
    return get_object_or_404(scope_queryset(queryset, user), **lookup)
