"""What learners did in H5P activities: raw xAPI statements and one summary per person.

- **ActivityStatement** is one xAPI statement sent by the H5P player (answered, completed,
  passed, failed…), kept as received. Its `statement_id` is the UUID the browser gave it
  when the learner acted, so a statement queued offline and sent again is stored once.
- **ActivitySummary** is what pages and the course-completion rule read: per person and
  package, the best score (raw, max, scaled), whether the activity was completed, and whether
  it was ever passed. Only `trainees.activity` writes it.

Both point at `Person` (progress follows the human, not the login) and at the package
(`courses.H5PPackage`); `lesson_key` says in which lesson the learner played, when known.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import Person, ScopedQuerySet


class ActivityStatement(models.Model):
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
