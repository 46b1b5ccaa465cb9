"""Certificate fixtures: people in a commune, a held session, a completed course."""

import uuid

import pytest

from certificates.factories import held_session_with
from trainees.factories import PersonFactory, TrainingSessionFactory
from trainees.learning.services import lesson_event_record, person_ensure, quiz_answer_record
from trainees.models import Role


@pytest.fixture
def coordinator_a(make_user, commune_a):
    return make_user(Role.COMMUNE_COORDINATOR, communes=[commune_a], phone="0911000002")


@pytest.fixture
def trainer_b(make_user, commune_b):
    return make_user(Role.TRAINER, communes=[commune_b], phone="0911000003")


@pytest.fixture
def person_a(learner, commune_a, village_a):
    person = person_ensure(user=learner)
    person.full_name = "Lò Thị Mai"
    person.commune = commune_a
    person.village = village_a
    person.save()
    return person


@pytest.fixture
def held_session(commune_a, village_a):
    session = TrainingSessionFactory(commune=commune_a, village=village_a, title="Cài VNeID")
    people = [
        PersonFactory(commune=commune_a, village=village_a, full_name=f"Giàng Thị Mỷ {i}")
        for i in range(3)
    ]
    return held_session_with(session, people)


def complete_course(person, course_tree):
    """Complete every lesson of the course (with the quiz right): `course_completed` fires."""
    for lesson in course_tree["lessons"]:
        for child in lesson.scored_blocks():
            right = [i for i, option in enumerate(child.value["options"]) if option["correct"]]
            quiz_answer_record(
                person=person,
                lesson=lesson,
                block_id=child.id,
                choices=right,
                client_uuid=uuid.uuid4(),
            )
        lesson_event_record(
            person=person, lesson=lesson, kind="completed", client_uuid=uuid.uuid4()
        )
