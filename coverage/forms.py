"""Forms of the dashboard (what to show) and of the imports."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from trainees.models import Commune, SessionTopic

from .models import Campaign, PeriodKind
from .periods import Colour, Period, period_of
from .tables import SORTS, columns_for

PERIOD_CHOICES = [
    (PeriodKind.MONTH, _("Month")),
    (PeriodKind.QUARTER, _("Quarter")),
    (PeriodKind.YEAR, _("Year")),
    (PeriodKind.CAMPAIGN, _("Campaign to date")),
]
SORT_CHOICES = [
    ("name", pgettext_lazy("coverage", "Name")),
    ("code", _("Official code")),
    ("value", _("Figure")),
    ("percent", _("Percent of target")),
]


class DashboardForm(forms.Form):
    """What the coordinator chose to see. Anything unreadable falls back to the default."""

    period = forms.ChoiceField(
        label=pgettext_lazy("coverage", "Period"), choices=PERIOD_CHOICES, required=False
    )
    at = forms.DateField(
        label=_("Containing the day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    campaign = forms.ModelChoiceField(
        label=_("Campaign"), queryset=Campaign.objects.all(), required=False
    )
    colour_by = forms.ChoiceField(label=_("Colour by"), required=False)
    kind = forms.ChoiceField(
        label=pgettext_lazy("coverage", "Kind"),
        choices=[("", _("All kinds")), *Commune.Kind.choices],
        required=False,
    )
    colour = forms.ChoiceField(
        label=pgettext_lazy("coverage", "Colour"),
        choices=[("", _("All colours")), *[(c, Colour.LABELS[c]) for c in Colour.ALL]],
        required=False,
    )
    q = forms.CharField(label=pgettext_lazy("coverage", "Name"), required=False, max_length=100)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    desc = forms.BooleanField(label=_("Largest first"), required=False)

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)
        # Read once per page, for the choices, the default campaign and the table's columns
        # (a ModelChoiceField would query again to draw its options, through a cursor).
        self.topics = list(SessionTopic.objects.filter(active=True))
        self.campaigns = list(Campaign.objects.all())
        self.columns = columns_for(self.topics)
        self.fields["colour_by"].choices = [(c.key, c.heading) for c in self.columns]
        self.fields["campaign"].choices = [
            ("", self.fields["campaign"].empty_label),
            *((c.pk, str(c)) for c in self.campaigns),
        ]

    def options(self, today: dt.date) -> dict:
        """The cleaned choices, with the default for anything missing or invalid."""
        self.is_valid()
        data = {name: self.cleaned_data.get(name) for name in self.fields}
        for name in self.errors:
            data[name] = None
        kind = data["period"] or ""
        campaign = data["campaign"]
        if kind == PeriodKind.CAMPAIGN or (not kind and campaign):
            campaign = campaign or current_campaign(today, self.campaigns)
        if not kind:
            kind = PeriodKind.CAMPAIGN if campaign else PeriodKind.MONTH
        if kind == PeriodKind.CAMPAIGN and campaign is None:
            kind = PeriodKind.MONTH
        if kind == PeriodKind.CAMPAIGN:
            period = Period(PeriodKind.CAMPAIGN, campaign.starts_on, campaign.ends_on)
        else:
            period = period_of(kind, data["at"] or today)
        return {
            "period": period,
            "campaign": campaign if kind == PeriodKind.CAMPAIGN else None,
            "colour_by": data["colour_by"] or "people_trained",
            "kind": data["kind"] or "",
            "colour": data["colour"] or "",
            "query": (data["q"] or "").replace("\x00", ""),
            "sort": data["sort"] if data["sort"] in SORTS else "name",
            "descending": bool(data["desc"]),
        }


def current_campaign(today=None, campaigns=None):
    """The campaign running today, else the last one started, else the first (in the
    campaigns' order, newest first)."""
    today = today or timezone.localdate()
    campaigns = campaigns if campaigns is not None else list(Campaign.objects.all())
    return (
        next((c for c in campaigns if c.starts_on <= today <= c.ends_on), None)
        or next((c for c in campaigns if c.starts_on <= today), None)
        or next(iter(campaigns), None)
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("The first row holds the column names."),
    )
