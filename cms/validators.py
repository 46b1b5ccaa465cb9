"""What text and JSON may enter the site: the one place that refuses characters no person types.

PostgreSQL refuses a NUL byte in text and in `jsonb`, and a lone UTF-16 surrogate
(`"\\ud800"`, which JSON can carry but UTF-8 cannot) fails when it is encoded for the
database. Left alone, either turns a typo or an attack into a server error. Every way text
comes in — form fields (`validate_text`), the person fields shared by forms, the sync API
and the import (`trainees.people.person_fields`), JSON bodies (`json_problem`) — asks
`text_problem` and refuses the input with a message in the user's language. Nothing is
silently altered.
"""

import json
import math
import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Deeper than any document the site's own scripts send (an xAPI statement is about 6 deep).
JSON_MAX_DEPTH = 32
# Line breaks and tabs are ordinary in notes; every other control character is not text.
ALLOWED_CONTROLS = {"\n", "\r", "\t"}


def text_problem_code(value: str, *, multiline: bool = False) -> str | None:
    """ "nul", "surrogate" or "control" when `value` cannot be stored as text, else None."""
    for ch in value:
        if ch == "\x00":
            return "nul"
        category = unicodedata.category(ch)
        if category == "Cs":
            return "surrogate"
        if category == "Cc" and not (multiline and ch in ALLOWED_CONTROLS):
            return "control"
    return None


def text_problem_messages() -> dict[str, str]:
    """What to tell the user for each `text_problem_code`, in their language."""
    return {
        "nul": _("The text contains a NUL character, which is not allowed. Remove it."),
        "surrogate": _("The text contains a broken character. Type it again."),
        "control": _("The text contains an invisible control character. Type it again."),
    }


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """Why `value` cannot be stored as text, in the user's language; None when it can."""
    code = text_problem_code(value, multiline=multiline)
    return text_problem_messages()[code] if code else None


def validate_text(value: str) -> None:
    """A Django validator for one-line text fields (names, village names, search words)."""
    problem = text_problem(value)
    if problem:
        raise ValidationError(problem, code="bad_characters")


def validate_multiline_text(value: str) -> None:
    """A Django validator for notes: line breaks and tabs are allowed."""
    problem = text_problem(value, multiline=True)
    if problem:
        raise ValidationError(problem, code="bad_characters")


def json_problem(value: Any, *, max_depth: int = JSON_MAX_DEPTH) -> str | None:
    """Why a decoded JSON document cannot be stored; None when it can.

    Walks the document without recursion (a hostile one may be thousands of levels deep)
    and checks every key and string with `text_problem`, and that numbers are finite.
    """
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > max_depth:
                return _("The data is nested too deeply.")
            children = item.items() if isinstance(item, dict) else ((None, v) for v in item)
            for key, child in children:
                if key is not None:
                    problem = text_problem(key, multiline=True)
                    if problem:
                        return problem
                stack.append((child, depth + 1))
        elif isinstance(item, str):
            problem = text_problem(item, multiline=True)
            if problem:
                return problem
        elif isinstance(item, float) and not math.isfinite(item):
            # Python's decoder accepts NaN and Infinity; JSON and PostgreSQL do not.
            return _("The data contains a number that is not a number.")
    return None


UNREADABLE = gettext_lazy("The data sent was not readable.")


def json_loads(body: bytes | str) -> Any:
    """Decode a JSON request body; raise ValueError with a message for the user if it can't be.

    Python's decoder raises RecursionError, not ValueError, on a very deeply nested document.
    """
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise ValueError(str(UNREADABLE)) from None


@deconstructible
class MaxFileSize:
    """A form's own limit on an uploaded file, said beside the field in the user's language
    (the site-wide limits on request bodies are in cms.middleware.limit_request_body)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes

    def __call__(self, upload):
        if upload is not None and upload.size > self.max_bytes:
            raise ValidationError(
                _("This file is %(size)s; at most %(limit)s is accepted here."),
                code="file_too_large",
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(self.max_bytes),
                },
            )

    def __eq__(self, other):
        return isinstance(other, MaxFileSize) and other.max_bytes == self.max_bytes
