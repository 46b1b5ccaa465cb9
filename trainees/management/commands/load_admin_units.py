from django.core.management.base import BaseCommand

from trainees.people.services import admin_units_load


class Command(BaseCommand):
    help = "Load or update Viet Nam's 34 provinces and 3,321 communes from vietnam-provinces."

    def handle(self, *args, **options):
        counts = admin_units_load()
        self.stdout.write(
            f"{counts.provinces} provinces, {counts.communes} communes "
            f"({counts.created} created, {counts.updated} updated)."
        )
