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

# --- What changed, for the apps that keep summaries (coverage) -----------------------------
#
# Sent by trainees' services *inside* the transaction that made the change, after the rows
# are written, with `sender` the model class. A receiver updates its own summaries in the
# same transaction or sends an idempotent task with `delay_on_commit`; either way it hands
# over to its own service. Other branches editing these services: keep the calls.

attendance_changed = Signal()
"""Marks were added or corrected: `session_ids` and `person_ids` (sets of primary keys)."""

session_changed = Signal()
"""Sessions were created, changed (status, day, place, topics) or are about to be deleted:
`session_ids`, and `person_ids` of everyone with a mark at them. For a deletion it is sent
before the rows go, with `deleted=True`."""

person_changed = Signal()
"""People's commune, village or household changed, or they are about to be deleted
(`deleted=True`, sent before the rows go): `person_ids`."""

person_merged = Signal()
"""Two records of one human were merged (CONTRACTS.md §1): sent by the merge service inside
its transaction, after trainees moved its own rows and before `merged` is deleted, with
`sender=Person, kept=<Person>, merged=<Person>, by=<User>`."""

person_erasing = Signal()
"""A person's data is being erased on request (trainees.people.privacy.person_erase): sent
inside its transaction before the person's fields are blanked, with `sender=Person`,
`person`, `by` (the `User` erasing) and `reason`. Apps holding personal data about the
person (certificates) revoke or blank theirs in their own service."""

person_data_export = Signal()
"""A person's data is being exported (trainees.people.privacy.person_data_export), with
`sender=Person` and `person`. Each receiver returns a dict of sections to add to the export
(e.g. `{"certificates": [...]}`), built by its own service."""
