from django.urls import path

from . import views

urlpatterns = [
    path("communes/", views.commune_list, name="commune_list"),
    path("communes/<str:code>/", views.commune_detail, name="commune_detail"),
]
