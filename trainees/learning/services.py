"""What learners do: lesson progress and quiz answers, H5P results, assisted learning.

## Progress

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

## H5P results

The H5P player (courses/static/courses/h5p-player.js) posts each statement it cares about
(answered, completed, passed, failed, scored) with a UUID it made when the learner acted.
`activity_statement_record`:

1. checks the statement: a UUID id, a verb, an object id naming one of our activities
   (`…/h5p/activity/<package>[/<lesson>/<block>]`), and a consistent score — finite numbers,
   0 ≤ min ≤ raw ≤ max, max > 0, and `scaled` equal to raw/max when given;
2. refuses statements about an activity the learner may not see (the package must be on a
   live lesson they may open, and that lesson must really hold that package);
3. stores the raw statement once (a resend with the same id changes nothing);
4. for a top-level statement with a score (the whole activity, not a question inside a
   question set, whose object id carries `?subContentId=` or whose context has a parent)
   raises the person's best score and marks the activity completed; passed/failed set
   `success`;
5. when the activity sits in a lesson, recomputes the lesson's score and the course's
   completion (H5P blocks count with their best scaled score).

## Assisted learning

A trainer may open lessons for a registered person who has no phone: `assist_start` checks
the person is in their scope and `assisted_person` re-checks it on every request; what is
done is recorded to that person with `assisted_by` naming the trainer.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from cms.validators import json_problem
from courses.models import CoursePage, H5PPackage, LessonPage
from courses.permissions import LessonAccess

from ..models import (
    ActivityStatement,
    ActivitySummary,
    CourseProgress,
    LessonEvent,
    LessonProgress,
    Person,
    QuizAnswer,
    User,
)
from ..permissions import require_record_in_commune, user_can_record
from ..signals import course_completed


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
    """The person behind an account, created on the first progress they make (an account
    made in the admin has none)."""
    try:
        return user.person
    except Person.DoesNotExist:
        pass
    try:
        with transaction.atomic():
            # Never joined to a person on record with the same phone (a phone number proves
            # nothing): flagged for a trainer to check instead (see trainees.people.services).
            return Person.objects.create(
                user=user,
                full_name=user.get_full_name() or str(user.phone),
                phone=user.phone,
                possible_duplicate_of=Person.objects.with_phone(user.phone).first(),
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


# Phones that lost their clock say 1970 or 2000; nothing on this site happened before this.
EARLIEST_BELIEVABLE = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def _client_time(value, *, naive_tz=dt.UTC) -> dt.datetime:
    """The time the learner acted, as their browser says; the time received when the browser
    says nothing, or a time in the future or before the site existed (a lost clock).

    A value that is not a real date ("2026-02-30T25:00:00") is refused with a clear error.
    """
    now = timezone.now()
    if value is None or value == "":
        return now
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationError(
            _("The time of this record is not a real date. Reload the page and try again.")
        )
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=naive_tz)
    # Compared before any conversion: year 1 or 9999 with an offset cannot be converted.
    if parsed > now or parsed < EARLIEST_BELIEVABLE:
        return now
    return parsed


def quiz_answer_check(*, lesson: LessonPage, block_id: str, choices) -> QuizCheck:
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
    """The person's summary of the lesson, locked until the transaction ends.

    Its best score and completion are read, compared and written back: without the row lock
    two answers arriving together could each write the score they computed alone, and the
    later write would lose the other's (as `ActivitySummary` and `CourseProgress` are locked).
    """
    LessonProgress.objects.get_or_create(
        person=person,
        lesson_key=lesson.translation_key,
        defaults={"course_key": course.translation_key, "started_at": at},
    )
    progress = LessonProgress.objects.select_for_update().get(
        person=person, lesson_key=lesson.translation_key
    )
    if assisted_by is not None and progress.assisted_by_id != assisted_by.pk:
        progress.assisted_by = assisted_by
        progress.save(update_fields=["assisted_by", "updated_at"])
    return progress


def _lesson_score(person, lesson) -> int | None:
    """Percent of the lesson's scored blocks done right: a quiz question counts 1 when its
    latest answer is right; an H5P activity counts its best scaled score (0–1)."""
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
    at = _client_time(answered_at)
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
    at = _client_time(happened_at)
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


def _preview_event(*, access: LessonAccess, lesson: LessonPage, event: dict, result):
    """An editor trying the latest draft in the admin preview: answers are checked against
    the draft, and nothing is recorded (a draft is not a lesson anyone has taken)."""
    if not access.can_preview(lesson):
        raise ValidationError(_("You cannot preview this lesson."))
    kind = event.get("type")
    if kind == "answer":
        check = quiz_answer_check(
            lesson=lesson.get_latest_revision_as_object(),
            block_id=event.get("block"),
            choices=event.get("choices"),
        )
        result.correct = check.result.correct
        result.feedback = list(check.result.feedback)
    elif kind not in (*LessonEvent.Kind.values, "position"):
        raise ValidationError(_("Unknown kind of record."))
    return result


def _lesson_id(event) -> int | None:
    lesson_id = event.get("lesson") if isinstance(event, dict) else None
    if isinstance(lesson_id, int) and not isinstance(lesson_id, bool) and 0 < lesson_id < 2**63:
        return lesson_id
    return None


class _FirstRecord:
    """Stands for a learner's person until their first record makes it (`_record`)."""

    def __init__(self, user: User):
        self.user = user


