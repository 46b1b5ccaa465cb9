"""Learner progress shown on pages of other apps, through the hooks those pages render.

`cms` and `courses` must not import `trainees` (the arrows point the other way), so their
templates call `{% render_hooks "…" page %}` and we register what goes there.
"""

from django.template.loader import render_to_string
from wagtail import hooks

from .progress import course_resume_find


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
