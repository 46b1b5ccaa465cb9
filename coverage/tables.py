"""The coverage table: one row per commune (or province) with each indicator's value, target
and colour — what the dashboard shows and what every export writes, built in one place so
that the CSV, the XLSX, the PDF and the page always agree.

A figure's colour compares it with its target pro-rated to today (`periods.expected_fraction`)
using the indicator's legend (`Legend`, default green from 100 %, yellow from 50 %); grey
when there is no target. Totals add the communes' figures up (a person counts in exactly
one commune) and colour the sum of the figures of communes with a target against the sum of
their pro-rated targets.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from trainees.models import Commune, SessionTopic, normalise_name

from .models import CommuneFigures, Indicator, Legend, Target
from .periods import (
    DEFAULT_GREEN_FROM,
    DEFAULT_YELLOW_FROM,
    Colour,
    Period,
    colour_for,
    expected_fraction,
    percent_of_target,
)
from .services import indicators_for


@dataclass(frozen=True)
class Column:
    """One indicator column of the table: its machine name, heading and where it comes from."""

    key: str  # machine name: the CLI export's heading, e.g. people_trained_vneid
    heading: str
    indicator: str
    topic_id: int | None = None

    def value(self, figures: dict) -> int:
        if self.topic_id is not None:
            return figures["by_topic"].get(self.topic_id, 0)
        return figures[self.indicator]


@dataclass
class Cell:
    value: int
    target: int | None = None
    expected: Decimal | None = None
    percent: Decimal | None = None
    colour: str = Colour.GREY
    # The colour in words, in the request's language (set when the table is built: looking
    # a translation up for each of thousands of cells is most of a page's time).
    colour_label: str = ""

    @property
    def symbol(self) -> str:
        return Colour.SYMBOLS[self.colour]

    @property
    def percent_display(self) -> str:
        return "" if self.percent is None else f"{self.percent:.0f}%"

    @property
    def expected_display(self) -> str:
        return "" if self.expected is None else f"{self.expected:.0f}"


@dataclass
class Row:
    pk: int
    code: str
    name: str
    kind: str
    kind_label: str
    cells: dict[str, Cell]
    households: int | None = None
    population: int | None = None
    trained_without_household: int = 0
    colour: str = Colour.GREY  # of the indicator the grid is coloured by
    key: str = ""  # accent-free name, for filtering
    province_id: int | None = None


@dataclass
class Table:
    period: Period
    today: dt.date
    columns: list[Column]
    rows: list[Row]
    colour_by: str
    total: Row | None = None
    legends: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # rows per colour, before filters

    @property
    def colour_column(self) -> Column:
        return next(c for c in self.columns if c.key == self.colour_by)

    @property
    def legend(self) -> tuple[Decimal, Decimal]:
        return self.legends.get(
            self.colour_column.indicator, (DEFAULT_GREEN_FROM, DEFAULT_YELLOW_FROM)
        )


def columns_for(topics=None) -> list[Column]:
    topics = topics if topics is not None else list(SessionTopic.objects.filter(active=True))
    columns = [
        Column("people_trained", _("People trained"), Indicator.PEOPLE_TRAINED),
        Column("newly_trained", _("Newly trained"), Indicator.NEWLY_TRAINED),
        Column("households_reached", _("Households reached"), Indicator.HOUSEHOLDS_REACHED),
    ]
    columns += [
        Column(
            f"people_trained_{t.code}",
            _("Trained on %(topic)s") % {"topic": t.label},
            Indicator.PEOPLE_TRAINED_ON_TOPIC,
            t.pk,
        )
        for t in topics
    ]
    columns += [
        Column("sessions_held", _("Sessions held"), Indicator.SESSIONS_HELD),
        Column("certificates_issued", _("Certificates issued"), Indicator.CERTIFICATES_ISSUED),
        Column("course_completions", _("Online course completions"), Indicator.COURSE_COMPLETIONS),
    ]
    return columns


SORTS = {"code", "name", "value", "percent"}
KIND_LABELS = dict(Commune.Kind.choices)


def _legends() -> dict[str, tuple[Decimal, Decimal]]:
    return {
        legend.indicator: (legend.green_from, legend.yellow_from) for legend in Legend.objects.all()
    }


def _cell(value, target, fraction, legend, labels) -> Cell:
    percent = percent_of_target(value, target, fraction)
    colour = colour_for(percent, *legend)
    return Cell(
        value=value,
        target=target,
        expected=None if not target else Decimal(target) * fraction,
        percent=percent,
        colour=colour,
        colour_label=labels[colour],
    )


def colour_labels() -> dict[str, str]:
    return {colour: str(label) for colour, label in Colour.LABELS.items()}


def commune_table(
    *,
    communes,
    period: Period,
    today: dt.date,
    colour_by: str = "people_trained",
    kind: str = "",
    colour: str = "",
    query: str = "",
    sort: str = "name",
    descending: bool = False,
    columns: list[Column] | None = None,
) -> Table:
    """The table of these communes for a period, filtered and sorted as the page asks."""
    communes = list(communes.values_list("pk", "code", "name", "kind", "province_id"))
    ids = [c[0] for c in communes]
    columns = columns if columns is not None else columns_for()
    by_key = {c.key: c for c in columns}
    colour_by = colour_by if colour_by in by_key else "people_trained"
    figures = indicators_for(ids, period)
    fraction = expected_fraction(period, today)
    legends = _legends()
    targets: dict[tuple[int, str, int | None], int] = {
        (commune_id, indicator, topic_id): value
        for commune_id, indicator, topic_id, value in Target.objects.filter(
            commune_id__in=ids, starts_on=period.start, ends_on=period.end
        ).values_list("commune_id", "indicator", "topic_id", "value")
    }
    sizes = {
        f.commune_id: f
        for f in CommuneFigures.objects.filter(commune_id__in=ids).only(
            "commune_id", "population", "households"
        )
    }
    labels = colour_labels()
    kind_labels = {k: str(v) for k, v in KIND_LABELS.items()}
    rows = []
    for pk, code, name, commune_kind, province_id in communes:
        cells = {}
        for column in columns:
            legend = legends.get(column.indicator, (DEFAULT_GREEN_FROM, DEFAULT_YELLOW_FROM))
            target = targets.get((pk, column.indicator, column.topic_id))
            cells[column.key] = _cell(column.value(figures[pk]), target, fraction, legend, labels)
        size = sizes.get(pk)
        rows.append(
            Row(
                pk=pk,
                code=code,
                name=name,
                kind=commune_kind,
                kind_label=kind_labels.get(commune_kind, commune_kind),
                cells=cells,
                households=size.households if size else None,
                population=size.population if size else None,
                trained_without_household=figures[pk]["trained_without_household"],
                colour=cells[colour_by].colour,
                key=normalise_name(name),
                province_id=province_id,
            )
        )
    counts = {c: 0 for c in Colour.ALL}
    for row in rows:
        counts[row.colour] += 1
    if kind:
        rows = [r for r in rows if r.kind == kind]
    if colour in Colour.ALL:
        rows = [r for r in rows if r.colour == colour]
    if query:
        key = normalise_name(query)
        rows = [r for r in rows if key in r.key]
    rows.sort(key=_sorter(sort, colour_by), reverse=descending)
    table = Table(period, today, columns, rows, colour_by, legends=legends, counts=counts)
    table.total = total_row(table, fraction)
    return table


def _sorter(sort: str, colour_by: str):
    if sort == "code":
        return lambda r: r.code
    if sort == "value":
        return lambda r: (r.cells[colour_by].value, r.key)
    if sort == "percent":
        return lambda r: (
            r.cells[colour_by].percent is not None,
            r.cells[colour_by].percent or 0,
            r.key,
        )
    return lambda r: (r.key, r.code)


def total_row(table: Table, fraction: Decimal, name: str = "") -> Row:
    labels = colour_labels()
    cells = {}
    for column in table.columns:
        legend = table.legends.get(column.indicator, (DEFAULT_GREEN_FROM, DEFAULT_YELLOW_FROM))
        value = sum(r.cells[column.key].value for r in table.rows)
        with_target = [r.cells[column.key] for r in table.rows if r.cells[column.key].target]
        target = sum(c.target for c in with_target) or None
        cell = _cell(sum(c.value for c in with_target), target, fraction, legend, labels)
        cell.value = value
        cells[column.key] = cell
    households = [r.households for r in table.rows if r.households is not None]
    return Row(
        pk=0,
        code="",
        name=name or pgettext("coverage", "Total"),
        kind="",
        kind_label="",
        cells=cells,
        households=sum(households) if households else None,
        trained_without_household=sum(r.trained_without_household for r in table.rows),
        colour=cells[table.colour_by].colour,
    )


# --- Writing the table -----------------------------------------------------------------------


def export_headings(table: Table, machine: bool) -> list[str]:
    """Machine names (`people_trained`, `people_trained_target` …) or the page's headings."""
    if machine:
        head = ["code", "name", "kind"]
        for column in table.columns:
            head += [column.key, f"{column.key}_target", f"{column.key}_colour"]
            if column.key == "households_reached":
                head += ["households", "trained_without_household"]
        return head
    head = [_("Official code"), pgettext("coverage", "Name"), pgettext("coverage", "Kind")]
    for column in table.columns:
        head += [column.heading, pgettext("coverage", "Target"), pgettext("coverage", "Colour")]
        if column.key == "households_reached":
            head += [_("Households"), _("Trained, no household recorded")]
    return head


