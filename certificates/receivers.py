"""Other apps' events, handed straight to our services (connected in CertificatesConfig)."""

from . import services


def on_course_completed(sender, *, person, course_key, course_progress, **kwargs):
    services.certificate_issue_for_course(
        person=person, course_key=course_key, completed_at=course_progress.completed_at
    )


def on_person_merged(sender, *, kept, merged, by=None, **kwargs):
    # Sent inside the merge transaction, before the duplicate is deleted.
    services.certificates_person_merge(kept=kept, merged=merged, by=by)


def on_person_erasing(sender, *, person, by=None, reason="", **kwargs):
    # Sent inside the erasure's transaction, before the person's fields are blanked.
    services.certificate_revoke_all_for_person(person=person, reason=reason, by=by)


def on_person_data_export(sender, *, person, **kwargs):
    return services.certificates_person_export(person=person)
