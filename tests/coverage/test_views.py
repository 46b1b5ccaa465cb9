"""The dashboard as coordinators use it: scope from the outside, the table and its exports,
imports that refuse a file with a bad row."""

import csv
import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from coverage.models import CommuneFigures, Legend, Target
from trainees.factories import CommuneFactory, ProvinceFactory, VillageFactory
from trainees.models import Role

from .conftest import make_session, mark, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user, province, commune_a, commune_b, village_a, topics):
    """Two communes of Lào Cai with activity this month, one commune elsewhere."""
    other_province = ProvinceFactory(code="01", name="Hà Nội", codename="ha_noi")
    far = CommuneFactory(code="00004", name="Phường Ba Đình", province=other_province)
    admin = make_user(Role.ADMINISTRATOR, phone="0911000400")
    today = timezone.localdate()
    session = make_session(admin, commune_a, today, village=village_a, topics=[topics["vneid"]])
    for i in range(6):
        mark(admin, session, person(commune_a, village_a, household=str(i % 4)))
    Target.objects.create(
        commune=commune_a,
        indicator="people_trained",
        period_kind="month",
        starts_on=today.replace(day=1),
        ends_on=(today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        - dt.timedelta(days=1),
        value=30,
    )
    CommuneFigures.objects.create(commune=commune_a, population=440, households=86)
    return {
        "admin": admin,
        "far": far,
        "other_province": other_province,
        "province_coordinator": make_user(
            Role.PROVINCE_COORDINATOR, province=province, phone="0911000401"
        ),
        "commune_coordinator": make_user(
            Role.COMMUNE_COORDINATOR, communes=[commune_a], phone="0911000402"
        ),
        "trainer": make_user(Role.TRAINER, communes=[commune_b], phone="0911000403"),
        "learner": make_user(Role.LEARNER, phone="0911000404"),
    }


def urls(province, commune):
    return [
        f"/vi/coverage/province/{province.code}/",
        f"/vi/coverage/province/{province.code}/export.csv",
        f"/vi/coverage/province/{province.code}/export.xlsx",
        f"/vi/coverage/commune/{commune.code}/",
        f"/vi/coverage/commune/{commune.code}/report.pdf",
    ]


def test_scoping_from_the_outside(client, world, province, commune_a, commune_b):
    def status(user, url):
        client.force_login(user)
        return client.get(url).status_code

    far, other_province = world["far"], world["other_province"]
    # A province coordinator: their province and its communes, nothing of another province.
    pc = world["province_coordinator"]
    assert all(status(pc, u) == 200 for u in urls(province, commune_a)[:4])
    assert all(status(pc, u) == 404 for u in urls(other_province, far))
    assert status(pc, "/vi/coverage/nation/") == 404
    # A commune coordinator: their commune only; no province view, not the next commune.
    cc = world["commune_coordinator"]
    assert status(cc, f"/vi/coverage/commune/{commune_a.code}/") == 200
    assert status(cc, f"/vi/coverage/commune/{commune_b.code}/") == 404
    assert status(cc, f"/vi/coverage/province/{province.code}/") == 404
    assert status(cc, f"/vi/coverage/province/{province.code}/export.csv") == 404
    # A trainer: no dashboard beyond their communes.
    trainer = world["trainer"]
    assert status(trainer, f"/vi/coverage/commune/{commune_b.code}/") == 200
    assert status(trainer, f"/vi/coverage/commune/{commune_a.code}/") == 404
    assert status(trainer, f"/vi/coverage/province/{province.code}/") == 404
    # A learner sees no dashboard at all; an anonymous visitor is sent to log in.
    assert all(status(world["learner"], u) == 404 for u in urls(province, commune_a))
    client.logout()
    assert client.get(f"/vi/coverage/province/{province.code}/").status_code == 302
    # The national view is for administrators.
    assert status(world["admin"], "/vi/coverage/nation/") == 200


def test_pages_are_private_and_show_counts_not_people(client, world, province, commune_a):
    client.force_login(world["province_coordinator"])
    for url in (
        f"/vi/coverage/province/{province.code}/",
        f"/vi/coverage/commune/{commune_a.code}/",
    ):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        html = response.content.decode()
        assert "Người Học" not in html  # the factory's names of the people trained


def _table_from_html(html: str) -> list[list[str]]:
    table = re.search(r'<table class="coverage-table">(.*?)</table>', html, re.S).group(1)
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        cleaned = []
        for cell in cells:
            cell = re.sub(r'<span class="symbol"[^>]*>.*?</span>', "", cell, flags=re.S)
            cell = re.sub(r"<[^>]+>", "", cell)
            cleaned.append(" ".join(cell.split()).replace("&#x27;", "'").replace("&amp;", "&"))
        rows.append(cleaned)
    return rows


def test_csv_export_equals_the_table_shown(client, world, province):
    client.force_login(world["province_coordinator"])
    query = "?colour=&sort=value&desc=on&q=xa"
    page = client.get(f"/vi/coverage/province/{province.code}/{query}").content.decode()
    shown = _table_from_html(page)
    response = client.get(f"/vi/coverage/province/{province.code}/export.csv{query}")
    assert response["Content-Type"].startswith("text/csv")
    exported = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [[str(v) for v in row] for row in exported] == shown
    assert exported[0][:3] == ["Mã chính thức", "Tên", "Loại"]  # the official code first
    assert [row[1] for row in exported[1:3]] == ["Xã Bát Xát", "Xã Mường Khương"]
    bat_xat = exported[1]
    assert bat_xat[0] == "02683"
    assert bat_xat[3:5] == ["6", "30"]  # value and target
    assert bat_xat[5] in {"đúng tiến độ", "chậm", "rất chậm"}  # its colour in words
    assert exported[-1][1] == "Tổng" and exported[-1][3] == "6"


def test_xlsx_and_pdf_exports(client, world, province):
    client.force_login(world["province_coordinator"])
    response = client.get(f"/vi/coverage/province/{province.code}/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "02683" and rows[1][3] == 6
    response = client.get(f"/vi/coverage/province/{province.code}/export.pdf")
    assert response.content.startswith(b"%PDF")


def test_filters_sort_and_accent_free_name_search(client, world, province):
    client.force_login(world["province_coordinator"])
    html = client.get(f"/vi/coverage/province/{province.code}/?q=muong+khuong").content.decode()
    assert "Xã Mường Khương" in html and "Xã Bát Xát</span>" not in html
    html = client.get(f"/vi/coverage/province/{province.code}/?colour=grey").content.decode()
    tiles = re.findall(r'<span class="tile-name">(.*?)</span>', html)
    assert tiles == ["Xã Mường Khương"]
    # Hostile or nonsense parameters fall back to defaults: never a server error.
    for query in ("?period=x&at=2026-02-30&sort=%00&colour_by=;drop", "?campaign=abc&desc=1"):
        assert client.get(f"/vi/coverage/province/{province.code}/{query}").status_code == 200


def test_tiles_say_their_colour_in_words_and_legend_thresholds_are_configurable(
    client, world, province
):
    Legend.objects.create(indicator="people_trained", green_from=5, yellow_from=1)
    client.force_login(world["province_coordinator"])
    html = client.get(f"/vi/coverage/province/{province.code}/").content.decode()
    assert "≥ 5%" in html and "≥ 1%" in html
    tile = re.search(
        r'<li class="tile c-(\w+)">\s*<a[^>]*>\s*<span class="tile-name">Xã Bát Xát', html
    )
    assert tile.group(1) == "green"  # 6 trained, far above 5 % of the target due by today
    assert "đúng tiến độ" in html or "on track" in html


def test_province_view_reads_a_fixed_number_of_queries(client, world, province, commune_a):
    client.force_login(world["province_coordinator"])
    url = f"/vi/coverage/province/{province.code}/"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(30):
        commune = CommuneFactory(code=f"7{i:04d}", province=province)
        VillageFactory(commune=commune)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many) <= 20


def test_background_export_shows_progress_and_gives_the_file(client, world, province):
    client.force_login(world["province_coordinator"])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("django.db.transaction.on_commit", lambda fn, using=None, robust=False: fn())
        response = client.post(
            f"/vi/coverage/province/{province.code}/exports/?sort=code", {"format": "csv"}
        )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "<progress" in page
    status = client.get(response["Location"] + "status.json").json()
    if status["status"] == "ready":  # eager Celery (no broker): made already
        download = client.get(status["download"])
        assert b"02683" in b"".join(download.streaming_content)
    # Another province's coordinator cannot see it.
    client.force_login(world["trainer"])
    assert client.get(response["Location"]).status_code == 404


def test_targets_import_refuses_the_whole_file_when_a_row_fails(client, world, province):
    client.force_login(world["admin"])
    bad = (
        "commune_code,province_code,indicator,topic,period,start,campaign,target\n"
        "02683,,people_trained,,month,2026-03-01,,40\n"
        "99999,,people_trained,,month,2026-03-01,,40\n"
        "02761,,people_trained_on_topic,nope,quarter,2026-03-01,,x\n"
    )
    response = client.post(
        "/vi/coverage/import/targets/",
        {"file": SimpleUploadedFile("t.csv", bad.encode(), content_type="text/csv")},
    )
    html = response.content.decode()
    assert "3" in html and "4" in html and "99999" in html  # rows named
    assert not Target.objects.filter(starts_on=dt.date(2026, 3, 1)).exists()
    good = (
        "commune_code,province_code,indicator,topic,period,start,campaign,target\n"
        ",15,people_trained,,quarter,2026-02-10,,120\n"
        "02683,,people_trained_on_topic,vneid,month,2026-03-31,,25\n"
    )
    response = client.post(
        "/vi/coverage/import/targets/",
        {"file": SimpleUploadedFile("t.csv", good.encode(), content_type="text/csv")},
    )
    assert response.status_code == 302
    quarter = Target.objects.filter(starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 3, 31))
    assert sorted(quarter.values_list("commune__code", "value")) == [
        ("02683", 120),
        ("02761", 120),
    ]  # a province-wide target reaches every commune of the province
    assert Target.objects.get(topic__code="vneid").ends_on == dt.date(2026, 3, 31)


