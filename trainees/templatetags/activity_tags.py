"""A learner's H5P results in content templates (courses may not import trainees)."""

from django import template

from ..models import ActivitySummary

register = template.Library()


@register.simple_tag(takes_context=True)
def h5p_best_score(context, package):
    """The signed-in learner's summary for `package`, or None."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if package is None or user is None or not user.is_authenticated:
        return None
    return ActivitySummary.objects.filter(person__user=user, package=package).first()
