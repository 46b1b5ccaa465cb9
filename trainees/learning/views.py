"""Learners' pages and endpoints: progress, H5P results, assisted learning. Thin: services work.

The progress endpoints (JSON for the script, forms without it) answer in the learner's
language — the `lang` the page sends; they sit outside the language prefix because the
service worker replays them from any page.
"""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cms.validators import json_loads
from courses.models import CourseIndexPage, LessonPage
from courses.permissions import LessonAccess

from ..models import ActivitySummary
from ..permissions import user_can_record
from ..training.services import training_session_roster
from ..training.views import get_session
from .services import (
    ASSIST_SESSION_KEY,
    activity_statement_record,
    assist_start,
    assisted_person,
    progress_events_apply,
)

MAX_EVENTS = 200


def _language(lang):
    """Answer in the language of the page that sent the data (these URLs have no prefix)."""
    if lang not in dict(settings.LANGUAGES):
        lang = translation.get_language()
    return translation.override(lang)


def _assisting(request):
    """(person, assisted_by): the person a trainer is helping right now, or (None, None)."""
    person = assisted_person(user=request.user, data=request.session.get(ASSIST_SESSION_KEY))
    return person, (request.user if person else None)


def _apply(request, events):
    """Record for the signed-in learner, or for the person a trainer is helping."""
    person, assisted_by = _assisting(request)
    return progress_events_apply(
        access=LessonAccess(request),
        events=events,
        person=person,
        assisted_by=assisted_by,
    )


@require_POST
def events(request):
    """Apply a batch of events: {"lang": "vi", "events": [{uuid, type, lesson, …}, …]}."""
    try:
        payload = json_loads(request.body or b"{}")
    except (ValueError, RequestDataTooBig):
        payload = None
    if not isinstance(payload, dict):
        return JsonResponse({"error": _("The data sent was not readable.")}, status=400)
    with _language(payload.get("lang")):
        batch = payload.get("events")
        if not isinstance(batch, list) or len(batch) > MAX_EVENTS:
            return JsonResponse({"error": _("The data sent was not readable.")}, status=400)
        results = _apply(request, batch)
    body = {
        "authenticated": request.user.is_authenticated,
        "results": [r.__dict__ for r in results],
    }
    status = 400 if len(results) == 1 and not results[0].ok else 200
    return JsonResponse(body, status=status)


def _back_url(request, value):
    if not url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return f"/{translation.get_language()}/"
    return value


# --- The lesson without JavaScript ------------------------------------------------------
# A lesson page is public (the same HTML for everyone, docs/architecture.md), so its forms
# carry no CSRF token and no per-visit id. Without JavaScript they GET one of the two
# private pages below, which hold the learner's own token and a fresh id; its button posts
# to the endpoints after them, which answer with a private result page.


def _visible_lesson(request, value) -> LessonPage:
    lesson = LessonPage.objects.live().filter(pk=_int(value)).first()
    if lesson is None or not LessonAccess(request).can_view(lesson):
        raise Http404
    return lesson


@never_cache
def quiz_answer(request):
    """GET from a lesson's quiz without JavaScript: the question again, the learner's choices
    ticked, and the button that checks (and records) them."""
    lesson = _visible_lesson(request, request.GET.get("lesson"))
    block = lesson.scored_block(request.GET.get("block", ""))
    if block is None or block.block_type != "quiz":
        raise Http404
    chosen = set(request.GET.getlist("choice"))
    context = block.block.get_context(block.value)
    options = [
        {**option, "checked": str(option["index"]) in chosen}
        for option in context["public_options"]
    ]
    return render(
        request,
        "trainees/lesson_answer.html",
        {
            "lesson": lesson,
            "block_id": block.id,
            "question": block.value["question"],
            "options": options,
            "input_type": context["input_type"],
            "uuid": uuid.uuid4(),
        },
    )


@never_cache
def lesson_complete(request):
    """GET from "I finished this lesson" without JavaScript: the button that records it."""
    lesson = _visible_lesson(request, request.GET.get("lesson"))
    return render(
        request, "trainees/lesson_complete.html", {"lesson": lesson, "uuid": uuid.uuid4()}
    )


def _result(request, *, lesson_id, text, ok, anchor=""):
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    back = request.POST.get("next", "")
    if back or lesson is None:
        back = _back_url(request, back) + anchor
    return render(
        request,
        "trainees/lesson_result.html",
        {"text": text, "ok": ok, "back": back, "anchor": anchor, "lesson": lesson},
        status=200 if ok else 400,
    )


