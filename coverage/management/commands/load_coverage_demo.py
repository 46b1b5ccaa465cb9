from django.core.management.base import BaseCommand

from coverage.demo import load_coverage_demo


class Command(BaseCommand):
    help = "Targets and activity across Lào Cai's 99 communes for the coverage grid (idempotent)."

    def handle(self, *args, **options):
        count = load_coverage_demo()
        self.stdout.write(f"Coverage demo: activity in {count} communes.")
