"""`manage.py coverage_export --province 15 [--from …] [--to …] [--format csv|xlsx]`."""

import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from coverage.forms import current_campaign
from coverage.periods import Period
from coverage.tables import commune_table, table_csv, table_xlsx
from trainees.models import Commune, Province


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD): {text!r}") from None


class Command(BaseCommand):
    help = (
        "Write a province's coverage table to standard output: one row per commune, official "
        "code first, machine-name headings. Campaign to date when no dates are given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--province", required=True, help="official province code, e.g. 15")
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")

    def handle(self, *args, province, start, end, format, **options):
        found = Province.objects.filter(code=province.zfill(2)).first()
        if found is None:
            raise CommandError(f"Unknown province code {province!r}.")
        today = timezone.localdate()
        campaign = current_campaign(today)
        if start is None:
            start_day = campaign.starts_on if campaign else dt.date(today.year, 1, 1)
        else:
            start_day = _date(start)
        if end is None:
            end_day = campaign.ends_on if campaign and start is None else today
        else:
            end_day = _date(end)
        if end_day < start_day:
            raise CommandError("--to is before --from.")
        kind = (
            "campaign"
            if campaign
            and (start_day, end_day)
            == (
                campaign.starts_on,
                campaign.ends_on,
            )
            else "custom"
        )
        table = commune_table(
            communes=Commune.objects.filter(province=found),
            period=Period(kind, start_day, end_day),
            today=today,
            sort="code",
        )
        if format == "xlsx":
            data = table_xlsx(table, machine=True, title=found.codename)
        else:
            data = table_csv(table, machine=True)
        stream = getattr(self.stdout, "_out", sys.stdout)
        if hasattr(stream, "buffer"):
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        else:  # a text stream (call_command in tests)
            stream.write(data.decode("utf-8") if format == "csv" else data.hex())
