"""Administrators import targets, populations and households, and boundaries from files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from . import imports, permissions
from .forms import ImportForm

IMPORTS = {
    "targets": gettext_lazy("Import targets"),
    "figures": gettext_lazy("Import population and households"),
    "boundaries": gettext_lazy("Import commune boundaries (GeoJSON)"),
}


@never_cache
@login_required
def import_file(request, what):
    if what not in IMPORTS or not permissions.user_can_manage_targets(request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if what == "boundaries":
                count = imports.boundaries_import(data=upload.read(imports.MAX_BYTES + 1))
            else:
                rows = imports.read_rows(upload)
                service = (
                    imports.targets_import if what == "targets" else imports.commune_figures_import
                )
                count = service(rows=rows)
        except imports.ImportRefused as exc:
            errors = [str(e) for e in exc.errors]
        else:
            messages.success(request, _("%(count)s rows imported.") % {"count": count})
            return redirect("coverage:import", what=what)
    return render(
        request,
        "coverage/import.html",
        {"form": form, "errors": errors, "what": what, "title": IMPORTS[what], "imports": IMPORTS},
    )
