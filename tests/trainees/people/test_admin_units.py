import pytest
from django.core.management import call_command

from trainees.models import Commune, Province

pytestmark = pytest.mark.django_db


def load(capsys):
    call_command("load_admin_units")
    return capsys.readouterr().out


def test_loads_34_provinces_and_3321_communes_and_says_so(capsys):
    out = load(capsys)
    assert "34 provinces, 3321 communes" in out
    assert Province.objects.count() == 34
    assert Commune.objects.count() == 3321
    bat_xat = Commune.objects.get(code="02683")
    assert (bat_xat.name, bat_xat.kind, bat_xat.province.name) == (
        "Xã Bát Xát",
        "commune",
        "Lào Cai",
    )
    assert Commune.objects.filter(kind="special_zone").count() == 13
    assert Commune.objects.filter(kind="ward").count() == 687


def test_loading_twice_changes_nothing(capsys):
    load(capsys)
    before = list(Commune.objects.order_by("pk").values())
    out = load(capsys)
    assert "(0 created, 0 updated)" in out
    assert list(Commune.objects.order_by("pk").values()) == before


def test_a_renamed_unit_is_updated_not_duplicated(capsys):
    load(capsys)
    Commune.objects.filter(code="02683").update(name="Xã Tên Cũ")
    pk = Commune.objects.get(code="02683").pk
    out = load(capsys)
    assert "(0 created, 1 updated)" in out
    assert Commune.objects.get(code="02683").name == "Xã Bát Xát"
    assert Commune.objects.get(code="02683").pk == pk
    assert Commune.objects.count() == 3321
