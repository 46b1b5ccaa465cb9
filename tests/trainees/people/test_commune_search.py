"""Commune search ignores accents, and an empty result says so (not "you have no communes")."""

import pytest

from trainees.factories import CommuneFactory, UserFactory
from trainees.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user, commune_a, province):
    y_ty = CommuneFactory(code="02700", name="Xã Y Tý", codename="y_ty", province=province)
    return make_user(Role.COMMUNE_COORDINATOR, communes=[commune_a, y_ty], phone="0911000070")


@pytest.mark.parametrize("query", ["y ty", "Y TÝ", "xa y ty", "  y   tý "])
def test_commune_search_ignores_accents_case_and_spaces(client, coordinator, query):
    client.force_login(coordinator)
    html = client.get("/vi/communes/", {"q": query}).content.decode()
    assert "Xã Y Tý" in html
    assert "Xã Bát Xát" not in html


def test_a_search_that_finds_nothing_says_no_commune_matches(client, coordinator):
    client.force_login(coordinator)
    html = client.get("/en/communes/", {"q": "hoan kiem"}).content.decode()
    assert "No commune matches “hoan kiem”" in html
    assert "You have no communes" not in html
    html = client.get("/vi/communes/", {"q": "hoan kiem"}).content.decode()
    assert "Không có xã" in html


def test_a_trainer_without_a_team_is_told_to_ask_for_one(client):
    # E.g. the last team they were in was closed.
    trainer = UserFactory(phone="0911000071", role=Role.TRAINER)
    client.force_login(trainer)
    html = client.get("/en/communes/").content.decode()
    assert "ask your coordinator to add you to a team" in html.lower()
    html = client.get("/en/communes/", {"q": "y ty"}).content.decode()
    assert "No commune matches" not in html
