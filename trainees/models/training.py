"""Teams, training sessions and who attended them.

- **Team**: a youth-union "Digital literacy for all" team or a community digital technology
  team, working in one or more communes; trainers (and commune coordinators) are its
  members. Teams are where a trainer's or commune coordinator's communes come from: being a
  member of a team is what lets them see and record in its communes (`trainees.scoping`).
  `TeamCommune` and `TeamMembership` are the two link tables, edited as lists of chosen
  communes and trainers in the Wagtail admin.
- **SessionTopic**: the fixed list of things a session teaches (smartphone basics, VNeID,
  online public services, online safety, selling online), kept by administrators, so that
  coverage can count people trained on each; free-text topics are not countable.
- **TrainingSession**: one session in a village cultural house — where, when, by whom, on
  what. It is reached through its commune like all operational data; its `uuid` is what
  pages, the sync API and QR codes name it by.
- **Attendance** is the current answer to "was this person at this session?": one row per
  person and session. Marks arrive from phones out of order and more than once, so each mark
  carries the time it was made on the phone and the latest one wins.
- **AttendanceChange** is the raw log behind it: every mark ever received, keyed by the
  phone-made uuid, so a re-sent batch is recognised and a conflict keeps both sides. Reports
  read `Attendance`; `AttendanceChange` is for audit.
- **A phone with a wrong clock**: a mark dated before the session's day or more than a few
  minutes ahead of the server cannot be ordered by its own time. It is kept — with the time
  the server received it — and flagged `clock_suspect`, with the phone's claim in
  `device_time`, so the trainer sees it on the session page and can check it.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .people import Commune, Person, Role, ScopedQuerySet, User, Village


class TeamQuerySet(ScopedQuerySet):
    def for_user(self, user):
        # A team in two visible communes would otherwise come back twice.
        return super().for_user(user).distinct()


# Who may be a team's member: the roles whose communes come from their teams.
TEAM_MEMBER_ROLES = [Role.TRAINER.value, Role.COMMUNE_COORDINATOR.value]


class Team(ClusterableModel):
    class Kind(models.TextChoices):
        YOUTH_UNION = "youth_union", _("Youth-union digital literacy team")
        COMMUNITY = "community", _("Community digital technology team")

    name = models.CharField(pgettext_lazy("team", "name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    communes = models.ManyToManyField(
        Commune, through="TeamCommune", related_name="teams", verbose_name=_("communes")
    )
    members = models.ManyToManyField(
        User,
        through="TeamMembership",
        blank=True,
        related_name="teams",
        verbose_name=_("trainers"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TeamQuerySet.as_manager()
    scope_path = "communes"

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name


class TeamCommune(models.Model):
    """A commune a team works in: its members see and record there."""

    team = ParentalKey(Team, on_delete=models.CASCADE, related_name="commune_links")
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, related_name="+", verbose_name=_("commune")
    )

    class Meta:
        verbose_name = _("commune of a team")
        verbose_name_plural = _("communes of a team")
        constraints = [
            models.UniqueConstraint(fields=["team", "commune"], name="team_commune_once")
        ]

    def __str__(self):
        return str(self.commune)


class TeamMembership(models.Model):
    """A trainer (or commune coordinator) in a team: they work in the team's communes."""

    team = ParentalKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("trainer"),
        limit_choices_to={"role__in": TEAM_MEMBER_ROLES},
    )

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="team_member_once")]

    def __str__(self):
        return str(self.user)


