"""Services for learner progress in the courses: recording answers and lessons, completion.

A browser sends *events* (answer a quiz question, start or complete a lesson, reach a
position), each with a client-made uuid. `progress_events_apply` records the raw fact
once (a resend with the same uuid changes nothing) and brings the summaries up to date:

- a lesson's score is the share of its scored blocks whose latest answer is right; its best
  score is the highest that share has ever been;
- a course is *completed* when every lesson of the Vietnamese original is completed and each
  lesson with scored blocks has a best score at or above the course's pass mark.

`course_progress_update` locks the person's `CourseProgress` row (`select_for_update`) and
re-reads the lesson summaries under that lock, so when the last two lessons complete at the
same moment the second transaction sees the first one's lesson and exactly one of them
completes the course. It then sends `trainees.signals.course_completed` on commit.

Answers are graded by the lesson's own block (`courses.blocks.QuizQuestionBlock.grade`);
a tampered or incomplete answer raises ValidationError before anything is written.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from courses.models import CoursePage, LessonPage

from .models import CourseProgress, LessonEvent, LessonProgress, Person, QuizAnswer, User
from .signals import course_completed


@dataclass
class EventResult:
    uuid: str
    ok: bool = True
    recorded: bool = False
    duplicate: bool = False
    correct: bool | None = None
    feedback: list[str] = field(default_factory=list)
    error: str = ""
    course_completed: bool = False


def person_ensure(*, user: User) -> Person:
    """The person behind an account, created on the first progress they make."""
    try:
        return user.person
    except Person.DoesNotExist:
        pass
    try:
        with transaction.atomic():
            return Person.objects.create(
                user=user, full_name=user.get_full_name() or str(user.phone), phone=user.phone
            )
    except IntegrityError:
        # Two first requests at once: the other one created it.
        return Person.objects.get(user=user)


def _lesson_and_course(lesson: LessonPage) -> CoursePage:
    course = lesson.get_parent().specific
    if not isinstance(course, CoursePage):
        raise ValidationError(_("This lesson does not belong to a course."))
    return course


def _client_uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError) as e:
        raise ValidationError(_("This record has no valid id; please reload the page.")) from e


def _when(value) -> dt.datetime:
    """The time the learner acted (sent by the browser), never in the future."""
    now = timezone.now()
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        return now
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, dt.UTC)
    return min(parsed, now)


def quiz_answer_check(*, lesson: LessonPage, block_id: str, choices) -> "QuizCheck":
    """Grade an answer without recording it (for visitors who have not signed in)."""
    child = lesson.scored_block(str(block_id))
    if child is None or not hasattr(child.block, "grade"):
        raise ValidationError(_("This question is not part of the lesson; please reload the page."))
    if not isinstance(choices, list | tuple):
        raise ValidationError(_("This answer is not one of the choices."))
    result = child.block.grade(child.value, choices)
    return QuizCheck(block_id=child.id, choices=sorted({int(c) for c in choices}), result=result)


@dataclass(frozen=True)
class QuizCheck:
    block_id: str
    choices: list[int]
    result: object  # courses.blocks.QuizResult


def _lesson_progress(person, lesson, course, at, assisted_by=None) -> LessonProgress:
    progress, _created = LessonProgress.objects.get_or_create(
        person=person,
        lesson_key=lesson.translation_key,
        defaults={"course_key": course.translation_key, "started_at": at},
    )
    if assisted_by is not None and progress.assisted_by_id != assisted_by.pk:
        progress.assisted_by = assisted_by
        progress.save(update_fields=["assisted_by", "updated_at"])
    return progress


def _lesson_score(person, lesson) -> int | None:
    """Percent of the lesson's scored blocks done right: a quiz question counts 1 when its
    latest answer is right; an H5P activity counts its best scaled score (0–1)."""
    from .activity import activity_credits

    children = lesson.scored_blocks()
    if not children:
        return None
    latest = {}
    for block_id, correct in (
        QuizAnswer.objects.filter(person=person, lesson_key=lesson.translation_key)
        .order_by("answered_at", "pk")
        .values_list("block_id", "correct")
    ):
        latest[block_id] = correct
    credits = activity_credits(person=person, children=children)
    total = sum(
        credits[child.id] if child.id in credits else (1.0 if latest.get(child.id) else 0.0)
        for child in children
    )
    return round(100 * total / len(children))


@transaction.atomic
def lesson_score_refresh(*, person: Person, lesson: LessonPage) -> CourseProgress:
    """Raise the lesson's best score to its current score, then re-check the course."""
    course = _lesson_and_course(lesson)
    progress = _lesson_progress(person, lesson, course, timezone.now())
    score = _lesson_score(person, lesson)
    if score is not None and (progress.best_score is None or score > progress.best_score):
        progress.best_score = score
        progress.save(update_fields=["best_score", "updated_at"])
    return course_progress_update(person=person, course=course, last_lesson=lesson)


