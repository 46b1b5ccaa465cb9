from django.urls import path

from . import progress_views

app_name = "progress"

urlpatterns = [
    path("events/", progress_views.events, name="events"),
    path("answer/", progress_views.answer_form, name="answer"),
    path("complete/", progress_views.complete_form, name="complete"),
]
