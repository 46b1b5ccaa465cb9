"""cms.validators: the one rule for text that can be stored, and for JSON documents."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cms.validators import json_loads, json_problem, text_problem, validate_text


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Giàng Thị Mỷ", None),
        ("H'Mông Bru-Vân Kiều 😀", None),
        ("Lò\x00Văn", "NUL"),
        ("\ud800", "broken"),
        ("a\x07b", "control"),
        ("a\tb", "control"),
    ],
)
def test_text_problem_names_what_is_wrong(value, problem):
    with translation.override("en"):
        found = text_problem(value)
    assert (found is None) if problem is None else (problem in found)


def test_notes_may_have_line_breaks_and_the_validator_raises():
    assert text_problem("line\nline\ttab", multiline=True) is None
    with pytest.raises(ValidationError):
        validate_text("x\x00")


def test_json_documents_are_walked_without_recursion():
    deep = json.loads("[" * 500 + "]" * 500)
    with translation.override("en"):
        assert "nested" in json_problem(deep)
        assert "NUL" in json_problem({"a": [{"b\x00": 1}]})
        assert json_problem({"score": float("inf")})
        assert json_problem({"a": ["ok", 1, 2.5, None, True]}) is None
    with pytest.raises(ValueError):
        json_loads("[" * 100_000 + "]" * 100_000)
