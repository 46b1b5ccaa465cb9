"""Certificate pages under the language prefix (namespace `certificates`), and the two
language-free JSON documents verifiers fetch (`root_urlpatterns`)."""

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("certificates/", views.mine, name="mine"),
    path("certificates/manage/", views.manage, name="manage"),
    path("certificates/issue/", views.issue, name="issue"),
    path("certificates/check/", views.check, name="check"),
    path("certificates/verify/", views.verify_search, name="verify_search"),
    path("certificates/verify/<str:code>", views.verify, name="verify"),
    path("certificates/<uuid:uuid>/certificate.pdf", views.download, name="download"),
    path("certificates/<uuid:uuid>/action/", views.certificate_action, name="action"),
    path(
        "sessions/<uuid:session_uuid>/certificates/",
        views.session_certificates,
        name="session",
    ),
    path(
        "sessions/<uuid:session_uuid>/certificates/progress.json",
        views.session_progress,
        name="session_progress",
    ),
    path("sessions/<uuid:session_uuid>/certificates.zip", views.session_zip, name="session_zip"),
]

root_urlpatterns = [
    path(".well-known/certificate-keys.json", views.keys, name="certificate_keys"),
    path("certificates/revocations.json", views.revocations, name="certificate_revocations"),
]
