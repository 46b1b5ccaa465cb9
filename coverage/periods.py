"""Periods (week, month, quarter, year, campaign, any dates), pro-rating and colours.

Pure functions of dates and numbers, so the rules at the edges are easy to test.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import PeriodKind


@dataclass(frozen=True, order=True)
class Period:
    kind: str
    start: dt.date
    end: dt.date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.MONTH:
            return _("%(month)s/%(year)s") % {"month": self.start.month, "year": self.start.year}
        if self.kind == PeriodKind.QUARTER:
            return _("Quarter %(q)s/%(year)s") % {
                "q": (self.start.month - 1) // 3 + 1,
                "year": self.start.year,
            }
        if self.kind == PeriodKind.YEAR:
            return str(self.start.year)
        return _("%(start)s – %(end)s") % {
            "start": formats.date_format(self.start, "SHORT_DATE_FORMAT"),
            "end": formats.date_format(self.end, "SHORT_DATE_FORMAT"),
        }


def month_end(day: dt.date) -> dt.date:
    nxt = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def period_bounds(kind: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The week, month, quarter or year that contains `day`."""
    if kind == PeriodKind.WEEK:
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if kind == PeriodKind.MONTH:
        return day.replace(day=1), month_end(day)
    if kind == PeriodKind.QUARTER:
        start = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return start, month_end(dt.date(day.year, start.month + 2, 1))
    if kind == PeriodKind.YEAR:
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    raise ValueError(kind)


def period_of(kind: str, day: dt.date) -> Period:
    return Period(kind, *period_bounds(kind, day))


CALENDAR_KINDS = (PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR)


def periods_containing(day: dt.date, campaigns=()) -> list[Period]:
    """Every summarised period a day falls in: its week, month, quarter, year, campaigns."""
    periods = [period_of(kind, day) for kind in CALENDAR_KINDS]
    periods += [
        Period(PeriodKind.CAMPAIGN, c.starts_on, c.ends_on)
        for c in campaigns
        if c.starts_on <= day <= c.ends_on
    ]
    return periods


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of every month that overlaps [start, end]."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def day_mask(month: dt.date, start: dt.date, end: dt.date) -> int:
    """Bits of the days of `month` that fall within [start, end] (bit d-1 for day d)."""
    first = max(start, month)
    last = min(end, month_end(month))
    if first > last:
        return 0
    return ((1 << (last.day - first.day + 1)) - 1) << (first.day - 1)


def expected_fraction(period: Period, today: dt.date) -> Decimal:
    """How much of a period's target should be reached by the end of `today`.

    A target is spread evenly over the period's days: on the first day 1/n of it is due,
    on the last day (and after) all of it; before the period starts, nothing.
    """
    if today < period.start:
        return Decimal(0)
    elapsed = min(today, period.end) - period.start
    return Decimal(elapsed.days + 1) / Decimal(period.days)


class Colour:
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"
    ALL = (GREEN, YELLOW, RED, GREY)

    LABELS = {
        GREEN: gettext_lazy("on track"),
        YELLOW: gettext_lazy("behind"),
        RED: gettext_lazy("far behind"),
        GREY: gettext_lazy("no target"),
    }
    # A shape beside the colour, for colour-blind readers and black-and-white print.
    SYMBOLS = {GREEN: "●", YELLOW: "◐", RED: "○", GREY: "–"}


DEFAULT_GREEN_FROM = Decimal(100)
DEFAULT_YELLOW_FROM = Decimal(50)


def percent_of_target(value: int, target: int | None, fraction: Decimal) -> Decimal | None:
    """`value` as a percentage of the target pro-rated by `fraction`; None when there is none."""
    if not target or fraction <= 0:
        return None
    return Decimal(value) * 100 / (Decimal(target) * fraction)


def colour_for(
    percent: Decimal | None,
    green_from: Decimal = DEFAULT_GREEN_FROM,
    yellow_from: Decimal = DEFAULT_YELLOW_FROM,
) -> str:
    """Green at or above `green_from` percent, yellow at or above `yellow_from`, else red."""
    if percent is None:
        return Colour.GREY
    if percent >= green_from:
        return Colour.GREEN
    if percent >= yellow_from:
        return Colour.YELLOW
    return Colour.RED
