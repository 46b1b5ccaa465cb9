"""The pages of `trainees`, under the language prefix, all in the `trainees` namespace."""

from django.urls import include, path

app_name = "trainees"

urlpatterns = [
    path("", include("trainees.people.urls")),
    path("", include("trainees.training.urls")),
    path("", include("trainees.learning.urls")),
]
