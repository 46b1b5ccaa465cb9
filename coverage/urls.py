from django.urls import path

from trainees import converters  # noqa: F401 - registers <unit_code:…>

from . import admin_views, views

app_name = "coverage"

urlpatterns = [
    path("", views.home, name="home"),
    path("nation/", views.nation, name="nation"),
    path("province/<unit_code:code>/", views.province, name="province"),
    path(
        "province/<unit_code:code>/export.<str:fmt>",
        views.province_export,
        name="province_export",
    ),
    path("province/<unit_code:code>/exports/", views.export_request, name="export_request"),
    path("commune/<unit_code:code>/", views.commune, name="commune"),
    path("commune/<unit_code:code>/report.pdf", views.commune_pdf, name="commune_pdf"),
    path("reports/<uuid:report_uuid>/", views.report, name="report"),
    path("reports/<uuid:report_uuid>/status.json", views.report_status, name="report_status"),
    path("reports/<uuid:report_uuid>/download", views.report_download, name="report_download"),
    path("import/<str:what>/", admin_views.import_file, name="import"),
]
