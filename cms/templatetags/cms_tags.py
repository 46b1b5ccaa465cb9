from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html_join
from wagtail.models import Page

from cms.kept import translation_urls

register = template.Library()


@register.inclusion_tag("cms/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the page in each language; the same page, never the home page.

    For a Wagtail page we link its translation when there is one. Otherwise we swap the
    language prefix, and the page is shown in Vietnamese with a notice (see courses).
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk and request is not None:
        translations = translation_urls(request, page)
    links = []
    for code, _name in settings.LANGUAGES:
        url = translations.get(code)
        if url is None:
            url = translate_url(request.get_full_path() if request else "/", code)
        links.append(
            {
                "code": code,
                "name": settings.LANGUAGE_NAMES_LOCAL[code],
                "url": url,
                "current": code == current,
            }
        )
    return {"links": links}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page of the current language."""
    code = translation.get_language()
    return f"/{code}/" if code in dict(settings.LANGUAGES) else "/"


@register.simple_tag(takes_context=True)
def render_hooks(context, hook_name, obj=None):
    """Panels that other apps add to a page through a Wagtail hook.

    Each function registered for `hook_name` takes (request, obj) and returns HTML or "".
    This lets the app that owns the data (e.g. `trainees`, for a learner's progress) fill
    a place on a page without the page's app importing it. What a hook returns is escaped
    unless it is already safe (a rendered template, `format_html`): a hook that returns a
    plain string with a learner's name in it cannot inject markup.
    """
    from wagtail import hooks

    request = context.get("request")
    parts = [fn(request, obj) for fn in hooks.get_hooks(hook_name)]
    return format_html_join("", "{}", ((part,) for part in parts if part))