def test_population_import_from_xlsx_and_hostile_files(client, world):
    from openpyxl import Workbook

    client.force_login(world["admin"])
    book = Workbook()
    book.active.append(["commune_code", "population", "households"])
    book.active.append(["02761", 5120, 1030])
    out = io.BytesIO()
    book.save(out)
    response = client.post(
        "/vi/coverage/import/figures/",
        {"file": SimpleUploadedFile("f.xlsx", out.getvalue())},
    )
    assert response.status_code == 302
    assert CommuneFigures.objects.get(commune__code="02761").households == 1030
    for name, content in (("x.xlsx", b"PK\x03\x04garbage"), ("x.csv", b"\xff\xfe\x00bad")):
        response = client.post(
            "/vi/coverage/import/figures/", {"file": SimpleUploadedFile(name, content)}
        )
        assert response.status_code == 200 and "errors" in response.content.decode()
    client.force_login(world["province_coordinator"])
    assert client.get("/vi/coverage/import/targets/").status_code == 404


def test_boundaries_draw_a_map_in_the_tiles_colours(client, world, province, commune_a):
    import json

    client.force_login(world["admin"])
    geojson = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": commune_a.code},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[103.7, 22.5], [103.8, 22.5], [103.8, 22.6], [103.7, 22.5]]],
                },
            }
        ],
    }
    response = client.post(
        "/vi/coverage/import/boundaries/",
        {"file": SimpleUploadedFile("b.geojson", json.dumps(geojson).encode())},
    )
    assert response.status_code == 302
    html = client.get(f"/vi/coverage/province/{province.code}/").content.decode()
    assert '<svg class="map"' in html and 'class="area ' in html


def test_national_view_adds_up_provinces(client, world, province):
    client.force_login(world["admin"])
    html = client.get("/vi/coverage/nation/").content.decode()
    rows = {row[1]: row for row in _table_from_html(html)[1:]}
    assert rows["Lào Cai"][0] == "15" and rows["Lào Cai"][3] == "6"
    assert rows["Hà Nội"][3] == "0"
    assert rows["Tổng"][3] == "6"
    assert f'href="/vi/coverage/province/{province.code}/"' in html
