"""The Teams admin (a team's communes and trainers, picked with searchable choosers) and the
list of session topics."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from ..choosers import CommuneChooser, TrainerChooser
from ..models import SessionTopic, Team, TeamCommune


def _commune_names(team):
    return ", ".join(link.commune.name for link in team.commune_links.all())


class TeamIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .prefetch_related(
                Prefetch(
                    "commune_links",
                    queryset=TeamCommune.objects.select_related("commune").order_by(
                        "commune__name"
                    ),
                )
            )
        )


class TeamForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        links = self.formsets["commune_links"]
        links.is_valid()  # cleans the chosen communes, whose count we check here
        kept = [
            form
            for form in links.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise ValidationError(_("Choose at least one commune the team works in."))
        return cleaned


class TeamViewSet(ModelViewSet):
    """Administrators set up teams here; a team's trainers work in the team's communes."""

    model = Team
    icon = "group"
    menu_label = _("Teams")
    add_to_admin_menu = True
    index_view_class = TeamIndexView
    list_display = [
        "name",
        Column("kind", label=pgettext_lazy("team", "Kind"), accessor="get_kind_display"),
        Column("communes", label=_("Communes"), accessor=_commune_names),
    ]
    list_filter = ["kind"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("kind"),
            MultipleChooserPanel(
                "commune_links",
                chooser_field_name="commune",
                heading=_("Communes"),
                label=_("Commune"),
                help_text=_("The team's trainers see and record the sessions and people of these."),
                panels=[FieldPanel("commune", widget=CommuneChooser())],
            ),
            MultipleChooserPanel(
                "memberships",
                chooser_field_name="user",
                heading=_("Trainers"),
                label=_("Trainer"),
                help_text=_("Trainers and commune coordinators who work in the team's communes."),
                panels=[FieldPanel("user", widget=TrainerChooser())],
            ),
        ],
        base_form_class=TeamForm,
    )


class SessionTopicViewSet(ModelViewSet):
    """Administrators keep the fixed list of session topics (what coverage counts)."""

    model = SessionTopic
    icon = "tag"
    menu_label = _("Session topics")
    add_to_admin_menu = True
    list_display = ["name", "name_en", "name_hmn", "code", "active"]
    form_fields = ["name", "name_en", "name_hmn", "code", "sort_order", "active"]
