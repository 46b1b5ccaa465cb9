"""Targets, indicators and the summaries that make the coverage dashboard instant.

Definitions of every indicator are in `docs/indicators.md`; the code follows them.

- **Targets** (`Target`): for one commune, one indicator (and topic, for "people trained on
  a topic") and one period — a month, a quarter, a year or a `Campaign`'s dates — a number
  to reach. `CommuneFigures` holds a commune's population and households where known; the
  households count is the denominator of "households reached".
- **Legends** (`Legend`): per indicator, the percentages of the pro-rated target at which a
  commune turns green and yellow (as DHIS2's legend sets); below yellow it is red, and grey
  where no target is set.
- **Summaries** are kept current incrementally by `coverage.services` when trainees or
  certificates change, and never recounted from raw rows on a page view:
  - *person-level*, one row per person and month trained (`PersonMonth`, with a bit per day
    of the month so any date range is exact), per person, topic and month
    (`PersonTopicMonth`), per person and day with certificates or course completions
    (`PersonDay`), each trained person's first-trained date (`PersonSummary`), and one row
    per session (`SessionSummary`). A change recomputes these for the people it touches.
  - *commune-level*, one row per commune and period (week, month, quarter, year, campaign)
    holding every indicator (`CommunePeriodStat`), recounted from the person-level rows for
    the communes and periods a change touched. A period's figure for a province or the
    nation is the sum over its communes: a person counts in exactly one commune.
- **Reports** (`Report`): files made in the background — the weekly report of a province
  (Celery beat) and long exports — with their progress.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from trainees.models import Commune, Person, Province, SessionTopic, TrainingSession, User, Village


class Indicator(models.TextChoices):
    """The indicators, by their machine names (the export's column headings)."""

    PEOPLE_TRAINED = "people_trained", _("People trained")
    NEWLY_TRAINED = "newly_trained", _("Newly trained")
    HOUSEHOLDS_REACHED = "households_reached", _("Households reached")
    PEOPLE_TRAINED_ON_TOPIC = "people_trained_on_topic", _("People trained on a topic")
    CERTIFICATES_ISSUED = "certificates_issued", _("Certificates issued")
    SESSIONS_HELD = "sessions_held", _("Sessions held")
    COURSE_COMPLETIONS = "course_completions", _("Online course completions")


class PeriodKind(models.TextChoices):
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    QUARTER = "quarter", _("quarter")
    YEAR = "year", _("year")
    CAMPAIGN = "campaign", _("campaign")


class Campaign(models.Model):
    """A campaign's dates: targets may be set for them and figures are shown to date."""

    name = models.CharField(pgettext_lazy("campaign", "name"), max_length=150)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="campaign_ends_after_start",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A campaign must end after it starts.")})


class Target(models.Model):
    """A number a commune should reach for one indicator in one period."""

    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, related_name="+", verbose_name=_("commune")
    )
    indicator = models.CharField(_("indicator"), max_length=30, choices=Indicator.choices)
    topic = models.ForeignKey(
        SessionTopic,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
        help_text=_("Only for people trained on a topic."),
    )
    period_kind = models.CharField(
        _("period"),
        max_length=10,
        choices=[c for c in PeriodKind.choices if c[0] != PeriodKind.WEEK],
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("campaign"),
    )
    starts_on = models.DateField(_("period starts on"))
    ends_on = models.DateField(_("period ends on"))
    value = models.PositiveIntegerField(_("target"), validators=[MinValueValidator(1)])
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["commune__name", "indicator", "starts_on"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "indicator", "starts_on", "ends_on"],
                condition=models.Q(topic__isnull=True),
                name="target_once_per_commune_indicator_period",
            ),
            models.UniqueConstraint(
                fields=["commune", "indicator", "topic", "starts_on", "ends_on"],
                condition=models.Q(topic__isnull=False),
                name="target_once_per_commune_topic_period",
            ),
        ]
        indexes = [models.Index(fields=["starts_on", "ends_on", "commune"])]

    def __str__(self):
        return f"{self.commune} · {self.get_indicator_display()} · {self.value}"

    def clean(self):
        from .periods import period_bounds

        errors = {}
        needs_topic = self.indicator == Indicator.PEOPLE_TRAINED_ON_TOPIC
        if needs_topic and not self.topic_id:
            errors["topic"] = _("Choose the topic.")
        if not needs_topic and self.topic_id:
            errors["topic"] = _("A topic goes only with people trained on a topic.")
        if self.period_kind == PeriodKind.CAMPAIGN:
            if not self.campaign_id:
                errors["campaign"] = _("Choose the campaign.")
            else:
                self.starts_on, self.ends_on = self.campaign.starts_on, self.campaign.ends_on
        elif self.period_kind and self.starts_on:
            self.starts_on, self.ends_on = period_bounds(self.period_kind, self.starts_on)
        if errors:
            raise ValidationError(errors)


