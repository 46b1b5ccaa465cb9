"""Searchable pickers in the Wagtail admin for communes, trainers and teams.

Choosing one of 3,321 communes, or one trainer among thousands of accounts, from a plain
`<select>` is not possible on a real installation. Each picker here is a Wagtail chooser (a
modal with a search box and pages of results):

- **communes**: searched without accents ("y ty" finds "Xã Y Tý") and filtered by province;
  each row names its province, since 241 commune names occur in more than one province;
- **trainers**: only trainers and commune coordinators (the people a team can hold),
  searched by name or phone number;
- **teams**: searched by name or by a commune they work in; each row lists its communes.

The widgets (`CommuneChooser`, `TrainerChooser`, `TeamChooser`) are used by the Teams admin
and the user forms; `wagtail_hooks` registers the viewsets.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
    ChosenMultipleView,
    ChosenView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser

from .models import Commune, Province, Team, TeamCommune, User, normalise_name
from .models.training import TEAM_MEMBER_ROLES


def commune_label(commune: Commune) -> str:
    """ "Xã Y Tý — Lào Cai": a commune's name is not unique across provinces."""
    return f"{commune.name} — {commune.province.name}"


def _ids(values) -> list[int]:
    """The ids among what the modal sent back; anything else is ignored (never a 500)."""
    return [int(value) for value in values if str(value).isdigit() and len(str(value)) < 19]


def _can_set_up_people(user) -> bool:
    # The people who edit accounts or teams; trainers' names and phone numbers are not for
    # every editor who can reach the admin.
    return user.has_perm("trainees.change_user") or user.has_perm("trainees.change_team")


class _SearchForm(BaseFilterForm):
    q = forms.CharField(
        label=pgettext_lazy("search box", "Search"),
        required=False,
        widget=forms.TextInput(
            attrs={"placeholder": pgettext_lazy("search box", "Search"), "autofocus": True}
        ),
    )

    def search(self, objects, query: str):
        raise NotImplementedError

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").replace("\x00", "").strip()
        if query:
            objects = self.search(objects, query)
            self.is_searching = True
            self.search_query = query
        return objects


# --- Communes -----------------------------------------------------------------------------


class CommuneSearchForm(_SearchForm):
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.all(),
        required=False,
        empty_label=_("All provinces"),
    )

    def search(self, objects, query):
        return objects.search(query)

    def filter(self, objects):
        objects = super().filter(objects)
        province = self.cleaned_data.get("province")
        if province is not None:
            objects = objects.filter(province=province)
            self.is_searching = True
        return objects


class _CommuneListing:
    filter_form_class = CommuneSearchForm
    per_page = 20

    def get_object_list(self):
        return Commune.objects.select_related("province").order_by("name_key", "province__name")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("province", label=_("Province"), accessor="province"),
            Column("code", label=_("Official code"), accessor="code"),
        ]


class CommuneChooseView(_CommuneListing, ChooseView):
    pass


class CommuneChooseResultsView(_CommuneListing, ChooseResultsView):
    pass


class _CommuneChosen:
    def get_display_title(self, instance):
        return commune_label(instance)


class CommuneChosenView(_CommuneChosen, ChosenView):
    def get_object(self, pk):
        return Commune.objects.select_related("province").get(pk__in=_ids([pk]))


class CommuneChosenMultipleView(_CommuneChosen, ChosenMultipleView):
    def get_objects(self, pks):
        return Commune.objects.select_related("province").filter(pk__in=_ids(pks))


class CommuneChooserBase(BaseChooser):
    show_edit_link = False

    def get_display_title(self, instance):
        return commune_label(instance)


class CommuneChooserViewSet(ChooserViewSet):
    model = Commune
    icon = "site"
    choose_one_text = _("Choose a commune")
    choose_another_text = _("Choose another commune")
    choose_view_class = CommuneChooseView
    choose_results_view_class = CommuneChooseResultsView
    chosen_view_class = CommuneChosenView
    chosen_multiple_view_class = CommuneChosenMultipleView
    base_widget_class = CommuneChooserBase
    register_widget = False


# --- Trainers -----------------------------------------------------------------------------


class TrainerSearchForm(_SearchForm):
    def search(self, objects, query):
        digits = "".join(ch for ch in query if ch.isdigit())
        condition = Q()
        for word in query.split():
            condition &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
        if len(digits) >= 3:
            # Stored as +84…; people type 09… : match on the digits after the leading 0.
            condition |= Q(phone__contains=digits.lstrip("0"))
        return objects.filter(condition)


