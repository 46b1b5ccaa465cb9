"""Server-rendered SVG: the weekly chart and the commune map. No script, prints as is."""

import datetime as dt
import math

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .periods import Colour


def weekly_chart(weeks: list[tuple[dt.date, int]], title: str) -> str:
    """A bar chart of people trained per week; the numbers are also in the bar titles."""
    width, height, left, bottom, top = 640, 220, 44, 36, 16
    plot_w, plot_h = width - left - 8, height - bottom - top
    top_value = max([n for _w, n in weeks] + [1])
    # A round axis maximum: 1, 2 or 5 times a power of ten.
    magnitude = 10 ** int(math.log10(top_value))
    axis_max = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= top_value)
    bar_w = plot_w / max(len(weeks), 1)
    parts = [
        format_html(
            '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="chart-title" '
            'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">'
            '<title id="chart-title">{}</title>',
            width,
            height,
            title,
        ),
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>',
            left,
            top + plot_h,
            width - 8,
            top + plot_h,
        ),
        format_html(
            '<text x="{}" y="{}" class="tick" text-anchor="end">{}</text>'
            '<text x="{}" y="{}" class="tick" text-anchor="end">0</text>',
            left - 6,
            top + 10,
            axis_max,
            left - 6,
            top + plot_h,
        ),
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" class="grid"/>',
            left,
            top,
            width - 8,
            top,
        ),
    ]
    label_every = max(1, math.ceil(len(weeks) / 8))
    for i, (week, n) in enumerate(weeks):
        h = plot_h * n / axis_max
        x = left + i * bar_w
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" class="bar"><title>{}</title></rect>',
                f"{x + bar_w * 0.15:.1f}",
                f"{top + plot_h - h:.1f}",
                f"{bar_w * 0.7:.1f}",
                f"{h:.1f}",
                _("Week of %(day)s: %(n)s people trained")
                % {"day": week.strftime("%d/%m/%Y"), "n": n},
            )
        )
        if i % label_every == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" class="tick" text-anchor="middle">{}</text>',
                    f"{x + bar_w / 2:.1f}",
                    height - bottom + 16,
                    week.strftime("%d/%m"),
                )
            )
    parts.append(mark_safe("</svg>"))  # noqa: S308 - a constant
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def commune_map(boundaries: dict[int, list], rows: list, url_for) -> str:
    """Communes drawn from their imported outlines, filled with their tile's colour.

    `boundaries` maps commune id → rings of [lon, lat]; `rows` are the table's rows (for
    colour and name). Fill patterns repeat the colour's meaning for print.
    """
    points = [pt for rings in boundaries.values() for ring in rings for pt in ring]
    if not points:
        return ""
    min_x = min(p[0] for p in points)
    max_x = max(p[0] for p in points)
    min_y = min(p[1] for p in points)
    max_y = max(p[1] for p in points)
    # Longitude degrees shrink with latitude: scale x so the map is not stretched.
    mid_lat = math.radians((min_y + max_y) / 2)
    span_x = max((max_x - min_x) * math.cos(mid_lat), 1e-9)
    span_y = max(max_y - min_y, 1e-9)
    width = 600
    height = max(int(width * span_y / span_x), 100)

    def xy(pt):
        x = (pt[0] - min_x) * math.cos(mid_lat) / span_x * (width - 4) + 2
        y = (max_y - pt[1]) / span_y * (height - 4) + 2
        return f"{x:.1f},{y:.1f}"

    parts = [
        format_html(
            '<svg class="map" viewBox="0 0 {} {}" role="img" aria-labelledby="map-title" '
            'xmlns="http://www.w3.org/2000/svg"><title id="map-title">{}</title>{}',
            width,
            height,
            _("Map of the communes, coloured as the tiles"),
            mark_safe(PATTERNS),  # noqa: S308 - a constant
        )
    ]
    for row in rows:
        rings = boundaries.get(row.pk)
        if not rings:
            continue
        d = " ".join("M" + " L".join(xy(pt) for pt in ring) + " Z" for ring in rings if ring)
        parts.append(
            format_html(
                '<a href="{}"><path d="{}" class="area {}" fill-rule="evenodd">'
                "<title>{} · {}</title></path></a>",
                url_for(row),
                d,
                row.colour,
                row.name,
                Colour.LABELS[row.colour],
            )
        )
    parts.append(mark_safe("</svg>"))  # noqa: S308 - a constant
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


# Hatching for each colour, so the map reads in black and white too.
PATTERNS = (
    "<defs>"
    '<pattern id="p-yellow" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f9d65c"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#5c4500" stroke-width="1.5"/></pattern>'
    '<pattern id="p-red" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#e57373"/>'
    '<circle cx="3" cy="3" r="1.4" fill="#4a0000"/></pattern>'
    '<pattern id="p-grey" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#e0e0e0"/></pattern>'
    "</defs>"
)