class Legend(models.Model):
    """When a commune is green or yellow for one indicator (percent of the pro-rated target)."""

    indicator = models.CharField(
        _("indicator"), max_length=30, choices=Indicator.choices, unique=True
    )
    green_from = models.DecimalField(
        _("green from (%)"),
        max_digits=6,
        decimal_places=2,
        default=100,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
    )
    yellow_from = models.DecimalField(
        _("yellow from (%)"),
        max_digits=6,
        decimal_places=2,
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
    )

    class Meta:
        verbose_name = _("legend")
        verbose_name_plural = _("legends")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(yellow_from__lte=models.F("green_from")),
                name="legend_yellow_below_green",
            )
        ]

    def __str__(self):
        return self.get_indicator_display()

    def clean(self):
        if (
            self.yellow_from is not None
            and self.green_from is not None
            and self.yellow_from > self.green_from
        ):
            raise ValidationError({"yellow_from": _("Yellow must start below green.")})


class CommuneFigures(models.Model):
    """What is known of a commune's size: the denominators."""

    commune = models.OneToOneField(
        Commune,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="coverage_figures",
        verbose_name=_("commune"),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    households = models.PositiveIntegerField(_("households"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("commune population and households")
        verbose_name_plural = _("commune populations and households")

    def __str__(self):
        return str(self.commune)


class Boundary(models.Model):
    """A commune's outline from an administrator's GeoJSON, in longitude/latitude."""

    commune = models.OneToOneField(
        Commune,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="coverage_boundary",
        verbose_name=_("commune"),
    )
    # [[[lon, lat], …], …]: the rings of every polygon, simplified on import.
    rings = models.JSONField(_("outline"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("commune boundary")
        verbose_name_plural = _("commune boundaries")

    def __str__(self):
        return str(self.commune)


# --- Summaries (written only by coverage.services) ---------------------------------------

# Summary rows are derived: `coverage.services` writes them from rows that exist, in the same
# transaction, and Django's collector still deletes them with what they point at (`on_delete`
# is enforced in Python). So the database keeps no foreign-key constraint on them: its
# deferred checks ran at COMMIT once per row written, which cost every batch of marks as
# much again as the summaries' own writes. The nightly reconcile is the safety net.
DERIVED = {"db_constraint": False}
# … and no index of its own where a composite index of the table starts with that column.
DERIVED_INDEXED = {"db_constraint": False, "db_index": False}


class PersonSummary(models.Model):
    """One row per person ever trained: where they count and when they were first trained."""

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, primary_key=True, related_name="+", **DERIVED
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, null=True, related_name="+", **DERIVED_INDEXED
    )
    first_trained_on = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["commune", "first_trained_on"])]

    def __str__(self):
        return f"{self.person_id} · {self.first_trained_on}"


class PersonMonth(models.Model):
    """A person trained in a month; bit d-1 of `days` is set for each day d they were."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", **DERIVED_INDEXED
    )
    month = models.DateField()
    days = models.IntegerField()
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, null=True, related_name="+", **DERIVED_INDEXED
    )
    village = models.ForeignKey(
        Village, on_delete=models.SET_NULL, null=True, related_name="+", **DERIVED_INDEXED
    )
    household = models.CharField(max_length=50, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "month"], name="personmonth_once")]
        indexes = [
            models.Index(fields=["commune", "month"]),
            # A household's other members, when a batch of marks changes whether it was
            # reached in a period (the figures are updated by difference).
            models.Index(fields=["village", "household", "month"], name="personmonth_household"),
        ]

    def __str__(self):
        return f"{self.person_id} · {self.month:%Y-%m}"


class PersonTopicMonth(models.Model):
    """A person trained on a topic in a month (days as in PersonMonth)."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", **DERIVED_INDEXED
    )
    topic = models.ForeignKey(SessionTopic, on_delete=models.CASCADE, related_name="+", **DERIVED)
    month = models.DateField()
    days = models.IntegerField()
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, null=True, related_name="+", **DERIVED_INDEXED
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "topic", "month"], name="persontopicmonth_once"
            )
        ]
        indexes = [models.Index(fields=["commune", "month"])]

    def __str__(self):
        return f"{self.person_id} · {self.topic_id} · {self.month:%Y-%m}"


