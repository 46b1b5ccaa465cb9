"""People in the campaign, where they live, and what they may see.

- **Administrative units.** Since July 2025 Viet Nam has two tiers of local government:
  34 `Province`s and 3,321 `Commune`s (communes, wards and special zones), loaded from the
  `vietnam-provinces` package and keyed by their official codes. `Village`s (thôn, bản,
  tổ dân phố) sit under a commune; no national list exists, so coordinators add them.
- **Person** is a human being in the campaign: a villager registered on paper by a trainer,
  or a learner who signed up on a phone. Progress, attendance and certificates point at the
  person, never at the account, so one human stays one record when they later get an account.
- **User** is an optional login for a person, identified by a phone number. Its `role` says
  what the user does; a province coordinator is scoped to a province, and a trainer or
  commune coordinator to the communes of their teams; `trainees.scoping` turns that scope
  into querysets that every operational view goes through.
- **Teams, training sessions and attendance** (`training.py`): trainers plan sessions and
  take the roll, on paper, on a phone with no signal or by QR self check-in.
- **Learning** (`learning.py`): raw quiz answers, lesson events and H5P xAPI statements, and
  the per-person lesson, course and activity summaries built from them.

The code that works on them is in three rooms, by data lifecycle (after Kolibri):
`trainees.people`, `trainees.training` and `trainees.learning`, each with its services,
views and urls. Who may do what is in `trainees.permissions`; what a user may see, in
`trainees.scoping`.
"""

from .learning import (
    ActivityStatement,
    ActivitySummary,
    CourseProgress,
    LessonEvent,
    LessonProgress,
    QuizAnswer,
)
from .people import (
    Commune,
    Ethnicity,
    LoginThrottle,
    Person,
    Province,
    Role,
    ScopedQuerySet,
    User,
    UserManager,
    Village,
    normalise_name,
)
from .privacy import AuditEntry
from .training import (
    Attendance,
    AttendanceChange,
    AttendanceMethod,
    AttendanceStatus,
    SessionTopic,
    Team,
    TeamCommune,
    TeamMembership,
    TrainingSession,
)

__all__ = [
    "ActivityStatement",
    "AuditEntry",
    "ActivitySummary",
    "Attendance",
    "AttendanceChange",
    "AttendanceMethod",
    "AttendanceStatus",
    "Commune",
    "CourseProgress",
    "Ethnicity",
    "LoginThrottle",
    "LessonEvent",
    "LessonProgress",
    "QuizAnswer",
    "Person",
    "Province",
    "Role",
    "ScopedQuerySet",
    "SessionTopic",
    "User",
    "UserManager",
    "Team",
    "TeamCommune",
    "TeamMembership",
    "TrainingSession",
    "Village",
    "normalise_name",
]
