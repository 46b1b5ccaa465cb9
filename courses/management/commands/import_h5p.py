"""`python manage.py import_h5p PATH [--title TITLE]`: validate and store one .h5p package."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from courses.services import h5p_package_upload


class Command(BaseCommand):
    help = (
        "Validate and store an H5P package; print its id (exit status 1 and the reason on failure)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--title", default="", help="Title shown to editors (default: h5p.json's)"
        )

    def handle(self, *args, path: Path, title: str, **options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        with open(path, "rb") as fh:
            try:
                result = h5p_package_upload(fileobj=fh, title=title)
            except ValidationError as exc:
                raise CommandError("\n".join([f"{path.name}: refused"] + exc.messages)) from None
        if not result.created:
            self.stderr.write(f"{path.name}: already stored as package {result.package.pk}")
        self.stdout.write(str(result.package.pk))