def _record(record, *, person, **fields):
    """(what `record` returns, the person): the learner's person is made in the same
    savepoint as their first record, so a record refused leaves no person behind."""
    if not isinstance(person, _FirstRecord):
        return record(person=person, **fields), person
    user = person.user
    try:
        with transaction.atomic():
            made = person_ensure(user=user)
            return record(person=made, **fields), made
    except ValidationError:
        # The rolled-back person is still cached on the account: forget it.
        user._state.fields_cache.pop("person", None)
        raise


def progress_events_apply(
    *,
    access: LessonAccess,
    events: list,
    person: Person | None = None,
    assisted_by: User | None = None,
) -> list[EventResult]:
    """Apply a batch of browser events; each succeeds or fails on its own.

    Only lessons the request may see (`courses.permissions`) take events: a lesson
    restricted to a group, to logged-in users or by a password gets neither records nor
    feedback from anyone it does not let in. An event marked `preview` comes from the admin
    preview of a draft (see `_preview_event`).

    For a visitor who has not signed in nothing is recorded: answers are graded so they get
    feedback, and the browser keeps the events to send again after sign-in. A trainer helping
    someone passes that `person` and `assisted_by` (see Assisted learning below).
    """
    user = access.user
    if person is None and user.is_authenticated:
        # The learner's own person is made with their first record, not before: a batch
        # whose every event is refused leaves nothing behind.
        person = Person.objects.filter(user=user).first() or _FirstRecord(user)
    lesson_ids = {_lesson_id(e) for e in events} - {None}
    # Drafts too: an editor's preview names a lesson that may not be live yet.
    lessons = {page.pk: page for page in LessonPage.objects.filter(pk__in=lesson_ids)}
    results = []
    for event in events:
        event = event if isinstance(event, dict) else {}
        result = EventResult(uuid=str(event.get("uuid", ""))[:64])
        try:
            lesson = lessons.get(_lesson_id(event))
            if lesson is None:
                raise ValidationError(_("This lesson no longer exists."))
            if event.get("preview") is True:
                result = _preview_event(access=access, lesson=lesson, event=event, result=result)
                results.append(result)
                continue
            if not lesson.live:
                raise ValidationError(_("This lesson no longer exists."))
            if not access.can_view(lesson):
                raise ValidationError(
                    _("You cannot see this lesson. Log in, or ask your trainer for access.")
                )
            kind = event.get("type")
            if kind == "answer":
                if person is None:
                    check = quiz_answer_check(
                        lesson=lesson, block_id=event.get("block"), choices=event.get("choices")
                    )
                    result.correct = check.result.correct
                    result.feedback = list(check.result.feedback)
                else:
                    result, person = _record(
                        quiz_answer_record,
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
                    result, person = _record(
                        lesson_event_record,
                        person=person,
                        lesson=lesson,
                        kind=kind,
                        client_uuid=event.get("uuid"),
                        happened_at=event.get("at"),
                        assisted_by=assisted_by,
                    )
            elif kind == "position":
                if person is not None:
                    _result, person = _record(
                        lesson_position_save,
                        person=person,
                        lesson=lesson,
                        position=event.get("position", ""),
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


# --- H5P results -------------------------------------------------------------------------

# Ids of at most 18 ASCII digits: anything longer is no row of ours (and overflows a bigint).
OBJECT_RE = re.compile(
    r"/h5p/activity/(?P<package>[0-9]{1,18})"
    r"(?:/(?P<lesson>[0-9]{1,18})/(?P<block>[0-9a-fA-F-]{1,64}))?$"
)
VERB_RE = re.compile(r"^https?://\S{1,240}$")
SCORED_VERBS = {"answered", "completed", "passed", "failed", "scored"}
MAX_STATEMENT_CHARS = 64 * 1024


@dataclass
class StatementResult:
    statement_id: str
    recorded: bool = False
    duplicate: bool = False
    summary: ActivitySummary | None = None

    def as_json(self) -> dict:
        data = {"ok": True, "id": self.statement_id, "duplicate": self.duplicate}
        if self.summary is not None:
            data.update(
                score=self.summary.score_display,
                completed=self.summary.completed,
                passed=self.summary.passed,
            )
        return data


def _number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(
            _("The score is not consistent: %(what)s is not a number.") % {"what": what}
        )
    return float(value)


def _score(result: dict) -> tuple[float, float, float] | None:
    """(raw, max, scaled) from an xAPI result, or None; refuse inconsistent scores."""
    score = result.get("score")
    if score is None:
        return None
    if not isinstance(score, dict) or "raw" not in score or "max" not in score:
        raise ValidationError(_("The score is not consistent: it needs raw and max."))
    raw = _number(score["raw"], "raw")
    top = _number(score["max"], "max")
    low = _number(score.get("min", 0), "min")
    if not (0 <= low <= raw <= top) or top <= 0:
        raise ValidationError(
            _("The score is not consistent: %(raw)s out of %(max)s.") % {"raw": raw, "max": top}
        )
    scaled = raw / top
    if "scaled" in score:
        given = _number(score["scaled"], "scaled")
        if abs(given - scaled) > 0.01:
            raise ValidationError(
                _("The score is not consistent: scaled %(scaled)s is not %(raw)s/%(max)s.")
                % {"scaled": given, "raw": raw, "max": top}
            )
    return raw, top, scaled


def _lesson_holding(package: H5PPackage, lesson_id: str, block_id: str) -> LessonPage:
    lesson = LessonPage.objects.live().filter(pk=int(lesson_id)).first()
    if lesson is not None:
        for child in lesson.body:
            if (
                child.id == block_id
                and getattr(child.block, "is_h5p", False)
                and child.value["activity"] is not None
                and child.value["activity"].pk == package.pk
            ):
                return lesson
    raise PermissionDenied(_("This activity is not part of that lesson."))


def activity_credits(*, person: Person, children) -> dict[str, float]:
    """Block id → the person's best scaled score (0–1) for the H5P blocks among `children`."""
    packages = {
        child.id: child.value["activity"].pk
        for child in children
        if getattr(child.block, "is_h5p", False) and child.value["activity"] is not None
    }
    best = dict(
        ActivitySummary.objects.filter(
            person=person, package_id__in=set(packages.values())
        ).values_list("package_id", "best_scaled")
    )
    return {block_id: best.get(pk) or 0.0 for block_id, pk in packages.items()}


@transaction.atomic
def activity_statement_record(
    *,
    access: LessonAccess,
    statement,
    person: Person | None = None,
    assisted_by: User | None = None,
) -> StatementResult:
    """Validate and store one xAPI statement from the H5P player (see the module docstring).

    The statement is recorded to the signed-in learner, or to the `person` a trainer is
    helping (`assisted_by`), exactly as progress events are.
    """
    if not isinstance(statement, dict):
        raise ValidationError(_("This is not an xAPI statement."))
    problem = json_problem(statement)
    if problem:
        raise ValidationError(problem)
    if len(json.dumps(statement)) > MAX_STATEMENT_CHARS:
        raise ValidationError(_("This statement is too long."))
    try:
        statement_id = uuid.UUID(str(statement.get("id")))
    except ValueError:
        raise ValidationError(
            _("This statement has no valid id; please reload the page.")
        ) from None
    verb = (
        (statement.get("verb") or {}).get("id") if isinstance(statement.get("verb"), dict) else None
    )
    if not (isinstance(verb, str) and VERB_RE.match(verb)):
        raise ValidationError(_("This statement has no valid verb."))
    obj = statement.get("object")
    object_id = obj.get("id") if isinstance(obj, dict) else None
    if not isinstance(object_id, str):
        raise ValidationError(_("This statement does not name an activity."))
    base, _sep, query = object_id.partition("?")
    match = OBJECT_RE.search(base)
    if match is None:
        raise ValidationError(_("This statement is about an activity of another site."))
    timestamp = _client_time(statement.get("timestamp"), naive_tz=timezone.get_current_timezone())
    package = H5PPackage.objects.filter(pk=int(match["package"])).first()
    if package is None:
        raise PermissionDenied(_("You cannot see this activity."))
    lesson = None
    if match["lesson"]:
        lesson = _lesson_holding(package, match["lesson"], match["block"])
        if not access.can_view(lesson):
            raise PermissionDenied(_("You cannot see this activity."))
    elif not access.can_view_package(package):
        raise PermissionDenied(_("You cannot see this activity."))
    result_data = statement.get("result") if isinstance(statement.get("result"), dict) else {}
    score = _score(result_data)
    success = result_data.get("success")
    if success is not None and not isinstance(success, bool):
        raise ValidationError(_("The result's success must be true or false."))
    context = statement.get("context") if isinstance(statement.get("context"), dict) else {}
    parents = (context.get("contextActivities") or {}).get("parent") if context else None
    top_level = "subContentId" not in query and not parents

    person = person or person_ensure(user=access.user)
    outcome = StatementResult(statement_id=str(statement_id))
    try:
        with transaction.atomic():
            ActivityStatement.objects.create(
                statement_id=statement_id,
                person=person,
                package=package,
                lesson_key=lesson.translation_key if lesson else None,
                verb=verb,
                top_level=top_level,
                score_raw=score[0] if score else None,
                score_max=score[1] if score else None,
                score_scaled=score[2] if score else None,
                success=success,
                statement=statement,
                timestamp=timestamp,
                assisted_by=assisted_by,
            )
    except IntegrityError:
        outcome.duplicate = True
        outcome.summary = ActivitySummary.objects.filter(person=person, package=package).first()
        return outcome

    verb_name = verb.rsplit("/", 1)[-1]
    summary = None
    if top_level and (score or verb_name in SCORED_VERBS):
        ActivitySummary.objects.get_or_create(person=person, package=package)
        summary = ActivitySummary.objects.select_for_update().get(person=person, package=package)
        if score:
            summary.attempts += 1
            if summary.best_scaled is None or score[2] > summary.best_scaled:
                summary.best_raw, summary.best_max, summary.best_scaled = score
        if verb_name in SCORED_VERBS and not summary.completed:
            summary.completed = True
            summary.completed_at = timezone.now()
        if success is True or verb_name == "passed":
            summary.passed = True
        summary.save()
        if lesson is not None:
            lesson_score_refresh(person=person, lesson=lesson)
    outcome.recorded = True
    outcome.summary = (
        summary or ActivitySummary.objects.filter(person=person, package=package).first()
    )
    return outcome


# --- Assisted learning -------------------------------------------------------------------

# Where the trainer's browser session remembers whom they are helping.
ASSIST_SESSION_KEY = "assisting"


def assist_start(*, by: User, person: Person) -> dict:
    """Begin opening lessons on behalf of `person`; returns what the browser session keeps."""
    if person.commune_id is None:
        raise PermissionDenied(_("You cannot work with this commune."))
    require_record_in_commune(by, person.commune_id)
    return {"person": person.pk, "name": person.full_name}


def assisted_person(*, user: User, data: dict | None) -> Person | None:
    """The person a trainer is helping right now, checked against their scope on every use."""
    if not data or not user.is_authenticated or not user_can_record(user):
        return None
    return Person.objects.for_user(user).filter(pk=data.get("person")).first()
