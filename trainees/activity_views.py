"""The xAPI endpoint for the H5P player, and the learner's own list of H5P results."""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from .activity import activity_statement_record
from .models import ActivitySummary

MAX_BODY = 128 * 1024


@require_POST
def xapi_statements(request):
    """POST {"statement": {...}} (CSRF-protected). 200 stored or already stored; 422 refused
    for good (the player drops it); 403 not signed in (the player keeps it for later)."""
    if not request.user.is_authenticated:
        return JsonResponse({"ok": False, "error": "login"}, status=403)
    if len(request.body) > MAX_BODY:
        return JsonResponse({"ok": False, "error": "too large"}, status=413)
    try:
        payload = json.loads(request.body)
        result = activity_statement_record(
            user=request.user,
            statement=payload.get("statement") if isinstance(payload, dict) else None,
        )
    except ValueError:
        return JsonResponse({"ok": False, "error": "invalid JSON"}, status=422)
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
