"""gunicorn's entry point for tests/cms/test_scaleout.py: the production settings, except
that static files are found without collectstatic (as in test_media_production)."""

import cms.settings.production as production_settings

production_settings.STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

from cms.wsgi import application  # noqa: E402

__all__ = ["application"]
