import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.conftest import quiz_id
from trainees.learning.services import (
    lesson_event_record,
    person_ensure,
    quiz_answer_record,
)
from trainees.models import CourseProgress, LessonProgress, QuizAnswer
from trainees.signals import course_completed

pytestmark = pytest.mark.django_db


@pytest.fixture
def completions():
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    course_completed.connect(receiver, dispatch_uid="test-completions")
    yield received
    course_completed.disconnect(dispatch_uid="test-completions")


def answer(person, lesson, choices, client_uuid=None):
    return quiz_answer_record(
        person=person,
        lesson=lesson,
        block_id=quiz_id(lesson),
        choices=choices,
        client_uuid=client_uuid or uuid.uuid4(),
    )


def complete(person, lesson):
    return lesson_event_record(
        person=person, lesson=lesson, kind="completed", client_uuid=uuid.uuid4()
    )


def test_a_resent_answer_is_recorded_once(course_tree, learner):
    person = person_ensure(user=learner)
    lesson = course_tree["lessons"][0]
    client_uuid = uuid.uuid4()
    first = answer(person, lesson, [0], client_uuid)
    again = answer(person, lesson, [0], client_uuid)
    assert first.recorded and first.correct
    assert again.duplicate and not again.recorded
    assert QuizAnswer.objects.filter(person=person).count() == 1
    assert LessonProgress.objects.get(person=person).best_score == 100


def test_course_completes_once_when_every_lesson_is_done_and_passed(
    course_tree, learner, completions, django_capture_on_commit_callbacks
):
    person = person_ensure(user=learner)
    first, second, third = course_tree["lessons"]
    with django_capture_on_commit_callbacks(execute=True):
        answer(person, first, [1])  # wrong: 0 %, below the pass mark
        answer(person, second, [0, 1])
        for lesson in (first, second, third):
            complete(person, lesson)
    progress = CourseProgress.objects.get(person=person)
    assert progress.percent == 100
    assert progress.completed_at is None, "a failed quiz keeps the course open"
    assert completions == []

    with django_capture_on_commit_callbacks(execute=True):
        answer(person, first, [0])
        answer(person, first, [0])
        complete(person, third)
    progress.refresh_from_db()
    assert progress.completed_at is not None
    assert len(completions) == 1
    assert completions[0]["person"] == person
    assert completions[0]["course_key"] == course_tree["course"].translation_key


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        ([], "Choose an answer first."),
        ([7], "This answer is not one of the choices."),
        (["<script>"], "This answer is not one of the choices."),
        ([0, 1], "Choose only one answer."),
    ],
)
def test_a_tampered_or_incomplete_answer_is_refused_and_changes_nothing(
    course_tree, learner, choices, message
):
    person = person_ensure(user=learner)
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            answer(person, course_tree["lessons"][0], choices)
        assert error.value.messages == [message]
    assert not QuizAnswer.objects.exists()
    assert not LessonProgress.objects.exists()
    assert not CourseProgress.objects.exists()


def test_an_answer_to_a_question_of_another_lesson_is_refused(course_tree, learner):
    person = person_ensure(user=learner)
    first, second, _third = course_tree["lessons"]
    with pytest.raises(ValidationError):
        quiz_answer_record(
            person=person,
            lesson=first,
            block_id=quiz_id(second),
            choices=[0],
            client_uuid=uuid.uuid4(),
        )
    assert not QuizAnswer.objects.exists()


def test_resume_points_back_to_a_lesson_whose_quiz_is_below_the_pass_mark(course_tree, learner):
    from trainees.learning.services import course_resume_find

    person = person_ensure(user=learner)
    first, second, third = course_tree["lessons"]
    answer(person, first, [0])
    answer(person, second, [2])  # wrong
    for lesson in (first, second, third):
        complete(person, lesson)
    where = course_resume_find(user=learner, course=course_tree["course"])
    assert where["lesson"].pk == second.pk
    assert where["course_progress"].percent == 100
    assert where["course_progress"].completed_at is None


def test_a_learners_person_is_made_with_their_first_record_not_by_a_refused_one(
    client, course_tree, learner
):
    """Found by the hostile sweep: a refused answer (400) made the learner's person anyway."""
    from trainees.models import Person

    lesson = course_tree["lessons"][1]
    client.force_login(learner)
    response = client.post(
        "/api/progress/answer/", {"lesson": lesson.pk, "block": "no-such-block", "choice": "0"}
    )
    assert response.status_code == 400
    response = client.post(
        "/api/progress/events/",
        {"events": [{"uuid": str(uuid.uuid4()), "type": "nope", "lesson": lesson.pk}]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not Person.objects.filter(user=learner).exists()

    # Refused, then accepted in one batch: the person is made once, with the good record.
    events = [
        {"uuid": str(uuid.uuid4()), "type": "answer", "lesson": lesson.pk, "block": "x"},
        {"uuid": str(uuid.uuid4()), "type": "completed", "lesson": lesson.pk},
        {"uuid": str(uuid.uuid4()), "type": "completed", "lesson": course_tree["lessons"][0].pk},
    ]
    response = client.post(
        "/api/progress/events/", {"events": events}, content_type="application/json"
    )
    assert [r["ok"] for r in response.json()["results"]] == [False, True, True]
    person = Person.objects.get(user=learner)
    assert LessonProgress.objects.filter(person=person).count() == 2
