"""Services for H5P results: recording xAPI statements and keeping each learner's best score.

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
   completion through `trainees.progress` (H5P blocks count with their best scaled score).
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.h5p.access import package_is_visible_to
from courses.models import H5PPackage, LessonPage

from .models import ActivityStatement, ActivitySummary, Person, User

OBJECT_RE = re.compile(
    r"/h5p/activity/(?P<package>\d+)(?:/(?P<lesson>\d+)/(?P<block>[0-9a-fA-F-]{1,64}))?$"
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


def _timestamp(value):
    from django.utils.dateparse import parse_datetime

    now = timezone.now()
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        return now
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_current_timezone())
    return min(parsed, now)


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
def activity_statement_record(*, user: User, statement) -> StatementResult:
    """Validate and store one xAPI statement from the H5P player (see the module docstring)."""
    from .progress import lesson_score_refresh, person_ensure

    if not isinstance(statement, dict):
        raise ValidationError(_("This is not an xAPI statement."))
    if len(str(statement)) > MAX_STATEMENT_CHARS:
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
    package = H5PPackage.objects.filter(pk=int(match["package"])).first()
    if package is None or not package_is_visible_to(package, user):
        raise PermissionDenied(_("You cannot see this activity."))
    lesson = None
    if match["lesson"]:
        lesson = _lesson_holding(package, match["lesson"], match["block"])
    result_data = statement.get("result") if isinstance(statement.get("result"), dict) else {}
    score = _score(result_data)
    success = result_data.get("success")
    if success is not None and not isinstance(success, bool):
        raise ValidationError(_("The result's success must be true or false."))
    context = statement.get("context") if isinstance(statement.get("context"), dict) else {}
    parents = (context.get("contextActivities") or {}).get("parent") if context else None
    top_level = "subContentId" not in query and not parents

    person = person_ensure(user=user)
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
                timestamp=_timestamp(statement.get("timestamp")),
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
