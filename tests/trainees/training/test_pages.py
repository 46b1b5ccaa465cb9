"""Trainer pages: a session in a few fields, copied in one tap, listed by date."""

import pytest

from trainees.factories import TrainingSessionFactory
from trainees.models import TrainingSession

pytestmark = pytest.mark.django_db


def test_a_session_is_created_from_a_few_fields_with_defaults(
    client, trainer_a, commune_a, village_a
):
    client.force_login(trainer_a)
    form = client.get("/vi/sessions/new/")
    assert form.status_code == 200
    # The only commune is preselected, and the day and times are filled in.
    assert form.context["form"].initial["commune"] == commune_a
    assert {"day", "start", "end"} <= set(form.context["form"].initial)
    response = client.post(
        "/vi/sessions/new/",
        {
            "title": "VNeID",
            "commune": commune_a.pk,
            "village": village_a.pk,
            "day": "2026-12-01",
            "start": "08:00",
            "end": "10:00",
        },
    )
    session = TrainingSession.objects.get()
    assert response["Location"] == f"/vi/sessions/{session.uuid}/"
    assert list(session.trainers.all()) == [trainer_a]
    assert session.starts_at.hour == 1  # 08:00 in Viet Nam is 01:00 UTC
    assert "VNeID" in client.get("/vi/sessions/").content.decode()


def test_a_session_is_copied_with_its_place_and_times(client, trainer_a, commune_a, village_a):
    source = TrainingSessionFactory(
        commune=commune_a, village=village_a, title="Bảo vệ mã OTP", venue="Nhà văn hoá"
    )
    client.force_login(trainer_a)
    form = client.get(f"/vi/sessions/new/?copy={source.uuid}").context["form"]
    assert form.initial["title"] == "Bảo vệ mã OTP"
    assert form.initial["village"] == village_a and form.initial["venue"] == "Nhà văn hoá"


def test_a_village_of_another_commune_is_refused(client, trainer_a, commune_a, commune_b):
    from trainees.factories import VillageFactory

    other = VillageFactory(commune=commune_b)
    client.force_login(trainer_a)
    response = client.post(
        "/vi/sessions/new/",
        {
            "title": "X",
            "commune": commune_a.pk,
            "village": other.pk,
            "day": "2026-12-01",
            "start": "08:00",
            "end": "10:00",
        },
    )
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()


def test_learners_cannot_open_trainer_pages(client, learner):
    client.force_login(learner)
    assert client.get("/vi/sessions/").status_code == 403
