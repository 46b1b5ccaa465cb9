from django.urls import path

from trainees import converters  # noqa: F401 - registers <unit_code:…>

from . import views

urlpatterns = [
    path("sessions/", views.session_list, name="session_list"),
    path("sessions/new/", views.session_create, name="session_create"),
    path("sessions/<uuid:session_uuid>/", views.session_detail, name="session_detail"),
    path("sessions/<uuid:session_uuid>/qr.svg", views.session_qr, name="session_qr"),
    path(
        "sessions/<uuid:session_uuid>/roll-call/", views.session_rollcall, name="session_rollcall"
    ),
    path("sessions/roll-call/", views.rollcall_shell, name="rollcall_shell"),
    path("sessions/<uuid:session_uuid>/sheet/", views.session_sheet, name="session_sheet"),
    path(
        "sessions/<uuid:session_uuid>/sign-in-sheet.pdf",
        views.session_sheet_pdf,
        name="session_sheet_pdf",
    ),
    path("sessions/<uuid:session_uuid>/import/", views.session_import, name="session_import"),
    path(
        "sessions/<uuid:session_uuid>/attendance.<str:fmt>",
        views.session_export,
        name="session_export",
    ),
    path(
        "communes/<unit_code:code>/attendance.<str:fmt>",
        views.commune_attendance_export,
        name="commune_attendance_export",
    ),
    path("checkin/<uuid:session_uuid>/", views.checkin, name="checkin"),
]