@require_POST
@never_cache
def answer_form(request):
    """The quiz without JavaScript: check (and record) one answer; say if it was right."""
    with _language(request.POST.get("lang")):
        return _answer_form(request)


def _answer_form(request):
    event = {
        "uuid": request.POST.get("uuid") or str(uuid.uuid4()),
        "type": "answer",
        "lesson": _int(request.POST.get("lesson")),
        "block": request.POST.get("block", ""),
        "choices": request.POST.getlist("choice"),
        "preview": request.POST.get("preview") == "1",
    }
    (result,) = _apply(request, [event])
    if not result.ok:
        text = result.error
    else:
        verdict = _("Right!") if result.correct else _("Not quite. Read again and try once more.")
        text = " ".join([verdict, *result.feedback])
        if not request.user.is_authenticated:
            text += " " + _("Log in to keep your progress.")
    return _result(
        request,
        lesson_id=event["lesson"],
        text=text,
        ok=result.ok,
        anchor=f"#b-{event['block']}",
    )


@require_POST
@never_cache
def complete_form(request):
    """'I finished this lesson' without JavaScript."""
    with _language(request.POST.get("lang")):
        return _complete_form(request)


def _complete_form(request):
    lesson_id = _int(request.POST.get("lesson"))
    if not request.user.is_authenticated:
        return _result(
            request, lesson_id=lesson_id, text=_("Log in to keep your progress."), ok=True
        )
    event = {
        "uuid": request.POST.get("uuid") or str(uuid.uuid4()),
        "type": "completed",
        "lesson": lesson_id,
    }
    (result,) = _apply(request, [event])
    text = _("Lesson completed. Well done!") if result.ok else result.error
    if result.ok and result.course_completed:
        text += " " + _("Course completed. Congratulations!")
    return _result(request, lesson_id=lesson_id, text=text, ok=result.ok)


def _int(value):
    """A page or person id as typed in a form, or None: never a number no database column
    holds (a query with one would fail instead of finding nothing)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


# --- H5P results -------------------------------------------------------------------------

MAX_BODY = 128 * 1024


@require_POST
def xapi_statements(request):
    """POST {"statement": {...}} (CSRF-protected). 200 stored or already stored; 422 refused
    for good (the player drops it); 403 not signed in (the player keeps it for later)."""
    if not request.user.is_authenticated:
        return JsonResponse({"ok": False, "error": "login"}, status=403)
    try:
        too_large = len(request.body) > MAX_BODY
    except RequestDataTooBig:
        too_large = True
    if too_large:
        return JsonResponse({"ok": False, "error": _("The data sent is too large.")}, status=413)
    person, assisted_by = _assisting(request)
    try:
        payload = json_loads(request.body)
        result = activity_statement_record(
            access=LessonAccess(request),
            statement=payload.get("statement") if isinstance(payload, dict) else None,
            person=person,
            assisted_by=assisted_by,
        )
    except ValueError as exc:  # an unreadable body: json_loads says so in the learner's words
        return JsonResponse({"ok": False, "error": str(exc)}, status=422)
    except (ValidationError, PermissionDenied) as exc:
        messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
        return JsonResponse({"ok": False, "error": " ".join(messages)}, status=422)
    return JsonResponse(result.as_json())


@login_required
def activity_results(request):
    summaries = (
        ActivitySummary.objects.filter(person__user=request.user)
        .select_related("package")
        .order_by("-updated_at")
    )
    return render(request, "trainees/activity_results.html", {"summaries": summaries})


# --- Assisted learning ---------------------------------------------------------------------


def _course_index_url(request) -> str:
    language = translation.get_language()
    index = (
        CourseIndexPage.objects.live().filter(locale__language_code=language).first()
        or CourseIndexPage.objects.live().first()
    )
    return index.get_url(request) if index else f"/{language}/"


@login_required
def session_assist(request, session_uuid):
    """Pick a person without a phone; the lessons opened next are recorded to them."""
    if not user_can_record(request.user):
        raise PermissionDenied
    session = get_session(request, session_uuid)
    people = training_session_roster(session=session, user=request.user).select_related("village")
    if request.method == "POST":
        # Somebody not on this session's list (or not a number at all) is not found.
        person = get_object_or_404(people, pk=_int(request.POST.get("person")))
        request.session[ASSIST_SESSION_KEY] = assist_start(by=request.user, person=person)
        return redirect(_course_index_url(request))
    return render(request, "trainees/session_assist.html", {"session": session, "people": people})


@login_required
def assist_stop(request):
    if request.method == "POST":
        request.session.pop(ASSIST_SESSION_KEY, None)
        messages.success(request, _("You are learning for yourself again."))
    return redirect("trainees:session_list")
