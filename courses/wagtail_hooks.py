"""H5P activities in the Wagtail admin: a snippet with a chooser, upload behind a permission."""

from functools import partial

from django.db import transaction
from django.templatetags.static import static
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, SnippetViewSet

from .forms import H5PPackageForm
from .models import H5PPackage
from .services import h5p_package_files_remove, h5p_package_upload


class H5PPackagePermissionPolicy(ModelPermissionPolicy):
    """Adding a package needs `upload_h5ppackage`, not the ordinary add permission: a package's
    library JavaScript runs on our origin, so only trusted people may bring new code."""

    def _get_permission_codename(self, action):
        if action == "add":
            return "upload_h5ppackage"
        return super()._get_permission_codename(action)


register_permission_policy(H5PPackage, H5PPackagePermissionPolicy(H5PPackage))


class H5PPackageCreateView(CreateView):
    """Upload a package; the same file again is recognised (and takes the new title)."""

    def save_instance(self):
        result = h5p_package_upload(
            fileobj=self.form.cleaned_data["upload"],
            title=self.form.cleaned_data.get("title", ""),
            by=self.request.user,
        )
        self.already_there = not result.created
        return result.package

    def get_success_message(self, instance):
        if getattr(self, "already_there", False):
            return _(
                "This package had been uploaded before: nothing new was stored. "
                "It is “%(title)s”; use it from there."
            ) % {"title": instance.title}
        return super().get_success_message(instance)


class H5PPackageDeleteView(DeleteView):
    def delete_action(self):
        package = self.object
        remove = partial(
            h5p_package_files_remove, sha256=package.sha256, file_name=package.file.name
        )
        with transaction.atomic():
            super().delete_action()
            transaction.on_commit(remove)


class H5PPackageViewSet(SnippetViewSet):
    model = H5PPackage
    icon = "form"
    menu_label = "H5P"
    add_to_admin_menu = True
    menu_order = 300
    add_view_class = H5PPackageCreateView
    delete_view_class = H5PPackageDeleteView
    list_display = ["title", "main_library", "created_at"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [FieldPanel("upload"), FieldPanel("title")], base_form_class=H5PPackageForm
    )


register_snippet(H5PPackageViewSet)


@hooks.register("offline_shell_urls")
def lesson_shell_urls():
    """For the service worker: the lessons' files, the home page and the offline page."""
    return [
        static("courses/courses.css"),
        static("courses/lesson.js"),
        static("courses/save.js"),
        static("courses/h5p-player.js"),
        "/vi/",
        "/offline/",
    ]
