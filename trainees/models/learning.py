"""What learners did in the courses and H5P activities, in two layers (after Kolibri's logs
and summaries).

- **Raw records** are facts sent by a browser, one row per action, never edited:
  `QuizAnswer` (the options chosen for one quiz question and whether they were right),
  `LessonEvent` (lesson started or completed) and `ActivityStatement` (one xAPI statement
  from the H5P player: answered, completed, passed, failed…). Each carries the uuid the
  browser made when the learner acted, so a record queued offline and sent twice is stored
  once.
- **Summaries** are what pages and reports read, one row per person and lesson, course or
  H5P package: `LessonProgress` (started, completed, best score, last position),
  `CourseProgress` (percent of lessons completed, completed at) and `ActivitySummary` (best
  score, completed, ever passed). Only `trainees.learning.services` writes them.
- **Assisted learning**: a trainer may open a lesson for a registered person who has no
  phone; what is done is recorded to that person, with `assisted_by` naming the trainer.

Lessons and courses are identified by their Wagtail `translation_key`: the Vietnamese page
and its English and H'Mông translations share it, so progress survives a language switch.
Everything points at `Person`, not at the login, so progress follows the human; H5P records
also point at the package (`courses.H5PPackage`), and `lesson_key` says in which lesson the
learner played, when known.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import Person, ScopedQuerySet, User


class AssistedRecord(models.Model):
    """A raw record that a trainer may have made on the person's behalf (assisted learning)."""

    assisted_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assisted by"),
    )

    class Meta:
        abstract = True


class QuizAnswer(AssistedRecord):
    client_uuid = models.UUIDField(_("client id"), unique=True, default=uuid.uuid4)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="quiz_answers", verbose_name=_("person")
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    lesson_key = models.UUIDField(_("lesson"))
    block_id = models.CharField(_("question"), max_length=64)
    choices = models.JSONField(_("chosen options"), default=list)
    correct = models.BooleanField(_("correct"))
    score = models.PositiveSmallIntegerField(_("score"))
    answered_at = models.DateTimeField(_("answered at"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz answer")
        verbose_name_plural = _("quiz answers")
        indexes = [models.Index(fields=["person", "lesson_key", "answered_at"])]

    def __str__(self):
        return f"{self.person} · {self.block_id} · {'✔' if self.correct else '✘'}"


class LessonEvent(AssistedRecord):
    class Kind(models.TextChoices):
        STARTED = "started", _("started")
        COMPLETED = "completed", _("completed")

    client_uuid = models.UUIDField(_("client id"), unique=True, default=uuid.uuid4)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="lesson_events", verbose_name=_("person")
    )
    course_key = models.UUIDField(_("course"))
    lesson_key = models.UUIDField(_("lesson"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    happened_at = models.DateTimeField(_("happened at"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson event")
        verbose_name_plural = _("lesson events")
        indexes = [models.Index(fields=["person", "lesson_key"])]

    def __str__(self):
        return f"{self.person} · {self.lesson_key} · {self.kind}"


class LessonProgress(models.Model):
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="lesson_progress",
        verbose_name=_("person"),
    )
    course_key = models.UUIDField(_("course"))
    lesson_key = models.UUIDField(_("lesson"))
    started_at = models.DateTimeField(_("started at"))
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    best_score = models.PositiveSmallIntegerField(_("best score"), null=True, blank=True)
    last_position = models.CharField(
        _("last position"), max_length=64, blank=True, help_text=_("The block last reached.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # The trainer who last helped with this lesson, if any: reports count assisted learning.
    assisted_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assisted by"),
    )

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "lesson_key"], name="lessonprogress_once_per_person"
            )
        ]
        indexes = [models.Index(fields=["person", "course_key"])]

    def __str__(self):
        return f"{self.person} · {self.lesson_key}"


class CourseProgressQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)


class CourseProgress(models.Model):
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="course_progress",
        verbose_name=_("person"),
    )
    course_key = models.UUIDField(_("course"))
    percent = models.PositiveSmallIntegerField(_("percent of lessons completed"), default=0)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_lesson_key = models.UUIDField(_("last lesson"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CourseProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("course progress")
        verbose_name_plural = _("course progress")
        constraints = [
            # With the row lock taken in `course_progress_update`, this is what makes a
            # course complete exactly once per person.
            models.UniqueConstraint(
                fields=["person", "course_key"], name="courseprogress_once_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.course_key} · {self.percent}%"


# --- H5P results ----------------------------------------------------------------------


class ActivityStatement(AssistedRecord):
    statement_id = models.UUIDField(_("statement id"), unique=True)
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="activity_statements",
        verbose_name=_("person"),
    )
    package = models.ForeignKey(
        "courses.H5PPackage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("H5P activity"),
    )
    lesson_key = models.UUIDField(_("lesson"), null=True, blank=True)
    verb = models.CharField(_("verb"), max_length=255)
    top_level = models.BooleanField(
        _("whole activity"), help_text=_("False for a question inside a question set.")
    )
    score_raw = models.FloatField(_("score"), null=True, blank=True)
    score_max = models.FloatField(_("maximum score"), null=True, blank=True)
    score_scaled = models.FloatField(_("scaled score"), null=True, blank=True)
    success = models.BooleanField(_("passed"), null=True, blank=True)
    statement = models.JSONField(_("statement"))
    timestamp = models.DateTimeField(_("happened at"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "person__commune"

    class Meta:
        verbose_name = _("H5P statement")
        verbose_name_plural = _("H5P statements")
        indexes = [models.Index(fields=["person", "package"])]

    def __str__(self):
        return f"{self.person} · {self.verb.rsplit('/', 1)[-1]}"


class ActivitySummary(models.Model):
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="activity_summaries",
        verbose_name=_("person"),
    )
    package = models.ForeignKey(
        "courses.H5PPackage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("H5P activity"),
    )
    best_raw = models.FloatField(_("best score"), null=True, blank=True)
    best_max = models.FloatField(_("maximum score"), null=True, blank=True)
    best_scaled = models.FloatField(_("best scaled score"), null=True, blank=True)
    completed = models.BooleanField(_("completed"), default=False)
    passed = models.BooleanField(_("passed"), default=False)
    attempts = models.PositiveIntegerField(_("scored attempts"), default=0)
    completed_at = models.DateTimeField(_("first completed at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "person__commune"

    class Meta:
        verbose_name = _("H5P result")
        verbose_name_plural = _("H5P results")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "package"], name="activitysummary_once_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.package_id} · {self.best_raw}/{self.best_max}"

    @property
    def score_display(self) -> str:
        if self.best_raw is None:
            return ""
        return f"{self.best_raw:g}/{self.best_max:g}"
