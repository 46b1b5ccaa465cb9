"""Rosters in and attendance out: CSV/XLSX import, CSV/XLSX export, the printable sign-in sheet.

An import is all or nothing: every row is checked first and a single bad row stops the whole
file, named by its row number, so a coordinator never has to find out which half went in.
"""

import csv
import io
import re
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    AttendanceMethod,
    AttendanceStatus,
    Ethnicity,
    Person,
    TrainingSession,
    User,
    normalise_name,
)
from ..people.person_fields import PersonFields, person_fields_clean
from ..people.services import person_find_duplicates, person_register
from . import services

MAX_ROWS = 2000

# Accepted column headings (accent-free, lower case) → field.
HEADERS = {
    "full_name": "full_name",
    "name": "full_name",
    "ho va ten": "full_name",
    "ho ten": "full_name",
    "birth_year": "birth_year",
    "nam sinh": "birth_year",
    "gender": "gender",
    "gioi tinh": "gender",
    "ethnicity": "ethnicity",
    "dan toc": "ethnicity",
    "village": "village",
    "thon": "village",
    "thon/ban": "village",
    "thon, ban": "village",
    "household": "household",
    "ho": "household",
    "ho gia dinh": "household",
    "phone": "phone",
    "so dien thoai": "phone",
    "dien thoai": "phone",
    "consent": "consent",
    "dong y": "consent",
    "notes": "notes",
    "ghi chu": "notes",
}
GENDERS = {
    "nam": Person.Gender.MALE,
    "male": Person.Gender.MALE,
    "m": Person.Gender.MALE,
    "nu": Person.Gender.FEMALE,
    "female": Person.Gender.FEMALE,
    "f": Person.Gender.FEMALE,
    "khac": Person.Gender.OTHER,
    "other": Person.Gender.OTHER,
}
ETHNICITIES = {
    **{normalise_name(label): value for value, label in Ethnicity.choices},
    **{value: value for value in Ethnicity.values},
    "mong": Ethnicity.HMONG,
    "h'mong": Ethnicity.HMONG,
    "hmong": Ethnicity.HMONG,
    "ede": Ethnicity.E_DE,
}
YES = {"1", "x", "yes", "y", "true", "co", "dong y", "v"}


class ImportErrors(Exception):
    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{n}: {m}" for n, m in errors))