def export_rows(table: Table, machine: bool) -> list[list]:
    """One list per commune, in the table's order; the page's export ends with the total,
    the machine export (for scripts) has communes only."""
    lines = []
    for row in table.rows if machine else [*table.rows, table.total]:
        line = [row.code, row.name, row.kind if machine else row.kind_label]
        for column in table.columns:
            cell = row.cells[column.key]
            line += [
                cell.value,
                "" if cell.target is None else cell.target,
                cell.colour if machine else cell.colour_label,
            ]
            if column.key == "households_reached":
                line += ["" if row.households is None else row.households]
                line += [row.trained_without_household]
        lines.append(line)
    return lines


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    # OWASP's advice against formula injection: text that a spreadsheet would evaluate is
    # prefixed with an apostrophe (names here are official, but stay careful).
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def table_csv(table: Table, machine: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(export_headings(table, machine))
    for line in export_rows(table, machine):
        writer.writerow([_safe(v) for v in line])
    # A BOM so that Excel opens Vietnamese text as UTF-8; scripts get plain UTF-8.
    return (("" if machine else "\ufeff") + out.getvalue()).encode("utf-8")


def table_xlsx(table: Table, machine: bool = False, title: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    book = Workbook()
    sheet = book.active
    sheet.title = (title or "coverage")[:31]
    sheet.append(export_headings(table, machine))
    for line in export_rows(table, machine):
        sheet.append(line)
    # Every text is a string cell, never a formula.
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = TYPE_STRING
    sheet.freeze_panes = "C2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
