"""Roster import (all or nothing), attendance export, the sign-in sheet PDF and its typing-in."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from trainees.factories import PersonFactory, TrainingSessionFactory
from trainees.models import Attendance, Person

pytestmark = pytest.mark.django_db

GOOD = [
    ["Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Thôn", "Hộ", "Đồng ý"],
    ["Giàng Thị Mỷ", "1978", "Nữ", "Mông", "Suối Chải", "12", "có"],
    ["Lý A Chứ", "1965", "Nam", "H'Mông", "suoi chai", "13", "x"],
    ["Sùng Thị Lan", "1990", "nu", "Dao", "Suối Chải", "", "1"],
]


@pytest.fixture
def session_a(commune_a, village_a):
    return TrainingSessionFactory(commune=commune_a, village=village_a)


def csv_file(rows, name="roster.csv"):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8-sig"), "text/csv")


def test_a_csv_with_one_bad_row_imports_nothing_and_names_the_row(client, trainer_a, session_a):
    client.force_login(trainer_a)
    rows = [*GOOD, ["Vàng A Páo", "năm 58", "Nam", "Mông", "Suối Chải", "", "có"]]
    response = client.post(f"/vi/sessions/{session_a.uuid}/import/", {"file": csv_file(rows)})
    html = response.content.decode()
    assert "Dòng 5" in html  # the header is row 1
    assert "năm 58" in html
    assert not Person.objects.exists()
    # The confirm button was never offered; forcing it imports nothing either.
    client.post(f"/vi/sessions/{session_a.uuid}/import/", {"confirm": "1"})
    assert not Person.objects.exists() and not Attendance.objects.exists()


def test_a_good_csv_is_previewed_then_imported_once(client, trainer_a, session_a):
    client.force_login(trainer_a)
    response = client.post(f"/vi/sessions/{session_a.uuid}/import/", {"file": csv_file(GOOD)})
    assert "Giàng Thị Mỷ" in response.content.decode()
    assert not Person.objects.exists()  # only a preview so far
    client.post(f"/vi/sessions/{session_a.uuid}/import/", {"confirm": "1"})
    assert Person.objects.count() == 3
    assert set(Attendance.objects.values_list("method", flat=True)) == {"import"}
    assert Person.objects.get(full_name="Lý A Chứ").ethnicity == "hmong"
    # The same file again: people are recognised, not duplicated.
    client.post(f"/vi/sessions/{session_a.uuid}/import/", {"file": csv_file(GOOD)})
    client.post(f"/vi/sessions/{session_a.uuid}/import/", {"confirm": "1"})
    assert Person.objects.count() == 3


def test_xlsx_import_and_exports(client, trainer_a, session_a):
    workbook = Workbook()
    for row in GOOD:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("roster.xlsx", buffer.getvalue())
    client.force_login(trainer_a)
    client.post(f"/vi/sessions/{session_a.uuid}/import/", {"file": upload})
    client.post(f"/vi/sessions/{session_a.uuid}/import/", {"confirm": "1"})
    assert Attendance.objects.filter(session=session_a).count() == 3

    exported = client.get(f"/vi/sessions/{session_a.uuid}/attendance.csv")
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 4 and "Giàng Thị Mỷ" in exported.content.decode()
    exported = client.get(f"/vi/communes/{session_a.commune.code}/attendance.xlsx")
    sheet = load_workbook(io.BytesIO(exported.content)).active
    assert sheet.max_row == 4


def test_the_sign_in_sheet_prints_and_is_typed_in_on_one_screen(
    client, trainer_a, session_a, commune_a, village_a
):
    people = [PersonFactory(commune=commune_a, village=village_a) for _ in range(3)]
    client.force_login(trainer_a)
    pdf = client.get(f"/vi/sessions/{session_a.uuid}/sign-in-sheet.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    response = client.post(
        f"/vi/sessions/{session_a.uuid}/sheet/",
        {
            f"status_{people[0].pk}": "present",
            f"status_{people[1].pk}": "late",
            "new0-full_name": "Hoàng Văn Tú",
            "new0-birth_year": "2001",
            "new0-village": village_a.pk,
            "new0-consent": "on",
        },
    )
    assert response.status_code == 302
    marks = dict(
        Attendance.objects.filter(session=session_a).values_list("person__full_name", "status")
    )
    assert marks == {
        people[0].full_name: "present",
        people[1].full_name: "late",
        "Hoàng Văn Tú": "present",
    }
    assert set(Attendance.objects.values_list("method", flat=True)) == {"sign_in_sheet"}


def test_a_likely_duplicate_on_the_sheet_asks_first(client, trainer_a, session_a, village_a):
    existing = PersonFactory(
        commune=session_a.commune, village=village_a, full_name="Nguyễn Thị Đào", birth_year=1980
    )
    client.force_login(trainer_a)
    data = {
        "new0-full_name": "nguyen thi dao",
        "new0-birth_year": "1980",
        "new0-village": village_a.pk,
        "new0-consent": "on",
    }
    response = client.post(f"/vi/sessions/{session_a.uuid}/sheet/", data)
    assert response.status_code == 200
    assert "Nguyễn Thị Đào" in response.content.decode()
    assert Person.objects.count() == 1 and not Attendance.objects.exists()
    response = client.post(
        f"/vi/sessions/{session_a.uuid}/sheet/", {**data, "new0-existing": existing.pk}
    )
    assert response.status_code == 302
    assert Person.objects.count() == 1
    assert Attendance.objects.get().person == existing


def test_the_import_asks_whether_people_came_and_a_future_session_defaults_to_no(
    client, trainer_a, commune_a, village_a
):
    import datetime as dt

    from django.utils import timezone

    future = TrainingSessionFactory(
        commune=commune_a,
        village=village_a,
        starts_at=timezone.now() + dt.timedelta(days=3),
        ends_at=timezone.now() + dt.timedelta(days=3, hours=2),
    )
    url = f"/en/sessions/{future.uuid}/import/"
    client.force_login(trainer_a)
    html = client.post(url, {"file": csv_file(GOOD)}).content.decode()
    assert "Did these people come to the session?" in html
    assert re.search(r'<input[^>]*value="list"[^>]*checked', html)
    assert "has not started yet" in html
    # Confirming without changing the answer registers them and marks nobody.
    response = client.post(url, {"confirm": "1", "attendance": "list"}, follow=True)
    assert Person.objects.count() == 3
    assert not Attendance.objects.exists()
    assert "Take the roll at the session" in response.content.decode()


def test_a_trainer_can_say_yes_they_came(client, trainer_a, session_a):
    url = f"/en/sessions/{session_a.uuid}/import/"
    client.force_login(trainer_a)
    html = client.post(url, {"file": csv_file(GOOD)}).content.decode()
    assert "has not started yet" not in html  # a session under way: "yes" is the default
    response = client.post(url, {"confirm": "1", "attendance": "present"}, follow=True)
    assert Attendance.objects.filter(session=session_a, status="present").count() == 3
    assert "imported and marked present" in response.content.decode()


def test_a_started_session_can_also_import_only_the_list(client, trainer_a, session_a):
    url = f"/en/sessions/{session_a.uuid}/import/"
    client.force_login(trainer_a)
    client.post(url, {"file": csv_file(GOOD)})
    client.post(url, {"confirm": "1", "attendance": "list"})
    assert Person.objects.count() == 3 and not Attendance.objects.exists()
