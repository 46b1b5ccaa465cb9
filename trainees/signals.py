"""Domain events other apps subscribe to.

`course_completed` is sent by `trainees.learning.services.course_progress_update`, after the
transaction that completed the course has committed, exactly once per person and course.
Receivers get `sender=CourseProgress` and the keyword arguments `person`, `course_key`
(the course's Wagtail translation_key) and `course_progress`. Certificates subscribe with:

    from trainees.signals import course_completed
    course_completed.connect(on_course_completed, dispatch_uid="certificates.course_completed")

and a receiver should only hand over to its own service or a Celery task (`delay_on_commit`),
keeping logic out of the handler. We never connect receivers to our own models' signals.
"""

from django.dispatch import Signal

course_completed = Signal()

# Sent by the merge service inside its transaction, after trainees has moved its own rows and
# before the duplicate is deleted: `sender=Person, kept=<Person>, merged=<Person>, by=<User>`.
# Receivers (certificates, coverage) move or reconcile their own rows from `merged` to `kept`.
person_merged = Signal()
