"""Pages about places: the communes a user works in and their villages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..models import Commune
from ..permissions import user_can_add_villages
from ..scoping import get_scoped_object_or_404
from . import services
from .forms import VillageForm


@login_required
def commune_list(request):
    communes = (
        Commune.objects.for_user(request.user)
        .select_related("province")
        .annotate(village_count=Count("villages"))
        .order_by("province__name", "name")
    )
    has_any = communes.exists()
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
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
