"""Importing targets, commune populations and households, and commune boundaries.

Every import reads the whole file first and checks every row; when any row is wrong,
nothing is imported and each error names its row. A good file is applied in one
transaction, replacing what it names (the same commune, indicator and period).

Targets (CSV or XLSX, first row the column names):

    commune_code | province_code | indicator | topic | period | start | campaign | target

- `commune_code`, or `province_code` alone for the same target in every commune of the
  province;
- `indicator`: a machine name (`people_trained`, `newly_trained`, `households_reached`,
  `people_trained_on_topic` with `topic` = a topic's code, `sessions_held`,
  `certificates_issued`, `course_completions`);
- `period`: `month`, `quarter` or `year` with `start` any day in it (YYYY-MM-DD), or
  `campaign` with `campaign` the campaign's name;
- `target`: a whole number above zero.

Population and households: `commune_code | population | households` (either may be empty).

Boundaries: a GeoJSON FeatureCollection of Polygon or MultiPolygon features whose
properties hold the commune's official code as `code` (or `commune_code`).
"""

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trainees.models import Commune, Province, SessionTopic

from .models import Boundary, Campaign, CommuneFigures, Indicator, PeriodKind, Target
from .periods import period_bounds

MAX_ROWS = 50_000
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    message: str

    def __str__(self):
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


