"""Pages about people and places: sign-up, the communes a user works in and their villages,
and the likely duplicates a trainer checks and merges."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms.ratelimit import client_address
from cms.validators import text_problem

from ..models import Attendance, Commune, LessonProgress, Person, normalise_name
from ..permissions import (
    user_can_add_villages,
    user_can_answer_privacy_requests,
    user_can_manage_personal_data,
    user_can_merge_people,
    user_can_record,
)
from ..scoping import get_scoped_object_or_404
from . import privacy, services
from .forms import CommuneSearchForm, ErasureForm, PersonSearchForm, SignUpForm, VillageForm
from .phone import format_phone_national


@login_required
def commune_list(request):
    communes = (
        Commune.objects.for_user(request.user)
        .select_related("province")
        .annotate(village_count=Count("villages"))
        .order_by("province__name", "name")
    )
    has_any = communes.exists()
    query = request.GET.get("q", "").strip()[:100]
    problem = text_problem(query)
    if problem:
        messages.error(request, problem)
        query = ""
    if query:
        communes = communes.search(query)
    return render(
        request,
        "trainees/commune_list.html",
        {
            "communes": communes[:200],
            "query": query,
            "total": communes.count(),
            "has_any": has_any,
            "privacy_requests": user_can_answer_privacy_requests(request.user),
        },
    )


@login_required
def commune_detail(request, code):
    commune = get_scoped_object_or_404(
        Commune.objects.select_related("province"), request.user, code=code
    )
    can_add = user_can_add_villages(request.user, commune)
    form = VillageForm(request.POST or None) if can_add else None
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied
        if form.is_valid():
            try:
                village = services.village_add(
                    by=request.user, commune=commune, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error("name", exc)
            else:
                messages.success(request, _("Village %(name)s added.") % {"name": village.name})
                return redirect("trainees:commune_detail", code=commune.code)
    return render(
        request,
        "trainees/commune_detail.html",
        {"commune": commune, "villages": commune.villages.all(), "form": form},
    )


# --- Sign-up -------------------------------------------------------------------------------

SIGN_UP_MATCHES = 20


@never_cache
def sign_up(request):
    """A learner makes their own account, in two steps that work without JavaScript:

    1. find their commune by name, accents optional ("y ty" finds "Xã Y Tý — Lào Cai"; 241
       commune names occur in more than one province, so the province is always shown);
    2. their name, phone number, password, and village if they know it.

    The new person belongs to that commune, so their learning counts where they live and
    the commune's trainers see them.
    """
    if request.user.is_authenticated:
        return redirect("home")
    commune = None
    code = (request.GET.get("commune") or request.POST.get("commune") or "")[:5]
    if code:
        # Only digits are looked up: PostgreSQL refuses a NUL byte in a query's text.
        found = Commune.objects.select_related("province").filter(code=code)
        commune = found.first() if code.isascii() and code.isdigit() else None
        if commune is None:
            messages.error(request, _("No commune has this code. Find yours by its name."))
    if commune is None:
        search = CommuneSearchForm(request.GET if "q" in request.GET else None)
        matches = None
        if search.is_valid():
            found = Commune.objects.search(search.cleaned_data["q"]).select_related("province")
            matches = list(found.order_by("province__name", "name")[:SIGN_UP_MATCHES])
        return render(request, "trainees/sign_up.html", {"search": search, "matches": matches})
    form = SignUpForm(request.POST or None, commune=commune)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, person = services.learner_sign_up(
                phone=data["phone"],
                password=data["password"],
                commune=commune,
                values={
                    "full_name": data["full_name"],
                    "village": data["village"],
                    "consent": data["consent"],
                },
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            login(request, user, backend="trainees.people.backends.PhoneNumberBackend")
            messages.success(
                request, _("Welcome, %(name)s! Your account is ready.") % {"name": person.full_name}
            )
            return redirect("home")
    return render(request, "trainees/sign_up.html", {"form": form, "commune": commune})


# --- Likely duplicates: check, merge or dismiss ---------------------------------------------


def _flagged(user):
    return (
        Person.objects.flagged_for(user)
        .select_related("village", "commune", "possible_duplicate_of__village")
        .order_by("-created_at")
    )


def _record_facts(person):
    """What a trainer compares to decide whether two records are one human."""
    return {
        "person": person,
        "phone": format_phone_national(person.phone) if person.phone else "",
        "has_account": person.user_id is not None,
        "sessions": Attendance.objects.filter(person=person).count(),
        "lessons": LessonProgress.objects.filter(person=person).count(),
    }


@login_required
def duplicate_list(request):
    if not user_can_record(request.user):
        raise PermissionDenied
    flagged = _flagged(request.user)
    return render(request, "trainees/duplicate_list.html", {"flagged": flagged[:200]})


@login_required
def duplicate_detail(request, pk):
    """Both records side by side; the trainer keeps one (the other is merged into it), or
    says they are different people."""
    if not user_can_record(request.user):
        raise PermissionDenied
    person = get_object_or_404(_flagged(request.user), pk=pk)
    other = person.possible_duplicate_of
    if not user_can_merge_people(request.user, person, other):
        raise PermissionDenied
    if request.method == "POST":
        try:
            if request.POST.get("action") == "dismiss":
                services.person_duplicate_dismiss(by=request.user, person=person)
                messages.success(request, _("Marked as different people."))
            else:
                keep = request.POST.get("keep")
                if keep not in (str(person.pk), str(other.pk)):
                    raise ValidationError(_("Choose the record to keep."))
                kept, merged = (person, other) if keep == str(person.pk) else (other, person)
                services.person_merge(by=request.user, kept=kept, merged=merged)
                messages.success(request, _("Merged into %(name)s.") % {"name": kept.full_name})
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("trainees:duplicate_detail", pk=person.pk)
        return redirect("trainees:duplicate_list")
    return render(
        request,
        "trainees/duplicate_detail.html",
        # The record that was there first is kept unless the trainer says otherwise.
        {"records": [_record_facts(other), _record_facts(person)], "default_keep": other.pk},
    )


# --- A person's data on request (export, erasure) --------------------------------------------

PRIVACY_MATCHES = 20


def _personal_data_person(request, person_id):
    person = get_scoped_object_or_404(
        Person.objects.select_related("commune__province", "village", "user"),
        request.user,
        pk=person_id,
    )
    if not user_can_manage_personal_data(request.user, person):
        raise PermissionDenied
    return person


@login_required
@never_cache
def privacy_requests(request):
    """Find the person who asked for their data or its erasure (coordinators)."""
    if not user_can_answer_privacy_requests(request.user):
        raise PermissionDenied
    form = PersonSearchForm(request.GET if "q" in request.GET else None)
    matches = None
    if form.is_valid():
        matches = list(
            Person.objects.for_user(request.user)
            .filter(
                erased_at__isnull=True, name_key__contains=normalise_name(form.cleaned_data["q"])
            )
            .select_related("commune", "village")
            .order_by("full_name")[:PRIVACY_MATCHES]
        )
    return render(request, "trainees/privacy_requests.html", {"form": form, "matches": matches})


@login_required
@never_cache
def person_privacy(request, person_id):
    """One person's data: download it, or erase it (with the reason)."""
    person = _personal_data_person(request, person_id)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            privacy.person_erase(
                by=request.user,
                person=person,
                reason=form.cleaned_data["reason"],
                address=client_address(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The person's data was erased; their certificates were revoked."),
            )
            return redirect("trainees:privacy_requests")
    return render(request, "trainees/person_privacy.html", {"person": person, "form": form})


@login_required
@never_cache
def person_data(request, person_id):
    """The person's data as a JSON file (recorded in the audit log)."""
    person = _personal_data_person(request, person_id)
    data = privacy.person_data_export(
        by=request.user, person=person, address=client_address(request)
    )
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response