class _TrainerListing:
    filter_form_class = TrainerSearchForm
    per_page = 20

    def dispatch(self, request, *args, **kwargs):
        if not _can_set_up_people(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return (
            User.objects.filter(role__in=TEAM_MEMBER_ROLES, is_active=True)
            .prefetch_related("teams")
            .order_by("first_name", "last_name", "pk")
        )

    @property
    def columns(self):
        return [
            self.title_column,
            Column("phone", label=_("Phone number"), accessor="phone"),
            Column("role", label=_("Role"), accessor="get_role_display"),
            Column(
                "teams",
                label=_("Teams"),
                accessor=lambda user: ", ".join(team.name for team in user.teams.all()),
            ),
        ]


class TrainerChooseView(_TrainerListing, ChooseView):
    pass


class TrainerChooseResultsView(_TrainerListing, ChooseResultsView):
    pass


class _TrainerChosen:
    def dispatch(self, request, *args, **kwargs):
        if not _can_set_up_people(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_edit_item_url(self, instance):
        return None


class TrainerChosenView(_TrainerChosen, ChosenView):
    def get_object(self, pk):
        return User.objects.filter(role__in=TEAM_MEMBER_ROLES).get(pk__in=_ids([pk]))


class TrainerChosenMultipleView(_TrainerChosen, ChosenMultipleView):
    def get_objects(self, pks):
        return User.objects.filter(role__in=TEAM_MEMBER_ROLES, pk__in=_ids(pks))


class TrainerChooserBase(BaseChooser):
    show_edit_link = False


class TrainerChooserViewSet(ChooserViewSet):
    model = User
    icon = "user"
    choose_one_text = _("Choose a trainer")
    choose_another_text = _("Choose another trainer")
    page_title = _("Choose trainers")
    choose_view_class = TrainerChooseView
    choose_results_view_class = TrainerChooseResultsView
    chosen_view_class = TrainerChosenView
    chosen_multiple_view_class = TrainerChosenMultipleView
    base_widget_class = TrainerChooserBase
    # Only the Teams admin uses it; other forms that name a user keep their own widgets.
    register_widget = False


# --- Teams ----------------------------------------------------------------------------------


def team_label(team: Team) -> str:
    communes = ", ".join(link.commune.name for link in team.commune_links.all())
    return f"{team.name} ({communes})" if communes else team.name


class TeamSearchForm(_SearchForm):
    def search(self, objects, query):
        key = normalise_name(query)
        return objects.filter(
            Q(name__icontains=query)
            | Q(
                pk__in=TeamCommune.objects.filter(commune__name_key__contains=key).values("team_id")
            )
        )


_COMMUNE_LINKS = Prefetch(
    "commune_links",
    queryset=TeamCommune.objects.select_related("commune__province").order_by("commune__name"),
)


class _TeamListing:
    filter_form_class = TeamSearchForm
    per_page = 20

    def dispatch(self, request, *args, **kwargs):
        if not _can_set_up_people(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return Team.objects.prefetch_related(_COMMUNE_LINKS).order_by("name", "pk")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("kind", label=pgettext_lazy("team", "Kind"), accessor="get_kind_display"),
            Column(
                "communes",
                label=_("Communes"),
                accessor=lambda team: ", ".join(
                    commune_label(link.commune) for link in team.commune_links.all()
                ),
            ),
        ]

    @property
    def title_column(self):
        column = super().title_column
        column.label = pgettext_lazy("team", "Name")
        return column


class TeamChooseView(_TeamListing, ChooseView):
    pass


class TeamChooseResultsView(_TeamListing, ChooseResultsView):
    pass


class _TeamChosen:
    def get_display_title(self, instance):
        return team_label(instance)


class TeamChosenView(_TeamChosen, ChosenView):
    def get_object(self, pk):
        return Team.objects.prefetch_related(_COMMUNE_LINKS).get(pk__in=_ids([pk]))


class TeamChosenMultipleView(_TeamChosen, ChosenMultipleView):
    def get_objects(self, pks):
        return Team.objects.prefetch_related(_COMMUNE_LINKS).filter(pk__in=_ids(pks))


class TeamChooserBase(BaseChooser):
    show_edit_link = False

    def get_display_title(self, instance):
        return team_label(instance)


class TeamChooserViewSet(ChooserViewSet):
    model = Team
    icon = "group"
    choose_one_text = _("Choose a team")
    choose_another_text = _("Choose another team")
    choose_view_class = TeamChooseView
    choose_results_view_class = TeamChooseResultsView
    chosen_view_class = TeamChosenView
    chosen_multiple_view_class = TeamChosenMultipleView
    base_widget_class = TeamChooserBase
    register_widget = False


commune_chooser_viewset = CommuneChooserViewSet("commune_chooser")
trainer_chooser_viewset = TrainerChooserViewSet("trainer_chooser")
team_chooser_viewset = TeamChooserViewSet("team_chooser")

CommuneChooser = commune_chooser_viewset.widget_class
TrainerChooser = trainer_chooser_viewset.widget_class
TeamChooser = team_chooser_viewset.widget_class