def read_table(filename: str, content: bytes) -> list[dict]:
    """Rows of a CSV or XLSX file as {field: text, "row": number}, headings mapped."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
            # Read-only sheets are parsed row by row: a broken file may fail only here.
            table = [
                ["" if v is None else str(v).strip() for v in row]
                for row in sheet.iter_rows(values_only=True)
            ]
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise ImportErrors([(0, _("This Excel file cannot be read."))]) from exc
    elif name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportErrors([(0, _("Save the CSV file as UTF-8 and upload it again."))]) from exc
        # Excel in Vietnamese locales saves CSV with semicolons.
        sample = text[:2000]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        try:
            # newline="": line breaks inside quoted cells stay cells, as the csv module wants.
            table = [
                [cell.strip() for cell in row]
                for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            ]
        except csv.Error as exc:
            raise ImportErrors(
                [(0, _("This CSV file cannot be read. Save it again from the spreadsheet."))]
            ) from exc
    else:
        raise ImportErrors([(0, _("Upload a .csv or .xlsx file."))])
    table = [row for row in table if any(row)]
    if not table:
        raise ImportErrors([(0, _("The file is empty."))])
    headings = [HEADERS.get(normalise_name(h)) for h in table[0]]
    if "full_name" not in headings:
        raise ImportErrors(
            [(1, _("The first row must name the columns, with a full_name column."))]
        )
    if len(table) - 1 > MAX_ROWS:
        raise ImportErrors([(0, _("At most %(n)s rows at a time.") % {"n": MAX_ROWS})])
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        row = {"row": number}
        for heading, cell in zip(headings, cells, strict=False):
            if heading:
                row[heading] = cell
        rows.append(row)
    return rows


@dataclass
class PreviewRow:
    row: int
    person: PersonFields
    existing: Person | None


def _cell(row: dict, name: str) -> str:
    value = row.get(name, "")
    return value if isinstance(value, str) else str(value)


def _row_problems(row: dict, villages: dict, session: TrainingSession):
    """(person fields, problems) for one row: the cells are read as the import's words
    ("Nữ", "H'Mông", "x"), then checked by the one person rule everyone uses."""
    problems, values = [], {}
    for name in ("full_name", "household", "notes", "phone"):
        values[name] = _cell(row, name)
    year = _cell(row, "birth_year").strip()
    # Excel gives a year typed in a number cell as "1975.0".
    values["birth_year"] = year[:-2] if re.fullmatch(r"[0-9]{1,4}\.0", year) else year
    if _cell(row, "gender"):
        values["gender"] = GENDERS.get(normalise_name(_cell(row, "gender")))
        if not values["gender"]:
            problems.append(_("unknown gender “%(value)s”") % {"value": _cell(row, "gender")})
    if _cell(row, "ethnicity"):
        values["ethnicity"] = ETHNICITIES.get(normalise_name(_cell(row, "ethnicity")))
        if not values["ethnicity"]:
            problems.append(
                _("unknown ethnic group “%(value)s”") % {"value": _cell(row, "ethnicity")}
            )
    if _cell(row, "village"):
        values["village"] = villages.get(normalise_name(_cell(row, "village")))
        if values["village"] is None:
            problems.append(
                _("no village “%(value)s” in %(commune)s")
                % {"value": _cell(row, "village"), "commune": session.commune.name}
            )
    values["consent"] = normalise_name(_cell(row, "consent")) in YES
    try:
        fields = person_fields_clean(commune=session.commune, values=values)
    except ValidationError as exc:
        fields = None
        for field_name, messages in exc.message_dict.items():
            if field_name in ("gender", "ethnicity", "village") and values.get(field_name) is None:
                continue  # already said above, in the file's own words
            cell = _cell(row, field_name).strip()
            for message in messages:
                # Quote the cell (shortened) so the coordinator finds it in the file.
                shown = cell if len(cell) <= 40 else cell[:40] + "…"
                problems.append(f"{message} (“{shown}”)" if cell else message)
    return fields, problems


def roster_validate(*, session: TrainingSession, rows: list[dict]) -> list[PreviewRow]:
    """Check every row with the person rule the import itself applies; raise ImportErrors
    naming each bad row, or return the preview. What the preview accepts, the import does."""
    villages = {normalise_name(v.name): v for v in session.commune.villages.all()}
    errors, preview, seen = [], [], set()
    for row in rows:
        number = row["row"]
        fields, problems = _row_problems(row, villages, session)
        if fields is not None:
            village_id = fields.village.pk if fields.village else None
            key = (fields.name_key, fields.birth_year, village_id)
            if key in seen:
                problems.append(_("the same person appears twice in the file"))
            seen.add(key)
        if problems:
            errors.append((number, "; ".join(str(p) for p in problems)))
            continue
        existing = (
            person_find_duplicates(
                full_name=fields.full_name, birth_year=fields.birth_year, village=fields.village
            ).first()
            if fields.village
            else None
        )
        preview.append(PreviewRow(number, fields, existing))
    if errors:
        raise ImportErrors(errors)
    return preview


@transaction.atomic
def roster_import(
    *, by: User, session: TrainingSession, rows: list[dict], mark_present: bool
) -> int:
    """Import a validated roster into the session's commune; mark everyone present if asked.

    People already registered (same name, birth year and village) are reused, so importing
    the same file twice creates nobody twice. Without `mark_present` they are only
    registered (a list of the people invited to a session still to come): the trainer takes
    the roll on the day.
    """
    preview = roster_validate(session=session, rows=rows)
    now = timezone.now()
    marks = []
    for item in preview:
        person = item.existing or person_register(
            by=by,
            commune=session.commune,
            allow_duplicate=True,
            **item.person.as_kwargs(),
        )
        if not mark_present:
            continue
        marks.append(
            services.MarkData(
                uuid=uuid.uuid4(),
                session=session.uuid,
                person_id=person.pk,
                status=AttendanceStatus.PRESENT,
                method=AttendanceMethod.IMPORT,
                recorded_at=now,
                server_clock=True,
            )
        )
    if not marks:
        return len(preview)
    result = services.attendance_sync(by=by, marks=marks, now=now)
    if result.errors:
        raise ImportErrors([(preview[e.index].row, e.message) for e in result.errors])
    return len(preview)


# --- Export --------------------------------------------------------------------------------


def _export_rows(attendances):
    yield [
        _("Session date"),
        _("Session"),
        _("Commune"),
        _("Full name"),
        _("Birth year"),
        _("Gender"),
        _("Ethnic group"),
        _("Village"),
        _("Household"),
        _("Status"),
        _("Method"),
        _("Recorded at"),
        _("Recorded by"),
    ]
    for a in attendances.select_related(
        "session__commune", "person__village", "recorded_by"
    ).order_by("session__starts_at", "person__name_key"):
        p = a.person
        yield [
            timezone.localtime(a.session.starts_at).strftime("%Y-%m-%d %H:%M"),
            a.session.title,
            a.session.commune.name,
            p.full_name,
            p.birth_year or "",
            p.get_gender_display(),
            p.get_ethnicity_display(),
            p.village.name if p.village else "",
            p.household,
            a.get_status_display(),
            a.get_method_display(),
            timezone.localtime(a.recorded_at).strftime("%Y-%m-%d %H:%M:%S"),
            str(a.recorded_by) if a.recorded_by else "",
        ]


# A spreadsheet reads a cell starting with one of these as a formula. Names are typed by
# learners (QR check-in, sign-up), so "=HYPERLINK(…)" must stay text. OWASP's advice for CSV:
# https://owasp.org/www-community/attacks/CSV_Injection
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A CSV cell that no spreadsheet runs: text that could be a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _xlsx_cell(sheet, value):
    """An XLSX cell; text is always a string cell, never a formula (openpyxl makes any text
    starting with "=" a formula)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        # Control characters cannot be written to a worksheet (older records may hold some).
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def attendance_response(attendances, *, fmt: str, filename: str) -> HttpResponse:
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # so Excel reads the Vietnamese letters correctly
        writer = csv.writer(response)
        for row in _export_rows(attendances):
            writer.writerow([csv_safe(value) for value in row])
    elif fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_("Attendance"))
        for row in _export_rows(attendances):
            sheet.append([_xlsx_cell(sheet, value) for value in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


# Blank rows at the end of the printed sheet, for people who walk in.
SHEET_BLANK_ROWS = 10


def sign_in_sheet_pdf(*, session: TrainingSession, rows, base_url: str) -> bytes:
    """An A4 sign-in sheet: numbered rows matching the typing-in screen, then blank ones."""
    from weasyprint import HTML

    html = render_to_string(
        "trainees/sign_in_sheet_pdf.html",
        {
            "session": session,
            "rows": rows,
            "blank": range(len(rows) + 1, len(rows) + 1 + SHEET_BLANK_ROWS),
        },
    )
    return HTML(string=html, base_url=base_url).write_pdf()
