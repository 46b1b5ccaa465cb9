"""The lesson block that plays an H5P activity chosen from the H5P snippets."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .player import player_config
from .room import activity_room


class H5PActivityBlock(blocks.StructBlock):
    activity = SnippetChooserBlock("courses.H5PPackage", label=_("H5P activity"))
    instruction = blocks.CharBlock(
        label=_("instruction"),
        required=False,
        max_length=200,
        help_text=_("One short line above the activity, e.g. 'Tap True or False'."),
    )

    # Course completion counts this block like a quiz question, with the learner's best
    # scaled score (0–1) as its credit (see trainees.learning.services.activity_credits).
    is_scored = True
    is_h5p = True

    def grade(self, value, choices):
        # Answers to an H5P activity arrive as xAPI statements, never as quiz choices.
        raise ValidationError(_("This activity records its own answers."))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        package = value["activity"]
        request = (parent_context or {}).get("request")
        lesson = (parent_context or {}).get("lesson") or (parent_context or {}).get("page")
        block_id = (parent_context or {}).get("block_id") or "x"
        if package is not None:
            path = f"/h5p/activity/{package.pk}"
            if lesson is not None and getattr(lesson, "pk", None):
                path += f"/{lesson.pk}/{block_id}"
            iri = request.build_absolute_uri(path) if request else path
            context["player"] = player_config(
                package,
                object_iri=iri,
                request=request,
                page_packages=(parent_context or {}).get("h5p_packages", ()),
            )
            context["package"] = package
            context["room"] = activity_room(package.content_json, machine_name=package.machine_name)
            context["dom_id"] = f"h5p-{block_id}"
            context["config_id"] = f"h5p-{block_id}-config"
        return context

    class Meta:
        icon = "form"
        label = _("H5P activity")
        template = "courses/blocks/h5p_activity.html"
