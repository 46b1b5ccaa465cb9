from django.urls import path, register_converter

from cms.kept import kept_in_process

from . import views


def catalogue_slugs() -> set:
    from .models import CourseIndexPage

    return set(CourseIndexPage.objects.values_list("slug", flat=True))


class CatalogueSlugConverter:
    """Matches only the slug of a course catalogue, so this URL never shadows other apps'."""

    regex = "[-a-zA-Z0-9_]+"

    def to_python(self, value):
        # Kept until content changes (cms.kept): a renamed catalogue is seen at once.
        if value not in kept_in_process("catalogue-slugs", catalogue_slugs):
            raise ValueError(value)
        return value

    def to_url(self, value):
        return value


register_converter(CatalogueSlugConverter, "catalogue")

urlpatterns = [
    # Before Wagtail's catch-all; anything that is not a lesson still reaches Wagtail.
    path("<catalogue:index>/<slug:course>/<slug:lesson>/", views.lesson_serve, name="lesson"),
]
