from django.urls import path

from . import views

# Under the language prefix, in the `trainees` namespace (see trainees.urls).
urlpatterns = [
    path("activity/", views.activity_results, name="activity_results"),
    path("lessons/answer/", views.quiz_answer, name="quiz_answer"),
    path("lessons/complete/", views.lesson_complete, name="lesson_complete"),
    path("activity/statements/", views.xapi_statements, name="xapi_statements"),
    path("sessions/<uuid:session_uuid>/assist/", views.session_assist, name="session_assist"),
    path("assist/stop/", views.assist_stop, name="assist_stop"),
]

# Outside the language prefix, at /api/progress/ (namespace `progress`): the service worker
# and pages of every language post to the same place.
progress_urlpatterns = [
    path("events/", views.events, name="events"),
    path("answer/", views.answer_form, name="answer"),
    path("complete/", views.complete_form, name="complete"),
]
