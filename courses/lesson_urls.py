from django.core.cache import cache
from django.urls import path, register_converter

from . import views

CATALOGUE_SLUGS_CACHE_KEY = "courses:catalogue-slugs"


class CatalogueSlugConverter:
    """Matches only the slug of a course catalogue, so this URL never shadows other apps'."""

    regex = "[-a-zA-Z0-9_]+"

    def to_python(self, value):
        slugs = cache.get(CATALOGUE_SLUGS_CACHE_KEY)
        if slugs is None:
            from .models import CourseIndexPage

            slugs = set(CourseIndexPage.objects.values_list("slug", flat=True))
            # A renamed catalogue is picked up within a minute; until then Wagtail's own
            # routing still serves it, only more slowly.
            cache.set(CATALOGUE_SLUGS_CACHE_KEY, slugs, 60)
        if value not in slugs:
            raise ValueError(value)
        return value

    def to_url(self, value):
        return value


register_converter(CatalogueSlugConverter, "catalogue")

urlpatterns = [
    # Before Wagtail's catch-all; anything that is not a lesson still reaches Wagtail.
    path("<catalogue:index>/<slug:course>/<slug:lesson>/", views.lesson_serve, name="lesson"),
]
