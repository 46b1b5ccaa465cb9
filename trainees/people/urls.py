from django.urls import path

from trainees import converters  # noqa: F401 - registers <unit_code:…>

from . import views

urlpatterns = [
    path("sign-up/", views.sign_up, name="sign_up"),
    path("people/duplicates/", views.duplicate_list, name="duplicate_list"),
    path("people/duplicates/<int:pk>/", views.duplicate_detail, name="duplicate_detail"),
    path("people/privacy/", views.privacy_requests, name="privacy_requests"),
    path("people/<int:person_id>/privacy/", views.person_privacy, name="person_privacy"),
    path("people/<int:person_id>/data.json", views.person_data, name="person_data"),
    path("communes/", views.commune_list, name="commune_list"),
    path("communes/<unit_code:code>/", views.commune_detail, name="commune_detail"),
]
