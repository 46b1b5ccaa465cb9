"""Reports made in the background: a province's weekly report and long exports.

A `Report` row is created when one is asked for (by Celery beat each week, or by a
coordinator's "make the file" button) and `report_build` fills it in, updating `progress`
as it goes so the page can show a progress bar. Building twice gives the same file.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trainees.models import Commune, Province

from .charts import weekly_chart
from .models import PeriodKind, Report
from .periods import Period, period_of
from .services import weekly_people_trained
from .tables import Table, commune_table, table_csv, table_xlsx

CONTENT_TYPES = {
    Report.Format.CSV: "text/csv; charset=utf-8",
    Report.Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Report.Format.PDF: "application/pdf",
}
# What of the dashboard's choices an export keeps (besides the period).
TABLE_OPTIONS = ("colour_by", "kind", "colour", "query", "sort", "descending")
# Weeks shown in a chart that ends at the period's end (or today).
CHART_WEEKS = 12


def report_period(report: Report) -> Period:
    return Period(report.period_kind, report.starts_on, report.ends_on)


@transaction.atomic
def weekly_report_request(*, province_id: int, today: dt.date) -> tuple[Report, bool]:
    """Last week's report of a province: the month to that Sunday. Once per week."""
    sunday = today - dt.timedelta(days=today.weekday() + 1)
    month = period_of(PeriodKind.MONTH, sunday)
    return Report.objects.get_or_create(
        kind=Report.Kind.WEEKLY,
        province_id=province_id,
        as_of=sunday,
        format=Report.Format.PDF,
        defaults={
            "period_kind": month.kind,
            "starts_on": month.start,
            "ends_on": month.end,
        },
    )


@transaction.atomic
def export_request(*, by, province: Province, fmt: str, options: dict) -> Report:
    """A coordinator asks for the table as a file made in the background."""
    period = options["period"]
    return Report.objects.create(
        kind=Report.Kind.EXPORT,
        format=fmt,
        province=province,
        period_kind=period.kind,
        starts_on=period.start,
        ends_on=period.end,
        as_of=timezone.localdate(),
        options={
            k: options[k] for k in ("colour_by", "kind", "colour", "query", "sort", "descending")
        },
        requested_by=by,
    )


def _progress(report: Report, percent: int, **fields) -> None:
    Report.objects.filter(pk=report.pk).update(progress=percent, **fields)


def chart_for(commune_ids, period: Period, today: dt.date, title: str) -> str:
    end = min(period.end, today)
    start = max(period.start, end - dt.timedelta(weeks=CHART_WEEKS - 1))
    return weekly_chart(weekly_people_trained(commune_ids, start, end), title)


def table_pdf(*, table: Table, title: str, subtitle: str, chart: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "coverage/report_pdf.html",
        {"table": table, "title": title, "subtitle": subtitle, "chart": chart},
    )
    return HTML(string=html).write_pdf()


def report_build(*, report_id: int) -> Report | None:
    """Make the report's file (idempotent: a ready report is left as it is)."""
    report = Report.objects.select_related("province").filter(pk=report_id).first()
    if report is None or report.status == Report.Status.READY:
        return report
    _progress(report, 5, status=Report.Status.RUNNING)
    try:
        with translation.override("vi"):
            content = _build(report)
    except Exception as exc:
        _progress(report, 0, status=Report.Status.FAILED, error=str(exc)[:1000])
        raise
    name = f"bao-cao-{report.province.codename}-{report.as_of:%Y%m%d}.{report.format}"
    report.refresh_from_db()
    if report.file:
        report.file.delete(save=False)
    report.file.save(name, ContentFile(content), save=False)
    report.status = Report.Status.READY
    report.progress = 100
    report.finished_at = timezone.now()
    report.error = ""
    report.save()
    return report


def _build(report: Report) -> bytes:
    period = report_period(report)
    options = report.options or {}
    communes = Commune.objects.filter(province=report.province)
    _progress(report, 20)
    table = commune_table(
        communes=communes,
        period=period,
        today=report.as_of,
        colour_by=options.get("colour_by", "people_trained"),
        kind=options.get("kind", ""),
        colour=options.get("colour", ""),
        query=options.get("query", ""),
        sort=options.get("sort", "name"),
        descending=options.get("descending", False),
    )
    _progress(report, 60)
    if report.format == Report.Format.CSV:
        return table_csv(table)
    if report.format == Report.Format.XLSX:
        return table_xlsx(table, title=report.province.name)
    chart = chart_for(
        [r.pk for r in table.rows], period, report.as_of, _("People trained per week")
    )
    _progress(report, 80)
    return table_pdf(
        table=table,
        title=_("Coverage of %(province)s") % {"province": report.province.name},
        subtitle=_("%(period)s, as of %(day)s")
        % {"period": period.label, "day": report.as_of.strftime("%d/%m/%Y")},
        chart=chart,
    )
