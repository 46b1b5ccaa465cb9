"""Issue 8, holes 5 and 10, on PostgreSQL with real threads: two sign-ups with one phone at the
same moment give one account and a clear message (not a 500); two answers at the same moment
never lose a score. On SQLite (one writer at a time) they run in turn and must still pass."""

import threading
import time
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from courses.factories import LessonPageFactory, quiz_block
from tests.conftest import publish
from trainees.factories import TrainingSessionFactory
from trainees.learning import services as learning
from trainees.models import LessonProgress, Person, User
from trainees.training import services as training

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_together(*calls):
    """Run the calls at the same moment in threads (PostgreSQL) or one after the other
    (SQLite); return what each returned or raised."""
    outcomes = [None] * len(calls)
    if connection.vendor != "postgresql":
        for i, call in enumerate(calls):
            try:
                outcomes[i] = call()
            except Exception as exc:  # noqa: BLE001 - returned to the test to assert on
                outcomes[i] = exc
        return outcomes
    barrier = threading.Barrier(len(calls))

    def run(i, call):
        try:
            barrier.wait(timeout=10)
            outcomes[i] = call()
        except Exception as exc:  # noqa: BLE001 - returned to the test to assert on
            outcomes[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_registrations_with_one_phone_at_once_give_one_account_and_a_clear_message(
    commune_a, village_a, wagtail_base
):
    session = TrainingSessionFactory(commune=commune_a, village=village_a)

    def register(name):
        return lambda: training.checkin_register(
            session=session,
            full_name=name,
            phone="0987 111 222",
            password="hoc-so-2026",
            consent=True,
        )

    outcomes = run_together(register("Lò Thị A"), register("Lò Thị B"))
    accounts = [o for o in outcomes if isinstance(o, tuple)]
    refusals = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(accounts) == 1 and len(refusals) == 1, outcomes
    assert "phone" in refusals[0].message_dict
    assert User.objects.filter(phone="+84987111222").count() == 1
    assert Person.objects.filter(user__phone="+84987111222").count() == 1


@pytest.fixture
def two_question_lesson(course_tree):
    lesson = LessonPageFactory(
        parent=course_tree["course"],
        slug="hai-cau",
        body=[
            quiz_block("Câu 1", [("Đúng", True, ""), ("Sai", False, "")]),
            quiz_block("Câu 2", [("Đúng", True, ""), ("Sai", False, "")]),
        ],
    )
    publish(lesson)
    return lesson


def test_two_right_answers_at_once_make_the_best_score_100(
    two_question_lesson, learner, monkeypatch
):
    """Each answer computes the lesson's score; without the row lock each saw only its own
    answer (50) and the last write won, losing the 100 that both together make."""
    lesson = two_question_lesson
    person = learning.person_ensure(user=learner)
    blocks = [child.id for child in lesson.body]
    # The learner opened the lesson earlier: its summary row exists (creating it would make
    # the second answer wait on the first's insert, hiding the race).
    learning.lesson_event_record(
        person=person, lesson=lesson, kind="started", client_uuid=uuid.uuid4()
    )
    # The score is read, compared and written back: widen the gap between read and write,
    # as a slow database would.
    real_score = learning._lesson_score

    def slow_score(person, lesson):
        score = real_score(person, lesson)
        time.sleep(0.3)
        return score

    monkeypatch.setattr(learning, "_lesson_score", slow_score)

    def answer(block):
        return lambda: learning.quiz_answer_record(
            person=person, lesson=lesson, block_id=block, choices=[0], client_uuid=uuid.uuid4()
        )

    outcomes = run_together(answer(blocks[0]), answer(blocks[1]))
    assert all(o.recorded for o in outcomes), outcomes
    assert LessonProgress.objects.get(person=person).best_score == 100