class ImportRefused(ValidationError):
    """The file was not imported; `errors` says why, row by row."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__([str(e) for e in errors])


def read_rows(uploaded) -> list[dict[str, str]]:
    """A CSV or XLSX upload as a list of {column: text}; ImportRefused if unreadable."""
    name = (getattr(uploaded, "name", "") or "").lower()
    if uploaded.size > MAX_BYTES:
        raise ImportRefused([RowError(0, _("The file is too large (at most 20 MB)."))])
    data = uploaded.read()
    try:
        if name.endswith(".xlsx"):
            rows = _xlsx_rows(data)
        else:
            text = data.decode("utf-8-sig")
            rows = list(csv.reader(io.StringIO(text)))
    except (UnicodeDecodeError, csv.Error, ValueError, KeyError, OSError) as exc:
        raise ImportRefused(
            [RowError(0, _("The file cannot be read as CSV (UTF-8) or XLSX."))]
        ) from exc
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise ImportRefused([RowError(0, _("The file cannot be read as XLSX."))]) from exc
    if not rows:
        raise ImportRefused([RowError(1, _("The file is empty."))])
    if len(rows) > MAX_ROWS:
        raise ImportRefused([RowError(0, _("Too many rows (at most 50,000)."))])
    header = [str(h or "").strip().lower().replace("\x00", "") for h in rows[0]]
    return [
        {
            header[i]: str(v if v is not None else "").strip().replace("\x00", "")
            for i, v in enumerate(row)
            if i < len(header) and header[i]
        }
        for row in rows[1:]
    ]


def _xlsx_rows(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = []
    for row in book.active.iter_rows(values_only=True):
        rows.append(
            [
                v.date().isoformat()
                if isinstance(v, dt.datetime)
                else v.isoformat()
                if isinstance(v, dt.date)
                else int(v)
                if isinstance(v, float) and v.is_integer()
                else v
                for v in row
            ]
        )
    return [r for r in rows if any(v not in (None, "") for v in r)]


def _positive_int(text: str, row: int, errors, label, allow_empty=False) -> int | None:
    if text == "" and allow_empty:
        return None
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < (0 if allow_empty else 1) or value > 2_000_000_000:
        errors.append(
            RowError(row, _("%(label)s must be a whole number above zero.") % {"label": label})
        )
        return None
    return value


@transaction.atomic
def targets_import(*, rows: list[dict[str, str]]) -> int:
    """Apply a targets file; returns how many targets were set. All rows or none."""
    errors: list[RowError] = []
    communes = dict(Commune.objects.values_list("code", "pk"))
    provinces = dict(Province.objects.values_list("code", "pk"))
    topics = dict(SessionTopic.objects.values_list("code", "pk"))
    campaigns = {c.name.strip().lower(): c for c in Campaign.objects.all()}
    commune_ids_of: dict[int, list[int]] = {}
    planned: dict[tuple, dict] = {}
    for number, values in enumerate(rows, start=2):
        before = len(errors)
        commune_code = values.get("commune_code", "")
        province_code = values.get("province_code", "")
        ids: list[int] = []
        if commune_code:
            if commune_code not in communes and commune_code.zfill(5) in communes:
                commune_code = commune_code.zfill(5)
            if commune_code not in communes:
                errors.append(RowError(number, _("Unknown commune code “%s”.") % commune_code))
            else:
                ids = [communes[commune_code]]
        elif province_code:
            if province_code not in provinces and province_code.zfill(2) in provinces:
                province_code = province_code.zfill(2)
            if province_code not in provinces:
                errors.append(RowError(number, _("Unknown province code “%s”.") % province_code))
            else:
                pid = provinces[province_code]
                if pid not in commune_ids_of:
                    commune_ids_of[pid] = list(
                        Commune.objects.filter(province_id=pid).values_list("pk", flat=True)
                    )
                ids = commune_ids_of[pid]
        else:
            errors.append(RowError(number, _("Give a commune_code or a province_code.")))
        indicator = values.get("indicator", "")
        if indicator not in Indicator.values:
            errors.append(RowError(number, _("Unknown indicator “%s”.") % indicator))
        topic_code = values.get("topic", "")
        topic_id = None
        if indicator == Indicator.PEOPLE_TRAINED_ON_TOPIC:
            topic_id = topics.get(topic_code)
            if topic_id is None:
                errors.append(RowError(number, _("Unknown topic “%s”.") % topic_code))
        elif topic_code:
            errors.append(RowError(number, _("A topic goes only with people_trained_on_topic.")))
        kind = values.get("period", "")
        campaign = None
        bounds = None
        if kind == PeriodKind.CAMPAIGN:
            campaign = campaigns.get(values.get("campaign", "").strip().lower())
            if campaign is None:
                errors.append(
                    RowError(number, _("Unknown campaign “%s”.") % values.get("campaign", ""))
                )
            else:
                bounds = (campaign.starts_on, campaign.ends_on)
        elif kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
            try:
                bounds = period_bounds(kind, dt.date.fromisoformat(values.get("start", "")))
            except ValueError:
                errors.append(RowError(number, _("The start must be a date (YYYY-MM-DD).")))
        else:
            errors.append(
                RowError(number, _("The period must be month, quarter, year or campaign."))
            )
        value = _positive_int(values.get("target", ""), number, errors, _("The target"))
        if len(errors) > before:
            continue
        for commune_id in ids:
            planned[commune_id, indicator, topic_id, *bounds] = {
                "period_kind": kind,
                "campaign": campaign,
                "value": value,
            }
    if errors:
        raise ImportRefused(errors)
    for (commune_id, indicator, topic_id, start, end), fields in planned.items():
        Target.objects.update_or_create(
            commune_id=commune_id,
            indicator=indicator,
            topic_id=topic_id,
            starts_on=start,
            ends_on=end,
            defaults=fields,
        )
    return len(planned)


@transaction.atomic
def commune_figures_import(*, rows: list[dict[str, str]]) -> int:
    """Apply a population and households file. All rows or none."""
    errors: list[RowError] = []
    communes = dict(Commune.objects.values_list("code", "pk"))
    planned = {}
    for number, values in enumerate(rows, start=2):
        before = len(errors)
        code = values.get("commune_code", "")
        if code not in communes and code.zfill(5) in communes:
            code = code.zfill(5)
        if code not in communes:
            errors.append(RowError(number, _("Unknown commune code “%s”.") % code))
        population = _positive_int(
            values.get("population", ""), number, errors, _("The population"), allow_empty=True
        )
        households = _positive_int(
            values.get("households", ""), number, errors, _("The households"), allow_empty=True
        )
        if len(errors) == before:
            planned[communes[code]] = {"population": population, "households": households}
    if errors:
        raise ImportRefused(errors)
    for commune_id, fields in planned.items():
        CommuneFigures.objects.update_or_create(commune_id=commune_id, defaults=fields)
    return len(planned)


def _simplify(ring: list, limit: int = 400) -> list:
    """Rounded to ~10 m and thinned to at most `limit` points: enough for a tile map."""
    points = []
    for pt in ring:
        p = [round(float(pt[0]), 4), round(float(pt[1]), 4)]
        if not points or points[-1] != p:
            points.append(p)
    step = max(1, len(points) // limit)
    thinned = points[::step]
    if thinned[-1] != points[-1]:
        thinned.append(points[-1])
    return thinned


@transaction.atomic
def boundaries_import(*, data: bytes) -> int:
    """Apply a GeoJSON FeatureCollection of commune outlines. All features or none."""
    try:
        collection = json.loads(data.decode("utf-8-sig"))
        features = collection["features"]
        if not isinstance(features, list):
            raise TypeError
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ImportRefused(
            [RowError(0, _("The file is not a GeoJSON FeatureCollection."))]
        ) from exc
    communes = dict(Commune.objects.values_list("code", "pk"))
    errors, planned = [], {}
    for number, feature in enumerate(features, start=1):
        try:
            props = feature.get("properties") or {}
            code = str(props.get("code") or props.get("commune_code") or "").zfill(5)
            geometry = feature["geometry"]
            if geometry["type"] == "Polygon":
                polygons = [geometry["coordinates"]]
            elif geometry["type"] == "MultiPolygon":
                polygons = geometry["coordinates"]
            else:
                raise ValueError
            rings = [_simplify(ring) for polygon in polygons for ring in polygon if ring]
            if not rings:
                raise ValueError
        except (AttributeError, KeyError, TypeError, ValueError, IndexError):
            errors.append(RowError(number, _("Feature %s is not a polygon.") % number))
            continue
        if code not in communes:
            errors.append(RowError(number, _("Unknown commune code “%s”.") % code))
            continue
        planned[communes[code]] = rings
    if errors:
        raise ImportRefused(errors)
    for commune_id, rings in planned.items():
        Boundary.objects.update_or_create(commune_id=commune_id, defaults={"rings": rings})
    return len(planned)
