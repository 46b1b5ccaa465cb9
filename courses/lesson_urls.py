from django.urls import path

from . import views

urlpatterns = [
    # Before Wagtail's catch-all; falls back to it for anything that is not a lesson.
    path("<slug:index>/<slug:course>/<slug:lesson>/", views.lesson_serve, name="lesson"),
]
