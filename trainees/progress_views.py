"""Endpoints the lesson pages send progress to: JSON for the script, forms without it.

Both are thin: they parse, call `trainees.progress`, and answer in the learner's language
(the `lang` the page sends; these URLs sit outside the language prefix because the service
worker replays them from any page).
"""

import json
import uuid

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .progress import progress_events_apply

MAX_EVENTS = 200


def _language(lang):
    """Answer in the language of the page that sent the data (these URLs have no prefix)."""
    if lang not in dict(settings.LANGUAGES):
        lang = translation.get_language()
    return translation.override(lang)


@require_POST
def events(request):
    """Apply a batch of events: {"lang": "vi", "events": [{uuid, type, lesson, …}, …]}."""
    try:
        payload = json.loads(request.body or b"{}")
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        return JsonResponse({"error": _("The data sent was not readable.")}, status=400)
    with _language(payload.get("lang")):
        batch = payload.get("events")
        if not isinstance(batch, list) or len(batch) > MAX_EVENTS:
            return JsonResponse({"error": _("The data sent was not readable.")}, status=400)
        results = progress_events_apply(user=request.user, events=batch)
    body = {
        "authenticated": request.user.is_authenticated,
        "results": [r.__dict__ for r in results],
    }
    status = 400 if len(results) == 1 and not results[0].ok else 200
    return JsonResponse(body, status=status)


def _back(request, anchor=""):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"/{translation.get_language()}/"
    return HttpResponseRedirect(target + anchor)


@require_POST
def answer_form(request):
    """The quiz without JavaScript: check (and record) one answer, then go back."""
    with _language(request.POST.get("lang")):
        return _answer_form(request)


def _answer_form(request):
    event = {
        "uuid": request.POST.get("uuid") or str(uuid.uuid4()),
        "type": "answer",
        "lesson": _int(request.POST.get("lesson")),
        "block": request.POST.get("block", ""),
        "choices": request.POST.getlist("choice"),
    }
    (result,) = progress_events_apply(user=request.user, events=[event])
    if not result.ok:
        messages.error(request, result.error)
    else:
        verdict = _("Right!") if result.correct else _("Not quite. Read again and try once more.")
        messages.success(request, " ".join([verdict, *result.feedback]))
    return _back(request, f"#b-{event['block']}")


@require_POST
def complete_form(request):
    """'I finished this lesson' without JavaScript."""
    with _language(request.POST.get("lang")):
        return _complete_form(request)


def _complete_form(request):
    if not request.user.is_authenticated:
        messages.info(request, _("Log in to keep your progress."))
        return _back(request)
    event = {
        "uuid": request.POST.get("uuid") or str(uuid.uuid4()),
        "type": "completed",
        "lesson": _int(request.POST.get("lesson")),
    }
    (result,) = progress_events_apply(user=request.user, events=[event])
    if result.ok:
        messages.success(request, _("Lesson completed. Well done!"))
    else:
        messages.error(request, result.error)
    return _back(request)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
