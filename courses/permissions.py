"""Who may see a lesson and its H5P files: the one rule, built on Wagtail's view restrictions.

A page is visible to a request when it is live and every view restriction on it or on one
of its ancestors accepts the request — Wagtail's own `PageViewRestriction.accept_request`,
so "logged-in users", "these groups" and "this password" (entered earlier in this browser
session) work exactly as they do when Wagtail serves the page. Recording progress, grading
a quiz answer, the no-JavaScript forms, xAPI statements and H5P content files all ask here;
nothing restates the rule.

- `page_visible(request, page)`: may this request see the page?
- `page_previewable(request, page)`: may this request preview the page's latest draft in
  the admin (an editor who may change it)? A preview may check answers; it records nothing.
- `package_visible(request, package)`: may this request fetch an H5P package's content
  files? Yes when a page using it is visible, or when the user manages packages.
- `LessonAccess`: the above for one request, remembering each page's answer (a batch of
  progress events names the same lesson many times).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from cms.kept import view_restrictions

MANAGE_PACKAGE_PERMISSIONS = (
    "courses.upload_h5ppackage",
    "courses.change_h5ppackage",
    "courses.add_h5ppackage",
)


def page_visible(request, page: Page) -> bool:
    """Live, and let in by every view restriction on the page and its ancestors."""
    if not page.live:
        return False
    return all(r.accept_request(request) for r in view_restrictions(page))


def page_previewable(request, page: Page) -> bool:
    """An editor who may change the page sees its latest draft in the admin preview."""
    user = request.user
    return bool(
        user.is_authenticated and user.is_active and page.permissions_for_user(user).can_edit()
    )


def user_can_manage_packages(user) -> bool:
    """Content editors with an H5P permission preview any package, used or not."""
    return (
        user.is_authenticated
        and user.is_active
        and any(user.has_perm(p) for p in MANAGE_PACKAGE_PERMISSIONS)
    )


def pages_using(package):
    """Live pages whose current content references `package`.

    Wagtail's ReferenceIndex records every snippet chosen in a StreamField (the H5P block
    uses a snippet chooser), so this is one indexed query.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(package)
        .filter(base_content_type=page_type)
        .values("object_id")
    )
    return Page.objects.live().filter(pk__in=[int(i["object_id"]) for i in page_ids])


def package_public(package) -> bool:
    """Used by a live lesson anyone may read: its files are the same for every visitor, and
    who asks need not be known (no session read)."""
    return any(not view_restrictions(page).exists() for page in pages_using(package))


def package_visible(request, package) -> bool:
    if user_can_manage_packages(request.user):
        return True
    return any(page_visible(request, page) for page in pages_using(package))


class LessonAccess:
    """The rules above for one request, each page's answer kept for the request's length."""

    def __init__(self, request):
        self.request = request
        self._visible: dict[int, bool] = {}
        self._previewable: dict[int, bool] = {}

    @property
    def user(self):
        return self.request.user

    def can_view(self, page: Page) -> bool:
        if page.pk not in self._visible:
            self._visible[page.pk] = page_visible(self.request, page)
        return self._visible[page.pk]

    def can_preview(self, page: Page) -> bool:
        if page.pk not in self._previewable:
            self._previewable[page.pk] = page_previewable(self.request, page)
        return self._previewable[page.pk]

    def can_view_package(self, package) -> bool:
        return package_visible(self.request, package)