class PersonDay(models.Model):
    """A day on which a person was issued certificates or completed online courses."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", **DERIVED_INDEXED
    )
    day = models.DateField()
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, null=True, related_name="+", **DERIVED_INDEXED
    )
    certificates = models.PositiveIntegerField(default=0)
    completions = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "day"], name="personday_once")]
        indexes = [models.Index(fields=["commune", "day"])]

    def __str__(self):
        return f"{self.person_id} · {self.day}"


class SessionSummary(models.Model):
    """Where and on which day a session counts, and whether it was held."""

    session = models.OneToOneField(
        TrainingSession, on_delete=models.CASCADE, primary_key=True, related_name="+", **DERIVED
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, related_name="+", **DERIVED_INDEXED
    )
    day = models.DateField()
    held = models.BooleanField()

    class Meta:
        indexes = [models.Index(fields=["commune", "day"])]

    def __str__(self):
        return f"{self.session_id} · {self.day}"


class CommunePeriodStat(models.Model):
    """Every indicator of one commune in one period: what the dashboard reads."""

    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    starts_on = models.DateField()
    ends_on = models.DateField()
    people_trained = models.PositiveIntegerField(default=0)
    newly_trained = models.PositiveIntegerField(default=0)
    households_reached = models.PositiveIntegerField(default=0)
    trained_without_household = models.PositiveIntegerField(default=0)
    sessions_held = models.PositiveIntegerField(default=0)
    certificates_issued = models.PositiveIntegerField(default=0)
    course_completions = models.PositiveIntegerField(default=0)
    # {topic id (as text): people trained on it}
    by_topic = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "kind", "starts_on", "ends_on"], name="communeperiodstat_once"
            )
        ]
        indexes = [models.Index(fields=["kind", "starts_on", "ends_on", "commune"])]

    def __str__(self):
        return f"{self.commune_id} · {self.kind} {self.starts_on}"

    @property
    def period(self):
        from .periods import Period

        return Period(self.kind, self.starts_on, self.ends_on)


def report_upload_to(report, filename):
    return f"coverage/reports/{report.uuid.hex}/{filename}"


class Report(models.Model):
    """A file made in the background: a province's weekly report or a long export."""

    class Kind(models.TextChoices):
        WEEKLY = "weekly", _("weekly report")
        EXPORT = "export", _("export")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"
        PDF = "pdf", "PDF"

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        RUNNING = "running", _("being made")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=5, choices=Format.choices)
    province = models.ForeignKey(
        Province, on_delete=models.CASCADE, related_name="+", verbose_name=_("province")
    )
    period_kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    starts_on = models.DateField()
    ends_on = models.DateField()
    # The day targets are pro-rated to: the day the export was asked for, or for a weekly
    # report the Sunday that ends its week.
    as_of = models.DateField()
    # Filters and colouring of the table as it was shown (kind, colour, q, sort, colour_by).
    options = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=report_upload_to, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("coverage report")
        verbose_name_plural = _("coverage reports")
        constraints = [
            # Beat may fire twice (two beats, a retry): one weekly report per province and week.
            models.UniqueConstraint(
                fields=["province", "as_of", "format"],
                condition=models.Q(kind="weekly"),
                name="report_weekly_once",
            )
        ]

    def __str__(self):
        return f"{self.province} · {self.as_of:%Y-%m-%d}"