@transaction.atomic
def quiz_answer_record(
    *,
    person: Person,
    lesson: LessonPage,
    block_id: str,
    choices,
    client_uuid,
    answered_at=None,
    assisted_by: User | None = None,
) -> EventResult:
    """Record one answer once; a resend with the same uuid returns the stored outcome."""
    client_uuid = _client_uuid(client_uuid)
    check = quiz_answer_check(lesson=lesson, block_id=block_id, choices=choices)
    course = _lesson_and_course(lesson)
    at = _when(answered_at)
    result = EventResult(uuid=str(client_uuid), correct=check.result.correct)
    result.feedback = list(check.result.feedback)
    try:
        with transaction.atomic():
            QuizAnswer.objects.create(
                client_uuid=client_uuid,
                person=person,
                course_key=course.translation_key,
                lesson_key=lesson.translation_key,
                block_id=check.block_id,
                choices=check.choices,
                correct=check.result.correct,
                score=check.result.score,
                answered_at=at,
                assisted_by=assisted_by,
            )
    except IntegrityError:
        result.duplicate = True
        return result
    progress = _lesson_progress(person, lesson, course, at, assisted_by)
    score = _lesson_score(person, lesson)
    if score is not None and (progress.best_score is None or score > progress.best_score):
        progress.best_score = score
        progress.save(update_fields=["best_score", "updated_at"])
    course_progress = course_progress_update(person=person, course=course, last_lesson=lesson)
    result.recorded = True
    result.course_completed = course_progress.completed_at is not None
    return result


@transaction.atomic
def lesson_event_record(
    *,
    person: Person,
    lesson: LessonPage,
    kind: str,
    client_uuid,
    happened_at=None,
    assisted_by: User | None = None,
) -> EventResult:
    """Record that a lesson was started or completed; completing it may complete the course."""
    client_uuid = _client_uuid(client_uuid)
    if kind not in LessonEvent.Kind.values:
        raise ValidationError(_("Unknown kind of record."))
    course = _lesson_and_course(lesson)
    at = _when(happened_at)
    result = EventResult(uuid=str(client_uuid))
    try:
        with transaction.atomic():
            LessonEvent.objects.create(
                client_uuid=client_uuid,
                person=person,
                course_key=course.translation_key,
                lesson_key=lesson.translation_key,
                kind=kind,
                happened_at=at,
                assisted_by=assisted_by,
            )
    except IntegrityError:
        result.duplicate = True
        return result
    progress = _lesson_progress(person, lesson, course, at, assisted_by)
    if kind == LessonEvent.Kind.COMPLETED and progress.completed_at is None:
        progress.completed_at = at
        progress.save(update_fields=["completed_at", "updated_at"])
    course_progress = course_progress_update(person=person, course=course, last_lesson=lesson)
    result.recorded = True
    result.course_completed = course_progress.completed_at is not None
    return result


@transaction.atomic
def lesson_position_save(*, person: Person, lesson: LessonPage, position: str) -> None:
    """Remember the block the learner last reached, for 'Continue where you left off'."""
    position = str(position)[:64]
    if position and not any(child.id == position for child in lesson.body):
        raise ValidationError(_("This place is not part of the lesson."))
    course = _lesson_and_course(lesson)
    progress = _lesson_progress(person, lesson, course, timezone.now())
    progress.last_position = position
    progress.save(update_fields=["last_position", "updated_at"])
    CourseProgress.objects.filter(person=person, course_key=course.translation_key).update(
        last_lesson_key=lesson.translation_key
    )


@transaction.atomic
def course_progress_update(
    *, person: Person, course: CoursePage, last_lesson: LessonPage | None = None
) -> CourseProgress:
    """Recompute a person's course summary; complete the course once when it is done."""
    CourseProgress.objects.get_or_create(person=person, course_key=course.translation_key)
    progress = CourseProgress.objects.select_for_update().get(
        person=person, course_key=course.translation_key
    )
    source = course.source
    lessons = list(source.lessons().specific())
    summaries = {
        p.lesson_key: p
        for p in LessonProgress.objects.filter(
            person=person, lesson_key__in=[lesson.translation_key for lesson in lessons]
        )
    }
    completed = [s for s in summaries.values() if s.completed_at is not None]
    progress.percent = round(100 * len(completed) / len(lessons)) if lessons else 0
    if last_lesson is not None:
        progress.last_lesson_key = last_lesson.translation_key
    newly_completed = False
    if progress.completed_at is None and lessons and len(completed) == len(lessons):
        passed = all(
            not lesson.scored_blocks()
            or (summaries[lesson.translation_key].best_score or 0) >= source.pass_mark
            for lesson in lessons
        )
        if passed:
            progress.completed_at = timezone.now()
            newly_completed = True
    progress.save()
    if newly_completed:
        transaction.on_commit(
            lambda: course_completed.send(
                sender=CourseProgress,
                person=person,
                course_key=progress.course_key,
                course_progress=progress,
            )
        )
    return progress


