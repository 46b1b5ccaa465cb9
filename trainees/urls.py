from django.urls import include, path

from . import views

app_name = "trainees"

urlpatterns = [
    path("communes/", views.commune_list, name="commune_list"),
    path("communes/<str:code>/", views.commune_detail, name="commune_detail"),
    path("", include("trainees.attendance_urls")),
]
