"""Load in gunicorn's master what every worker would otherwise load by itself.

With `preload_app` the master imports the site and forks the workers, which share its
memory page by page until one of them writes to a page (copy-on-write). What a worker
loads on its first requests — the URL configuration and the views it imports, compiled
templates, translation catalogues, Wagtail's hooks — would be loaded once per worker and
kept privately. `warm_up()` loads them in the master first; then `gc.freeze()` moves every
object into the collector's permanent generation, so collections in the workers do not
write to the shared pages (each object's header is touched by a collection otherwise).
See docs/performance.md for what this saves.
"""

import gc
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils.translation import trans_real
from wagtail import hooks

OUR_APPS = ("cms", "courses", "trainees", "certificates", "coverage")


def _our_templates():
    for label in OUR_APPS:
        root = Path(apps.get_app_config(label).path) / "templates"
        for path in sorted(root.rglob("*.html")):
            yield path.relative_to(root).as_posix()


def warm_up() -> None:
    get_resolver().url_patterns  # noqa: B018 — imports every view module
    hooks.get_hooks("construct_main_menu")  # Wagtail imports every app's wagtail_hooks
    for code, _name in settings.LANGUAGES:
        trans_real.translation(code)  # loads and keeps the language's catalogues
    for name in _our_templates():
        get_template(name)  # a broken template stops the start, loudly
    # Nothing above should have touched the database; never hand a connection to a fork.
    connections.close_all()
    gc.collect()
    gc.freeze()
