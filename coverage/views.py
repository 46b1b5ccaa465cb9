"""The coverage dashboard: nation → province → commune. Private pages; counts only.

Thin: the table comes from `coverage.tables`, scope from `coverage.permissions`, figures
from the summaries (`coverage.services`). Every page reads a fixed number of queries,
whatever the number of people or marks behind it.
"""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from trainees.models import AttendanceStatus, Commune, Province, TrainingSession, User, Village

from . import permissions, reports, tasks
from .charts import commune_map
from .forms import DashboardForm
from .models import Boundary, Report
from .periods import Colour, expected_fraction
from .services import villages_people_trained
from .tables import Table, commune_table, table_csv, table_xlsx, total_row


def _options(request, today):
    """The page's form (drawn again on the page) and what it chose."""
    form = DashboardForm(request.GET)
    options = form.options(today)
    options["form"] = form
    return options


def _table_kwargs(options):
    return {k: options[k] for k in ("period", "colour_by", "kind", "colour", "query", "sort")} | {
        "descending": options["descending"],
        "columns": options["form"].columns,
    }


def _query_string(request, **changes) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@never_cache
@login_required
def home(request):
    """Each coordinator lands on the widest view they may see."""
    user = request.user
    if permissions.user_can_see_nation(user):
        return redirect("coverage:nation")
    provinces = permissions.provinces_for(user)
    if provinces.exists():
        return redirect("coverage:province", code=provinces.first().code)
    communes = permissions.communes_for(user)
    if communes.count() == 1:
        return redirect("coverage:commune", code=communes.first().code)
    if not permissions.user_can_see_dashboard(user):
        raise Http404
    return render(request, "coverage/home.html", {"communes": communes.order_by("name")})


@never_cache
@login_required
def nation(request):
    if not permissions.user_can_see_nation(request.user):
        raise Http404
    today = timezone.localdate()
    options = _options(request, today)
    base = commune_table(communes=Commune.objects.all(), today=today, **_table_kwargs(options))
    fraction = expected_fraction(options["period"], today)
    provinces = list(Province.objects.values_list("pk", "code", "name"))
    rows = []
    for pk, code, name in provinces:
        part = Table(
            base.period,
            today,
            base.columns,
            [r for r in base.rows if r.province_id == pk],
            base.colour_by,
            legends=base.legends,
        )
        row = total_row(part, fraction, name=name)
        row.code, row.pk = code, pk
        rows.append(row)
    table = Table(base.period, today, base.columns, rows, base.colour_by, legends=base.legends)
    table.total = total_row(table, fraction)
    return render(
        request,
        "coverage/nation.html",
        {"table": table, "form": options["form"], "options": options},
    )


def _province_table(request, code):
    province = permissions.province_or_404(request.user, code)
    today = timezone.localdate()
    options = _options(request, today)
    table = commune_table(
        communes=Commune.objects.filter(province=province), today=today, **_table_kwargs(options)
    )
    return province, options, table


@never_cache
@login_required
def province(request, code):
    province, options, table = _province_table(request, code)
    period = options["period"]
    commune_ids = [r.pk for r in table.rows]
    boundaries = dict(
        Boundary.objects.filter(commune__province=province).values_list("commune_id", "rings")
    )
    map_svg = commune_map(
        boundaries,
        table.rows,
        lambda row: reverse("coverage:commune", args=[row.code]) + "?" + _query_string(request),
    )
    return render(
        request,
        "coverage/province.html",
        {
            "province": province,
            "table": table,
            "form": options["form"],
            "options": options,
            "chart": reports.chart_for(
                commune_ids, period, table.today, _("People trained per week")
            ),
            "map": map_svg,
            "colours": [
                (c, Colour.LABELS[c], Colour.SYMBOLS[c], table.counts.get(c, 0)) for c in Colour.ALL
            ],
            "query_string": _query_string(request),
            "reports": Report.objects.filter(province=province, kind=Report.Kind.WEEKLY)[:8],
            "can_manage": permissions.user_can_manage_targets(request.user),
        },
    )


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
def province_export(request, code, fmt):
    province, options, table = _province_table(request, code)
    stem = f"do-phu-{province.codename}-{options['period'].start:%Y%m%d}"
    if fmt == "csv":
        return _download(table_csv(table), reports.CONTENT_TYPES["csv"], f"{stem}.csv")
    if fmt == "xlsx":
        content = table_xlsx(table, title=province.name)
        return _download(content, reports.CONTENT_TYPES["xlsx"], f"{stem}.xlsx")
    if fmt == "pdf":
        content = reports.table_pdf(
            table=table,
            title=_("Coverage of %(province)s") % {"province": province.name},
            subtitle=_("%(period)s, as of %(day)s")
            % {"period": options["period"].label, "day": table.today.strftime("%d/%m/%Y")},
            chart=reports.chart_for(
                [r.pk for r in table.rows],
                options["period"],
                table.today,
                _("People trained per week"),
            ),
        )
        return _download(content, reports.CONTENT_TYPES["pdf"], f"{stem}.pdf")
    raise Http404


