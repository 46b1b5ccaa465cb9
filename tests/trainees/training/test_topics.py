"""Session topics come from a fixed list that coverage can count: ticked on the session form,
copied with the session, and recognised in the free text of sessions made before the list."""

import importlib

import pytest
from django.apps import apps

from trainees.factories import TrainingSessionFactory
from trainees.models import SessionTopic, TrainingSession

pytestmark = pytest.mark.django_db

seed = importlib.import_module("trainees.migrations.0014_session_topics_from_text")


def test_the_form_offers_the_fixed_list_as_checkboxes_and_stores_the_ticks(
    client, trainer_a, commune_a, village_a
):
    seed.forwards(apps, None)
    vneid = SessionTopic.objects.get(code="vneid")
    SessionTopic.objects.filter(code="selling_online").update(active=False)
    client.force_login(trainer_a)
    html = client.get("/vi/sessions/new/").content.decode()
    assert f'type="checkbox" name="topic_list" value="{vneid.pk}"' in html
    assert "Bán hàng trực tuyến" not in html  # no longer offered
    client.post(
        "/vi/sessions/new/",
        {
            "title": "Cài VNeID",
            "commune": commune_a.pk,
            "village": village_a.pk,
            "day": "2026-12-01",
            "start": "08:00",
            "end": "10:00",
            "topic_list": [vneid.pk],
            "topics": "chụp ảnh sản phẩm",
        },
    )
    session = TrainingSession.objects.get()
    assert list(session.topic_list.all()) == [vneid]
    assert session.topics == "chụp ảnh sản phẩm"
    copy = client.get(f"/vi/sessions/new/?copy={session.uuid}").context["form"]
    assert copy.initial["topic_list"] == [vneid]


def test_free_text_topics_of_earlier_sessions_are_ticked_by_the_migration(commune_a):
    old = [
        TrainingSessionFactory(commune=commune_a, title="Buổi 1", topics="VNeID, an toàn"),
        TrainingSessionFactory(commune=commune_a, title="Bán hàng qua Zalo", topics=""),
        TrainingSessionFactory(commune=commune_a, title="Họp thôn", topics="chụp ảnh"),
    ]
    seed.forwards(apps, None)
    ticked = [sorted(s.topic_list.values_list("code", flat=True)) for s in old]
    assert ticked == [["online_safety", "vneid"], ["selling_online", "smartphone_basics"], []]
    assert old[2].topics == "chụp ảnh"  # the free text stays, as "other topics"
