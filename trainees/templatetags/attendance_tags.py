"""`{% assisting_banner %}`: tells a trainer, on lesson pages, whom they are learning for."""

from django import template

from ..attendance_services import ASSIST_SESSION_KEY

register = template.Library()


@register.inclusion_tag("trainees/includes/assisting_banner.html", takes_context=True)
def assisting_banner(context):
    request = context.get("request")
    data = request.session.get(ASSIST_SESSION_KEY) if request is not None else None
    return {"assisting": data, "request": request}
