"""What the API says when a request does not fit an operation, in the user's words.

django-ninja answers a path, query or body that does not fit the operation's types with 422
and pydantic's errors: `{"detail": [{"type", "loc", "msg", "ctx"}, …]}`, the `msg` in English
("Input should be 'present', 'absent' or 'excused'"). A trainer's phone shows the `msg` of a
refused record (cms/static/cms/offline.js), so here each error keeps its `type` and `loc`
(what a program reads, as the OpenAPI schema documents) and gets a `msg` in the language of
the request that names the field the way the page does ("Mark 2 › status: must be one of:
present, absent, excused."). The field names come from the routers that own them
(`FIELD_LABELS` beside each API's schemas); a field nobody named keeps its own name.

The language is the one the site's pages use for the request (LocaleMiddleware: the language
cookie the pages set, else Accept-Language), or the `lang` the call names, as `/api/me/` does.
"""

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# What pydantic found wrong, by its error type (https://docs.pydantic.dev/latest/errors/
# validation_errors/); the placeholders are the error's `ctx`. Several types say one thing.
_NOT_A_NUMBER = gettext_lazy("must be a whole number.")
_NOT_A_TIME = gettext_lazy("must be a date and time, such as 2026-11-20T08:00:00+07:00.")
_NOT_AN_ID = gettext_lazy("must be an identifier made by the phone (a UUID).")
_NOT_AN_OBJECT = gettext_lazy("must be a group of named values (a JSON object).")
PROBLEMS = {
    "missing": gettext_lazy("is required."),
    "string_type": gettext_lazy("must be text."),
    "string_unicode": gettext_lazy("must be text."),
    "int_type": _NOT_A_NUMBER,
    "int_parsing": _NOT_A_NUMBER,
    "int_from_float": _NOT_A_NUMBER,
    "int_parsing_size": _NOT_A_NUMBER,
    "float_type": gettext_lazy("must be a number."),
    "float_parsing": gettext_lazy("must be a number."),
    "finite_number": gettext_lazy("must be a number."),
    "bool_type": gettext_lazy("must be true or false."),
    "bool_parsing": gettext_lazy("must be true or false."),
    "uuid_type": _NOT_AN_ID,
    "uuid_parsing": _NOT_AN_ID,
    "uuid_version": _NOT_AN_ID,
    "datetime_type": _NOT_A_TIME,
    "datetime_parsing": _NOT_A_TIME,
    "datetime_from_date_parsing": _NOT_A_TIME,
    "datetime_object_invalid": _NOT_A_TIME,
    "timezone_aware": _NOT_A_TIME,
    "date_type": gettext_lazy("must be a date, such as 2026-11-20."),
    "date_parsing": gettext_lazy("must be a date, such as 2026-11-20."),
    "date_from_datetime_parsing": gettext_lazy("must be a date, such as 2026-11-20."),
    "literal_error": gettext_lazy("must be one of: %(expected)s."),
    "enum": gettext_lazy("must be one of: %(expected)s."),
    "greater_than_equal": gettext_lazy("must be at least %(ge)s."),
    "greater_than": gettext_lazy("must be more than %(gt)s."),
    "less_than_equal": gettext_lazy("must be at most %(le)s."),
    "less_than": gettext_lazy("must be less than %(lt)s."),
    "too_long": gettext_lazy("has too many items: at most %(max_length)s."),
    "string_too_long": gettext_lazy("is too long: at most %(max_length)s characters."),
    "too_short": gettext_lazy("needs at least %(min_length)s items."),
    "string_too_short": gettext_lazy("is too short: at least %(min_length)s characters."),
    "list_type": gettext_lazy("must be a list."),
    "dict_type": _NOT_AN_OBJECT,
    "model_type": _NOT_AN_OBJECT,
    "model_attributes_type": _NOT_AN_OBJECT,
    "json_invalid": gettext_lazy("The data sent was not readable."),
    "extra_forbidden": gettext_lazy("is not expected here."),
}
NOT_VALID = gettext_lazy("is not valid.")
# Where pydantic found it: the request's parts, then the operation's parameter names that
# only wrap the body (a body parameter is named by the operation, not by the client).
SOURCES = {
    "body": gettext_lazy("the data sent"),
    "query": gettext_lazy("the address"),
    "path": gettext_lazy("the address"),
    "form": gettext_lazy("the data sent"),
    "file": gettext_lazy("the data sent"),
    "header": gettext_lazy("the request"),
    "cookie": gettext_lazy("the request"),
}
WRAPPERS = frozenset({"payload"})
# "Mark 2", "Registration 1": an item of a list, counted from 1 as a person counts.
ITEM = gettext_lazy("item %(n)s")


