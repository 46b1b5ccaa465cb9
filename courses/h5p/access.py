"""Who may fetch a package's content files.

Learners see a package through the lessons that embed it. Wagtail's ReferenceIndex records
every snippet chosen in a StreamField (the H5P block uses a snippet chooser), so "which pages
use this package" is one indexed query. A package is visible when one of those pages is live
and its view restrictions let the user in, or when the user may manage packages in the admin.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PageViewRestriction, ReferenceIndex

MANAGE_PERMISSIONS = (
    "courses.upload_h5ppackage",
    "courses.change_h5ppackage",
    "courses.add_h5ppackage",
)


def user_can_manage_packages(user) -> bool:
    return user.is_active and any(user.has_perm(p) for p in MANAGE_PERMISSIONS)


def pages_using(package):
    """Live pages whose current content references `package`."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(package)
        .filter(base_content_type=page_type)
        .values("object_id")
    )
    return Page.objects.live().filter(pk__in=[int(i["object_id"]) for i in page_ids])


def _restriction_allows(restriction, user) -> bool:
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return user.is_authenticated and (
            user.is_superuser or restriction.groups.filter(pk__in=user.groups.all()).exists()
        )
    # Password restrictions are per browser session; the xAPI endpoint cannot check them.
    return False


def package_is_visible_to(package, user) -> bool:
    if user.is_authenticated and user_can_manage_packages(user):
        return True
    for page in pages_using(package):
        if all(_restriction_allows(r, user) for r in page.get_view_restrictions()):
            return True
    return False
