"""Learner progress (and assisted learning) shown on pages of other apps, through their hooks.

`cms` and `courses` must not import `trainees` (the arrows point the other way), so their
templates call `{% render_hooks "…" page %}` and we register what goes there.
"""

from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from .learning.services import course_resume_find
from .models import Team


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


class TeamViewSet(ModelViewSet):
    """Administrators set up teams (their communes and trainers) in the Wagtail admin."""

    model = Team
    icon = "group"
    menu_label = _("Teams")
    add_to_admin_menu = True
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        # 3,321 communes: a plain multiple select, not thousands of checkboxes.
        FieldPanel("communes", widget=forms.SelectMultiple(attrs={"size": 12})),
        FieldPanel("members", widget=forms.SelectMultiple(attrs={"size": 8})),
    ]


@hooks.register("register_admin_viewset")
def register_team_viewset():
    return TeamViewSet("teams")


@hooks.register("register_log_actions")
def register_person_log_actions(actions):
    from .people.services import PERSON_MERGE_ACTION

    actions.register_action(
        PERSON_MERGE_ACTION, _("Merge people"), _("Another record of this person merged into it")
    )