def progress_events_apply(
    *, user, events: list[dict], person: Person | None = None, assisted_by: User | None = None
) -> list[EventResult]:
    """Apply a batch of browser events; each succeeds or fails on its own.

    For a visitor who has not signed in nothing is recorded: answers are graded so they get
    feedback, and the browser keeps the events to send again after sign-in. A trainer helping
    someone passes that `person` and `assisted_by` (see `trainees.attendance_services`).
    """
    if person is None:
        person = person_ensure(user=user) if user.is_authenticated else None
    lesson_ids = {e.get("lesson") for e in events if isinstance(e, dict)}
    lessons = {
        page.pk: page
        for page in LessonPage.objects.live().filter(
            pk__in=[i for i in lesson_ids if isinstance(i, int)]
        )
    }
    results = []
    for event in events:
        event = event if isinstance(event, dict) else {}
        result = EventResult(uuid=str(event.get("uuid", "")))
        try:
            lesson = lessons.get(event.get("lesson"))
            if lesson is None:
                raise ValidationError(_("This lesson no longer exists."))
            kind = event.get("type")
            if kind == "answer":
                if person is None:
                    check = quiz_answer_check(
                        lesson=lesson, block_id=event.get("block"), choices=event.get("choices")
                    )
                    result.correct = check.result.correct
                    result.feedback = list(check.result.feedback)
                else:
                    result = quiz_answer_record(
                        person=person,
                        lesson=lesson,
                        block_id=event.get("block"),
                        choices=event.get("choices"),
                        client_uuid=event.get("uuid"),
                        answered_at=event.get("at"),
                        assisted_by=assisted_by,
                    )
            elif kind in LessonEvent.Kind.values:
                if person is not None:
                    result = lesson_event_record(
                        person=person,
                        lesson=lesson,
                        kind=kind,
                        client_uuid=event.get("uuid"),
                        happened_at=event.get("at"),
                        assisted_by=assisted_by,
                    )
            elif kind == "position":
                if person is not None:
                    lesson_position_save(
                        person=person, lesson=lesson, position=event.get("position", "")
                    )
                    result.recorded = True
            else:
                raise ValidationError(_("Unknown kind of record."))
        except ValidationError as e:
            result.ok = False
            result.error = " ".join(e.messages)
        results.append(result)
    return results


def course_resume_find(*, user, course: CoursePage | None = None) -> dict | None:
    """Where a learner left off: the lesson to open next, in a course or in any course."""
    if not user.is_authenticated:
        return None
    progress = CourseProgress.objects.filter(person__user=user, completed_at__isnull=True)
    if course is not None:
        progress = progress.filter(course_key=course.translation_key)
    progress = progress.order_by("-updated_at").first()
    if progress is None:
        return None
    if course is None:
        same_course = CoursePage.objects.live().filter(translation_key=progress.course_key)
        course = (
            same_course.filter(locale__language_code=translation.get_language()).first()
            or same_course.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        )
    if course is None:
        return None
    source = course.source
    lessons = list(source.lessons().specific())
    summaries = {
        key: (completed_at, best_score, position)
        for key, completed_at, best_score, position in LessonProgress.objects.filter(
            person=progress.person, course_key=progress.course_key
        ).values_list("lesson_key", "completed_at", "best_score", "last_position")
    }

    def unfinished(lesson):
        completed_at, best_score, _position = summaries.get(lesson.translation_key, (None,) * 3)
        if completed_at is None:
            return True
        # Done but a quiz below the pass mark: that lesson is where to go back to.
        return bool(lesson.scored_blocks()) and (best_score or 0) < source.pass_mark

    target = next((lesson for lesson in lessons if unfinished(lesson)), None)
    if target is None:
        return None
    key = target.translation_key
    target = target.localized  # its title in the reader's language, when translated
    positions = {key: value[2] for key, value in summaries.items()}
    done = {key: value[0] for key, value in summaries.items()}
    return {
        "course": course,
        "course_progress": progress,
        "lesson": target,
        "position": positions.get(key, ""),
        "completed_keys": {k for k, v in done.items() if v},
    }
