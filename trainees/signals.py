"""Domain events other apps subscribe to.

`course_completed` is sent by `trainees.learning.services.course_progress_update`, after the
transaction that completed the course has committed, exactly once per person and course.
Receivers get `sender=CourseProgress` and the keyword arguments `person`, `course_key`
(the course's Wagtail translation_key) and `course_progress`. Certificates subscribe with:

    from trainees.signals import course_completed
    course_completed.connect(on_course_completed, dispatch_uid="certificates.course_completed")

and a receiver should only hand over to its own service or a Celery task (`delay_on_commit`),
keeping logic out of the handler. We never connect receivers to our own models' signals.

`person_merged` is sent by `trainees.people.services.person_merge` *inside* its transaction,
after trainees has moved its own rows (attendance, progress, results) from the merged record
to the kept one and *before* the merged record is deleted, with `sender=Person` and the
keyword arguments `kept` and `merged` (both `Person`) and `by` (the `User` who merged).
Apps that keep rows pointing at a person (certificates, coverage) move or reconcile theirs
from `merged` to `kept` in their own service; if a receiver raises, nothing is merged.
"""

from django.dispatch import Signal

course_completed = Signal()
person_merged = Signal()