class SessionTopic(models.Model):
    """One entry of the fixed list of topics; administrators edit it in the Wagtail admin."""

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("A short ASCII name used in exports, e.g. vneid."),
    )
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    name_hmn = models.CharField(_("name in H'Mông"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(
        _("offered"), default=True, help_text=_("Unticked topics are no longer offered.")
    )

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("session topic")
        verbose_name_plural = _("session topics")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        from django.utils.translation import get_language

        language = get_language() or ""
        if self.name_en and language.startswith("en"):
            return self.name_en
        if self.name_hmn and language.startswith("hmn"):
            return self.name_hmn
        return self.name


class TrainingSession(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    topic_list = models.ManyToManyField(
        SessionTopic,
        blank=True,
        related_name="sessions",
        verbose_name=_("topics"),
        help_text=_("What the session covers, from the fixed list: this is what is counted."),
    )
    topics = models.CharField(
        _("other topics"),
        max_length=300,
        blank=True,
        help_text=_("Anything else the session covers, in free text (not counted)."),
    )
    courses = models.ManyToManyField(
        "courses.CoursePage",
        blank=True,
        related_name="+",
        verbose_name=_("courses"),
        help_text=_("The micro-courses the session goes through."),
    )
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        related_name="training_sessions",
        verbose_name=_("commune"),
    )
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_sessions",
        verbose_name=_("village"),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_sessions",
        verbose_name=_("team"),
    )
    trainers = models.ManyToManyField(
        User, blank=True, related_name="training_sessions", verbose_name=_("trainers")
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    notes = models.TextField(_("notes"), blank=True)
    checkin_open = models.BooleanField(
        _("QR check-in open"),
        default=True,
        help_text=_("Learners can mark themselves present by scanning the session's QR code."),
    )
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "commune"

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="training_session_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("present")
    LATE = "late", _("late")
    EXCUSED = "excused", _("excused")
    ABSENT = "absent", _("absent")


class AttendanceMethod(models.TextChoices):
    ROLL_CALL = "roll_call", _("roll call")
    QR = "qr", _("QR self check-in")
    IMPORT = "import", _("import")
    SIGN_IN_SHEET = "sign_in_sheet", _("sign-in sheet")


class Attendance(models.Model):
    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=pgettext_lazy("training", "session"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("person")
    )
    status = models.CharField(_("status"), max_length=10, choices=AttendanceStatus.choices)
    method = models.CharField(_("method"), max_length=15, choices=AttendanceMethod.choices)
    recorded_at = models.DateTimeField(_("recorded at"))
    recorded_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    # The AttendanceChange that set the current values; with recorded_at it orders
    # conflicting marks the same way whatever order they arrive in.
    change_uuid = models.UUIDField(editable=False)
    # Database defaults too: raw inserts (the benchmark's baseline) need not name them.
    clock_suspect = models.BooleanField(
        _("phone clock was wrong"),
        default=False,
        db_default=False,
        help_text=_(
            "The mark came from a phone with a wrong clock: it carries the time the "
            "server received it."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "session__commune"

    class Meta:
        ordering = ["session", "person__full_name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="attendance_one_per_person_and_session"
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.session} · {self.get_status_display()}"


class AttendanceChange(models.Model):
    """One mark as it was received: the audit trail behind `Attendance`."""

    uuid = models.UUIDField(unique=True, editable=False)
    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=pgettext_lazy("training", "session"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    status = models.CharField(_("status"), max_length=10, choices=AttendanceStatus.choices)
    method = models.CharField(_("method"), max_length=15, choices=AttendanceMethod.choices)
    recorded_at = models.DateTimeField(_("recorded at"))
    recorded_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    received_at = models.DateTimeField(_("received at"))
    clock_suspect = models.BooleanField(_("phone clock was wrong"), default=False, db_default=False)
    # What the phone said when its clock could not be believed, as it said it (it may not
    # even be a date the database can store, e.g. year 1 with a time zone).
    device_time = models.CharField(
        _("time on the phone"), max_length=40, blank=True, default="", db_default=""
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "session__commune"

    class Meta:
        ordering = ["recorded_at"]
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")
        indexes = [models.Index(fields=["session", "person"], name="attendance_change_lookup")]

    def __str__(self):
        return f"{self.person_id} · {self.status} · {self.recorded_at:%Y-%m-%d %H:%M:%S}"
