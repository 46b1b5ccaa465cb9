"""H5P file serving, outside the language prefix (the same bytes in every language)."""

from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("lib/<str:token>/<path:path>", views.library_file, name="library_file"),
    path("content/<int:pk>/<path:path>", views.content_file, name="content_file"),
]
