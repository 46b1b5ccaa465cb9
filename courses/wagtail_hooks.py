"""Content in the Wagtail admin: H5P activities (a snippet with a chooser, upload behind a
permission) and narration clips (recorded from the microphone or uploaded)."""

from functools import partial

from django.core.exceptions import BadRequest
from django.db import transaction
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.fields import StreamField
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import CreateView, DeleteView, SnippetViewSet

from .forms import H5PPackageForm, NarrationChooserForm, NarrationForm
from .models import H5PPackage, Narration
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


class NarrationChooserViewSet(SnippetChooserViewSet):
    # A "Record or upload" tab in the chooser of a step: record and attach in one go.
    creation_form_class = NarrationChooserForm
    create_action_label = gettext_lazy("Save this narration")
    creation_tab_label = gettext_lazy("Record or upload")


class VoiceColumn(Column):
    """Synthetic clips say so in the listing, so an editor sees what to record again."""

    def get_value(self, instance):
        if instance.synthetic:
            return _("Synthetic voice — replace with a human voice")
        return _("Human voice")


class NarrationViewSet(SnippetViewSet):
    model = Narration
    icon = "media"
    menu_label = gettext_lazy("Narration")
    add_to_admin_menu = True
    menu_order = 310
    chooser_viewset_class = NarrationChooserViewSet
    list_display = [
        "title",
        "language",
        VoiceColumn("voice", label=gettext_lazy("voice")),
        "created_at",
    ]
    list_filter = ["language", "synthetic"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [FieldPanel("file"), FieldPanel("title"), FieldPanel("language")],
        base_form_class=NarrationForm,
    )


register_snippet(NarrationViewSet)


@hooks.register("insert_global_admin_js")
def narration_recorder_js():
    """The recorder (a file of its own, no inline script: a strict admin CSP holds). It acts
    only where a narration form's file input is, on its page or in a step's chooser."""
    return format_html('<script src="{}" defer></script>', static("courses/narration-recorder.js"))


@hooks.register("offline_shell_urls")
def lesson_shell_urls():
    """For the service worker: the lessons' files, the home page and the offline page."""
    return [
        static("courses/courses.css"),
        static("courses/h5p.css"),
        static("courses/lesson.js"),
        static("courses/save.js"),
        static("courses/h5p-player.js"),
        "/vi/",
        "/offline/",
    ]


def _refuse_damaged_stream_data(request, page_class):
    """A lesson's body comes from the editor as numbered form fields (`body-count`,
    `body-0-type`…). Wagtail reads them trusting the editor's script: a field missing or not
    a number was a KeyError or ValueError, a server error. Such a form was not sent by the
    editor's page, so it is refused whole (400) before Wagtail reads it, and nothing is
    saved."""
    if request.method != "POST":
        return
    for field in page_class._meta.get_fields():
        if isinstance(field, StreamField):
            try:
                field.stream_block.value_from_datadict(request.POST, request.FILES, field.name)
            except (KeyError, ValueError, TypeError, IndexError, AttributeError) as exc:
                raise BadRequest(f"damaged {field.name} data") from exc


@hooks.register("before_edit_page")
def refuse_damaged_lesson_body_on_edit(request, page):
    _refuse_damaged_stream_data(request, type(page))


@hooks.register("before_create_page")
def refuse_damaged_lesson_body_on_create(request, parent_page, page_class):
    _refuse_damaged_stream_data(request, page_class)
