from django import template

from trainees.models import CourseProgress

register = template.Library()


@register.simple_tag(takes_context=True)
def course_completed_at(context, course):
    """When the signed-in learner completed `course`, or None."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return (
        CourseProgress.objects.completed()
        .filter(person__user=request.user, course_key=course.translation_key)
        .values_list("completed_at", flat=True)
        .first()
    )
