"""The API's URLs alone, without language prefixes.

LocaleMiddleware redirects any 404 outside the language prefixes to "/vi/…" when that path
would resolve (Wagtail's catch-all resolves everything), which would turn an API's "not
found" into a redirect to an HTML page. `cms.api` points 404 responses at this urlconf,
which has no i18n_patterns, so they stay plain JSON 404s.
"""

from django.urls import path

from .api import api

urlpatterns = [path("api/", api.urls)]
