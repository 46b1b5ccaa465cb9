from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping is not None else None


@register.simple_tag
def row_link(url_name, code, query_string=""):
    url = reverse(url_name, args=[code])
    return f"{url}?{query_string}" if query_string else url


@register.simple_tag
def with_query(query_string, **changes):
    """The page's query string with some parameters changed (for filter links)."""
    from django.http import QueryDict

    params = QueryDict(query_string, mutable=True)
    for key, value in changes.items():
        if value in ("", None):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode()


def _url_maker(url_name, query_string):
    """code → URL, reversing once (a province has a hundred communes to link)."""
    if not url_name:
        return None
    placeholder = "00000000"
    base = reverse(url_name, args=[placeholder])
    suffix = f"?{query_string}" if query_string else ""
    return lambda code: base.replace(placeholder, code) + suffix


def _row_html(table, row, url_for) -> str:
    """One row of the coverage table. Built in Python: a province's table has thousands of
    cells, and the template engine would spend most of the page's time on them."""
    name = escape(row.name)
    if url_for and row.code:
        name = f'<a href="{escape(url_for(row.code))}">{name}</a>'
    parts = [f'<tr><td>{escape(row.code)}</td><th scope="row">{name}</th>']
    parts.append(f"<td>{escape(row.kind_label)}</td>")
    for column in table.columns:
        cell = row.cells[column.key]
        target = "" if cell.target is None else cell.target
        parts.append(
            f'<td class="num">{cell.value}</td><td class="num">{target}</td>'
            f'<td class="c-{cell.colour}"><span class="symbol" aria-hidden="true">'
            f"{cell.symbol} </span>{escape(cell.colour_label)}</td>"
        )
        if column.key == "households_reached":
            households = "" if row.households is None else row.households
            parts.append(
                f'<td class="num">{households}</td>'
                f'<td class="num">{row.trained_without_household}</td>'
            )
    parts.append("</tr>")
    return "".join(parts)


@register.simple_tag
def coverage_rows(table, row_url="", query_string=""):
    url_for = _url_maker(row_url, query_string)
    return mark_safe(  # noqa: S308 - every value is escaped or a number
        "\n".join(_row_html(table, row, url_for) for row in table.rows)
    )


@register.simple_tag
def coverage_total(table):
    return mark_safe(_row_html(table, table.total, None))  # noqa: S308 - escaped above


@register.simple_tag
def coverage_tiles(table, row_url, query_string="", due_label=""):
    """The grid: one tile per row, coloured by the table's indicator (in Python, as rows)."""
    url_for = _url_maker(row_url, query_string)
    tiles = []
    for row in table.rows:
        cell = row.cells[table.colour_by]
        percent = f" · {cell.percent_display}" if cell.percent is not None else ""
        due = (
            f" / {cell.expected_display} <small>{escape(due_label)}</small>" if cell.target else ""
        )
        tiles.append(
            f'<li class="tile c-{row.colour}"><a href="{escape(url_for(row.code))}">'
            f'<span class="tile-name">{escape(row.name)}</span>'
            f'<span class="tile-status"><span aria-hidden="true">{cell.symbol} </span>'
            f"{escape(cell.colour_label)}{percent}</span>"
            f'<span class="tile-figure">{cell.value}{due}</span></a></li>'
        )
    return mark_safe("\n".join(tiles))  # noqa: S308 - every value is escaped or a number