def request_language(request) -> str:
    """The language the site's pages use for `request` (see the module docstring)."""
    lang = request.GET.get("lang")
    if lang in dict(settings.LANGUAGES):
        return lang
    return translation.get_language() or settings.LANGUAGE_CODE


def _field(loc: Iterable, labels: Mapping[str, str], items: Mapping[str, str]) -> tuple[str, bool]:
    """The field named as a person would say it, and whether it named anything but the source."""
    parts = list(loc)
    source = SOURCES.get(parts[0]) if parts and isinstance(parts[0], str) else None
    if source is not None:
        parts = parts[1:]
    if parts and parts[0] in WRAPPERS:
        parts = parts[1:]
    words: list[str] = []
    container = None
    for part in parts:
        if isinstance(part, int):
            label = items.get(container, ITEM) if container else ITEM
            # Replaces the list's own name: "Mark 2", not "Marks › Mark 2".
            if words and container is not None:
                words.pop()
            words.append(str(label) % {"n": part + 1})
        else:
            words.append(str(labels.get(part, part)))
        container = part if isinstance(part, str) else None
    if not words:
        return str(source or SOURCES["body"]), False
    return " › ".join(words), True


def _ctx(error: dict) -> dict:
    ctx = dict(error.get("ctx") or {})
    if "expected" in ctx:
        # pydantic quotes and joins the choices in English ("'a', 'b' or 'c'").
        ctx["expected"] = ", ".join(
            choice.strip().strip("'")
            for choice in str(ctx["expected"]).replace(" or ", ", ").split(",")
        )
    return ctx


def readable_errors(
    errors: Iterable[dict], *, labels: Mapping[str, str], items: Mapping[str, str]
) -> list[dict]:
    """pydantic's errors as the API answers them: `type`, `loc` and a `msg` in the active
    language naming the field."""
    answer = []
    for error in errors:
        kind = error.get("type", "")
        problem = str(PROBLEMS.get(kind, NOT_VALID))
        try:
            problem = problem % _ctx(error)
        except (KeyError, TypeError, ValueError):
            problem = str(NOT_VALID)
        field, named = _field(error.get("loc", ()), labels, items)
        if kind == "json_invalid":
            msg = problem
        elif named:
            msg = _("%(field)s: %(problem)s") % {"field": capfirst(field), "problem": problem}
        else:
            msg = capfirst(_("%(field)s: %(problem)s") % {"field": field, "problem": problem})
        answer.append({"type": kind, "loc": list(error.get("loc", ())), "msg": msg})
    return answer


# Messages django-ninja raises itself in English, and what the site says instead.
NINJA_MESSAGES = {
    "Cannot parse request body": gettext_lazy("The data sent was not readable."),
    "Unauthorized": gettext_lazy("Log in to continue."),
    "Forbidden": gettext_lazy("You are not allowed to do this. Reload the page and try again."),
    "CSRF check Failed": gettext_lazy(
        "You are not allowed to do this. Reload the page and try again."
    ),
}


def readable_message(message: str) -> str:
    """One of django-ninja's own English messages in the active language; others as they are."""
    if message.startswith("Cannot parse request body"):  # with DEBUG, the parser's reason
        message = "Cannot parse request body"
    return str(NINJA_MESSAGES.get(message, message))
