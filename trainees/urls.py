from django.urls import include, path

from . import activity_views, views

app_name = "trainees"

urlpatterns = [
    path("communes/", views.commune_list, name="commune_list"),
    path("communes/<str:code>/", views.commune_detail, name="commune_detail"),
    path("", include("trainees.attendance_urls")),
    path("activity/", activity_views.activity_results, name="activity_results"),
    path("activity/statements/", activity_views.xapi_statements, name="xapi_statements"),
]
