"""Assisted learning: a trainer opens lessons for a registered person who has no phone."""

import json
import uuid

import pytest

from tests.conftest import quiz_id
from trainees.factories import PersonFactory, TrainingSessionFactory, VillageFactory
from trainees.models import CourseProgress, LessonProgress, Person, QuizAnswer

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(wagtail_base, trainer_a):
    return trainer_a


def post_events(client, events):
    return client.post(
        "/api/progress/events/",
        json.dumps({"lang": "vi", "events": events}),
        content_type="application/json",
    )


def test_progress_made_while_helping_is_recorded_to_the_person_as_assisted(
    client, course_tree, trainer, commune_a, village_a
):
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    elder = PersonFactory(commune=commune_a, village=village_a, full_name="Vàng A Páo")
    client.force_login(trainer)
    page = client.get(f"/vi/sessions/{session.uuid}/assist/").content.decode()
    assert "Vàng A Páo" in page
    response = client.post(f"/vi/sessions/{session.uuid}/assist/", {"person": elder.pk})
    assert response.status_code == 302 and response["Location"] == "/vi/khoa-hoc/"
    lesson = course_tree["lessons"][0]
    # The banner says for whom the trainer is learning (the lesson is public: from /api/me/).
    assert "Vàng A Páo" not in client.get(lesson.url).content.decode()
    banner = client.get("/api/me/", {"lang": "vi", "page": lesson.pk}).json()["banner"]
    assert "Vàng A Páo" in banner

    events = [
        {
            "uuid": str(uuid.uuid4()),
            "type": "answer",
            "lesson": lesson.pk,
            "block": quiz_id(lesson),
            "choices": [0],
        },
        {"uuid": str(uuid.uuid4()), "type": "completed", "lesson": lesson.pk},
    ]
    assert all(r["recorded"] for r in post_events(client, events).json()["results"])
    progress = LessonProgress.objects.get()
    assert progress.person == elder and progress.assisted_by == trainer
    assert QuizAnswer.objects.get().assisted_by == trainer
    assert CourseProgress.objects.get().person == elder
    # Nothing went to the trainer's own record.
    assert not Person.objects.filter(user=trainer).exists()

    # Stopping: the trainer learns for themself again, unassisted.
    client.post("/vi/assist/stop/")
    second = course_tree["lessons"][2]
    post_events(client, [{"uuid": str(uuid.uuid4()), "type": "completed", "lesson": second.pk}])
    mine = LessonProgress.objects.get(person__user=trainer)
    assert mine.assisted_by is None


def test_a_trainer_cannot_help_someone_from_another_commune(
    client, course_tree, trainer, commune_a, village_a, commune_b
):
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    stranger = PersonFactory(commune=commune_b, village=VillageFactory(commune=commune_b))
    client.force_login(trainer)
    response = client.post(f"/vi/sessions/{session.uuid}/assist/", {"person": stranger.pk})
    assert response.status_code == 404
    lesson = course_tree["lessons"][2]
    post_events(client, [{"uuid": str(uuid.uuid4()), "type": "completed", "lesson": lesson.pk}])
    assert not LessonProgress.objects.filter(person=stranger).exists()
