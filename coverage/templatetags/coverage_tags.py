from django import template
from django.urls import reverse

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
