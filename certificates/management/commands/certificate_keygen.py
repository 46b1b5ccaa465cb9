"""Make an Ed25519 key for signing certificates (CERTIFICATE_SIGNING_KEY).

    python manage.py certificate_keygen               # print a new key and the rotation line
    python manage.py certificate_keygen --dev-env     # `make demo`: write one to .env if unset

Rotating: set the new key as CERTIFICATE_SIGNING_KEY and add the old key's public line to
CERTIFICATE_RETIRED_KEYS, so certificates signed with it keep verifying.
"""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand

from certificates import signing
from cms.settings.env import BASE_DIR, env


class Command(BaseCommand):
    help = "Make an Ed25519 key for signing certificates."

    def add_arguments(self, parser):
        parser.add_argument("--kid", default="", help="Key id (default: today's date)")
        parser.add_argument(
            "--dev-env",
            action="store_true",
            help="Write a development key to .env unless one is configured.",
        )

    def handle(self, *args, kid, dev_env, **options):
        kid = kid or f"{dt.date.today():%Y%m%d}"
        key = signing.key_generate(kid)
        if dev_env:
            path = BASE_DIR / ".env"
            text = path.read_text("utf-8") if path.exists() else ""
            if env("CERTIFICATE_SIGNING_KEY") or "CERTIFICATE_SIGNING_KEY=" in text:
                self.stdout.write("A certificate signing key is already configured.")
                return
            with path.open("a", encoding="utf-8") as f:
                f.write(f"{'' if not text or text.endswith(chr(10)) else chr(10)}")
                f.write(f"CERTIFICATE_SIGNING_KEY=dev-{key}\n")
            self.stdout.write(f"Wrote a development certificate signing key to {path}.")
            return
        self.stdout.write(f"CERTIFICATE_SIGNING_KEY={key}")
        current = getattr(settings, "CERTIFICATE_SIGNING_KEY", "")
        if current:
            try:
                retired = signing.public_entry(current)
            except Exception:  # noqa: BLE001 - a malformed current key has nothing to keep
                return
            self.stdout.write(
                "# When you switch to it, keep the current key's public half so certificates "
                "it signed still verify:"
            )
            self.stdout.write(f"CERTIFICATE_RETIRED_KEYS={retired}")
