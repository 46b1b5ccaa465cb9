"""Colours at the exact edges of the thresholds, and pro-rating on a period's first and last
day (docs/indicators.md, "Targets and colours")."""

import datetime as dt
from decimal import Decimal

import pytest

from coverage.models import PeriodKind
from coverage.periods import (
    Colour,
    Period,
    colour_for,
    day_mask,
    expected_fraction,
    percent_of_target,
    period_bounds,
    period_of,
)


@pytest.mark.parametrize(
    ("percent", "colour"),
    [
        (Decimal("100"), Colour.GREEN),
        (Decimal("99.99"), Colour.YELLOW),
        (Decimal("50"), Colour.YELLOW),
        (Decimal("49.99"), Colour.RED),
        (Decimal("0"), Colour.RED),
        (None, Colour.GREY),
    ],
)
def test_default_thresholds_at_their_edges(percent, colour):
    assert colour_for(percent) == colour


def test_configured_thresholds_at_their_edges():
    assert colour_for(Decimal(80), Decimal(80), Decimal(30)) == Colour.GREEN
    assert colour_for(Decimal("79.9"), Decimal(80), Decimal(30)) == Colour.YELLOW
    assert colour_for(Decimal(30), Decimal(80), Decimal(30)) == Colour.YELLOW
    assert colour_for(Decimal("29.9"), Decimal(80), Decimal(30)) == Colour.RED


def test_exact_edge_through_pro_rating_has_no_rounding_error():
    # 30 days, day 10: a third of 90 is due, 30 trained is exactly 100 %.
    april = period_of(PeriodKind.MONTH, dt.date(2026, 4, 1))
    fraction = expected_fraction(april, dt.date(2026, 4, 10))
    assert colour_for(percent_of_target(30, 90, fraction)) == Colour.GREEN
    assert colour_for(percent_of_target(29, 90, fraction)) == Colour.YELLOW
    assert colour_for(percent_of_target(15, 90, fraction)) == Colour.YELLOW
    assert colour_for(percent_of_target(14, 90, fraction)) == Colour.RED


def test_pro_rating_on_the_first_and_last_day_of_a_period():
    march = period_of(PeriodKind.MONTH, dt.date(2026, 3, 15))
    assert (march.start, march.end) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert expected_fraction(march, dt.date(2026, 3, 1)) == Decimal(1) / 31
    assert expected_fraction(march, dt.date(2026, 3, 31)) == 1
    assert expected_fraction(march, dt.date(2026, 4, 20)) == 1
    assert expected_fraction(march, dt.date(2026, 2, 28)) == 0
    # On the first day, 1/31 of a 31-person target is due: one person trained is on track.
    first_day = expected_fraction(march, dt.date(2026, 3, 1))
    assert colour_for(percent_of_target(1, 31, first_day)) == Colour.GREEN
    assert colour_for(percent_of_target(0, 31, first_day)) == Colour.RED
    # On the last day the whole target is due.
    last_day = expected_fraction(march, dt.date(2026, 3, 31))
    assert colour_for(percent_of_target(30, 31, last_day)) == Colour.YELLOW
    # Before the period starts nothing is due: no colour yet.
    assert colour_for(percent_of_target(0, 31, Decimal(0))) == Colour.GREY


def test_quarter_year_and_leap_february():
    assert period_bounds(PeriodKind.QUARTER, dt.date(2028, 2, 29)) == (
        dt.date(2028, 1, 1),
        dt.date(2028, 3, 31),
    )
    q = Period(PeriodKind.QUARTER, dt.date(2028, 1, 1), dt.date(2028, 3, 31))
    assert q.days == 91
    assert expected_fraction(q, dt.date(2028, 1, 1)) == Decimal(1) / 91
    assert period_bounds(PeriodKind.YEAR, dt.date(2026, 7, 1)) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
    )
    assert period_bounds(PeriodKind.WEEK, dt.date(2026, 12, 5)) == (
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 6),
    )


def test_day_masks_cover_exactly_the_days_in_range():
    month = dt.date(2026, 1, 1)
    assert day_mask(month, dt.date(2026, 1, 1), dt.date(2026, 1, 31)) == (1 << 31) - 1
    assert day_mask(month, dt.date(2026, 1, 3), dt.date(2026, 1, 3)) == 0b100
    assert day_mask(month, dt.date(2025, 12, 1), dt.date(2026, 1, 2)) == 0b11
    assert day_mask(month, dt.date(2026, 2, 1), dt.date(2026, 2, 5)) == 0