@never_cache
@login_required
@require_POST
def export_request(request, code):
    province = permissions.province_or_404(request.user, code)
    fmt = request.POST.get("format", "")
    if fmt not in Report.Format.values:
        fmt = Report.Format.XLSX
    options = _options(request, timezone.localdate())
    report = reports.export_request(by=request.user, province=province, fmt=fmt, options=options)
    tasks.report_build.delay_on_commit(report.pk)
    return redirect("coverage:report", report_uuid=report.uuid)


def _report_or_404(request, report_uuid) -> Report:
    return get_object_or_404(
        Report.objects.select_related("province").filter(
            province__in=permissions.provinces_for(request.user)
        ),
        uuid=report_uuid,
    )


@never_cache
@login_required
def report(request, report_uuid):
    report = _report_or_404(request, report_uuid)
    return render(request, "coverage/report.html", {"report": report})


@never_cache
@login_required
def report_status(request, report_uuid):
    report = _report_or_404(request, report_uuid)
    return JsonResponse(
        {
            "status": report.status,
            "status_label": report.get_status_display(),
            "progress": report.progress,
            "download": reverse("coverage:report_download", args=[report.uuid])
            if report.status == Report.Status.READY
            else None,
        }
    )


@never_cache
@login_required
def report_download(request, report_uuid):
    report = _report_or_404(request, report_uuid)
    if report.status != Report.Status.READY or not report.file:
        raise Http404
    return FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=report.file.name.rsplit("/", 1)[-1],
        content_type=reports.CONTENT_TYPES[report.format],
    )


@never_cache
@login_required
def commune(request, code):
    commune = permissions.commune_or_404(request.user, code)
    today = timezone.localdate()
    options = _options(request, today)
    period = options["period"]
    table = commune_table(
        communes=Commune.objects.filter(pk=commune.pk),
        today=today,
        period=period,
        colour_by=options["colour_by"],
        columns=options["form"].columns,
    )
    row = table.rows[0]
    villages = list(Village.objects.filter(commune=commune).values_list("pk", "name"))
    by_village = villages_people_trained(commune.pk, period)
    village_rows = [
        (name, by_village.get(pk, {}).get("people", 0), by_village.get(pk, {}).get("households", 0))
        for pk, name in villages
    ]
    if None in by_village:
        village_rows.append(
            (_("No village recorded"), by_village[None]["people"], by_village[None]["households"])
        )
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    in_period = Q(starts_at__gte=start, starts_at__lt=end)
    sessions = (
        TrainingSession.objects.for_user(request.user)
        .filter(in_period, commune=commune)
        .select_related("village")
        .annotate(
            present=Count(
                "attendances",
                filter=Q(attendances__status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE]),
            )
        )
        .order_by("-starts_at")[:30]
    )
    trainers = (
        User.objects.filter(
            training_sessions__commune=commune,
            training_sessions__starts_at__gte=start,
            training_sessions__starts_at__lt=end,
        )
        .annotate(n=Count("training_sessions", distinct=True))
        .order_by("-n", "last_name")[:30]
    )
    return render(
        request,
        "coverage/commune.html",
        {
            "commune": commune,
            "table": table,
            "row": row,
            "form": options["form"],
            "options": options,
            "villages": village_rows,
            "sessions": sessions,
            "trainers": trainers,
            "chart": reports.chart_for([commune.pk], period, today, _("People trained per week")),
            "can_see_province": permissions.provinces_for(request.user)
            .filter(pk=commune.province_id)
            .exists(),
            "query_string": _query_string(request),
        },
    )


@never_cache
@login_required
def commune_pdf(request, code):
    commune = permissions.commune_or_404(request.user, code)
    today = timezone.localdate()
    options = _options(request, today)
    table = commune_table(
        communes=Commune.objects.filter(pk=commune.pk),
        today=today,
        period=options["period"],
        colour_by=options["colour_by"],
    )
    content = reports.table_pdf(
        table=table,
        title=_("Coverage of %(commune)s") % {"commune": commune.name},
        subtitle=_("%(period)s, as of %(day)s")
        % {"period": options["period"].label, "day": today.strftime("%d/%m/%Y")},
        chart=reports.chart_for(
            [commune.pk], options["period"], today, _("People trained per week")
        ),
    )
    return _download(content, reports.CONTENT_TYPES["pdf"], f"do-phu-{commune.codename}.pdf")
