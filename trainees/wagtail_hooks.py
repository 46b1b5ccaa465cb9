"""Learner progress (and assisted learning) shown on pages of other apps, through their hooks;
and the admin's Teams screens and pickers.

`cms` and `courses` must not import `trainees` (the arrows point the other way), so their
templates call `{% render_hooks "…" page %}` and we register what goes there
(`tests/test_import_arrows.py` keeps the arrows).
"""

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .choosers import commune_chooser_viewset, team_chooser_viewset, trainer_chooser_viewset
from .learning.services import course_resume_find
from .models import ActivitySummary, AuditEntry
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


@hooks.register("h5p_activity_best_score")
def h5p_best_score(request, package):
    """Under an H5P activity: the signed-in learner's best score."""
    if request is None or package is None or not request.user.is_authenticated:
        return ""
    summary = ActivitySummary.objects.filter(person__user=request.user, package=package).first()
    if summary is None or not summary.score_display:
        return ""
    return escape(_("Your best score: %(score)s") % {"score": summary.score_display})


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
