"""Learner progress (and assisted learning) shown on pages of other apps, through their hooks;
and the admin's Teams screens and pickers.

`cms` and `courses` must not import `trainees` (the arrows point the other way). Their pages
are public (the same HTML for everyone), so what is personal on them comes from the JSON call
`/api/me/` (`cms.personal`), which asks these hooks (`tests/test_import_arrows.py` keeps the
arrows).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .choosers import commune_chooser_viewset, team_chooser_viewset, trainer_chooser_viewset
from .learning.services import course_resume_find
from .models import ActivitySummary, AuditEntry, LessonProgress
from .people.viewsets import AuditEntryViewSet, AuditPermissionPolicy
from .training.viewsets import SessionTopicViewSet, TeamViewSet


def _panel(request, course=None):
    if request is None or not request.user.is_authenticated:
        return ""
    where = course_resume_find(user=request.user, course=course)
    if where is None and course is None:
        return ""
    return render_to_string(
        "trainees/includes/continue_learning.html",
        {"where": where, "course": course, "request": request},
        request=request,
    )


@hooks.register("home_page_learner_panel")
def home_continue_learning(request, page):
    return _panel(request)


@hooks.register("course_page_learner_panel")
def course_continue_learning(request, course):
    return _panel(request, course)


def _assisting_banner(request, page):
    """On lesson and course pages: whom a trainer is learning for (assisted learning)."""
    from .learning.services import ASSIST_SESSION_KEY

    data = request.session.get(ASSIST_SESSION_KEY) if request is not None else None
    if not data:
        return ""
    return render_to_string(
        "trainees/includes/assisting_banner.html",
        {"assisting": data, "request": request},
        request=request,
    )


hooks.register("lesson_page_top", _assisting_banner)
hooks.register("course_page_top", _assisting_banner)


@hooks.register("personal_page_data")
def learner_page_data(request, page):
    """For /api/me/: the lessons of a course page the learner completed (translation keys),
    and their best scores in the H5P activities of a lesson page (by package id)."""
    if request is None or not request.user.is_authenticated:
        return {}
    kind = type(page).__name__
    if kind == "CoursePage":
        keys = LessonProgress.objects.filter(
            person__user=request.user,
            course_key=page.translation_key,
            completed_at__isnull=False,
        ).values_list("lesson_key", flat=True)
        return {"completed": [str(key) for key in keys]}
    if kind == "LessonPage":
        packages = {
            block.value["activity"].pk
            for block in page.body
            if block.block_type == "h5p" and block.value.get("activity") is not None
        }
        if not packages:
            return {}
        summaries = ActivitySummary.objects.filter(
            person__user=request.user, package_id__in=packages
        ).select_related("package")
        return {
            "scores": {
                str(s.package_id): _("Your best score: %(score)s") % {"score": s.score_display}
                for s in summaries
                if s.score_display
            }
        }
    return {}


@hooks.register("offline_shell_urls")
def rollcall_shell_urls():
    """For the service worker: the roll call's shell in each language (it holds nothing
    personal; a roll call opened with no signal shows it) and its files."""
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.append(reverse("trainees:rollcall_shell"))
    return [
        *urls,
        static("trainees/trainees.css"),
        static("trainees/rollcall.js"),
        static("trainees/person-fields.js"),
    ]


# Administrators read the audit log; nobody edits it (see AuditPermissionPolicy).
register_permission_policy(AuditEntry, AuditPermissionPolicy(AuditEntry))


@hooks.register("register_admin_viewset")
def register_team_viewsets():
    return [
        TeamViewSet("teams"),
        AuditEntryViewSet("audit_log"),
        SessionTopicViewSet("session_topics"),
        commune_chooser_viewset,
        trainer_chooser_viewset,
        team_chooser_viewset,
    ]


@hooks.register("register_log_actions")
def register_person_log_actions(actions):
    from .people.services import PERSON_MERGE_ACTION

    actions.register_action(
        PERSON_MERGE_ACTION, _("Merge people"), _("Another record of this person merged into it")
    )
