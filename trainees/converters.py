"""URL converters for the codes of administrative units."""

from django.urls import register_converter


class UnitCodeConverter:
    """An official province or commune code: digits only (`15`, `02683`). Anything else does
    not match, so it is a 404 before a view sends it to the database (where a NUL byte in a
    text comparison is an error, not "no such commune")."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(UnitCodeConverter, "unit_code")
