"""Issue 8, hole 9: H5P results made while a trainer helps someone go to that person, as
progress does — never to the trainer."""

import json

import pytest

from tests.trainees.learning.test_xapi import activity, media, statement  # noqa: F401
from trainees.factories import PersonFactory, TrainingSessionFactory
from trainees.models import ActivityStatement, ActivitySummary, LessonProgress, Person

pytestmark = pytest.mark.django_db


def test_h5p_results_while_helping_go_to_the_helped_person(
    client,
    activity,  # noqa: F811 - the fixture imported above
    trainer_a,
    commune_a,
    village_a,  # noqa: F811
):
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    elder = PersonFactory(commune=commune_a, village=village_a, full_name="Vàng A Páo")
    client.force_login(trainer_a)
    client.post(f"/vi/sessions/{session.uuid}/assist/", {"person": elder.pk})

    data = statement(activity["iri"], verb="answered", raw=1, max_=1)
    response = client.post(
        "/vi/activity/statements/", json.dumps({"statement": data}), "application/json"
    )
    assert response.status_code == 200, response.content
    stored = ActivityStatement.objects.get()
    assert (stored.person, stored.assisted_by) == (elder, trainer_a)
    assert ActivitySummary.objects.get().person == elder
    # The helped person can pass the lesson: its score counts the activity.
    assert LessonProgress.objects.get(person=elder).best_score == 100
    assert not Person.objects.filter(user=trainer_a).exists()
