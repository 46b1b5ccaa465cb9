from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    label = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        if settings.CERTIFICATE_SIGNING_KEY:
            # A malformed key stops the start, not the first certificate issued.
            from .signing import keyring_from

            keyring_from(settings.CERTIFICATE_SIGNING_KEY, settings.CERTIFICATE_RETIRED_KEYS)

        from trainees.signals import (
            course_completed,
            person_data_export,
            person_erasing,
            person_merged,
        )

        from .receivers import (
            on_course_completed,
            on_person_data_export,
            on_person_erasing,
            on_person_merged,
        )

        course_completed.connect(on_course_completed, dispatch_uid="certificates.course_completed")
        person_merged.connect(on_person_merged, dispatch_uid="certificates.person_merged")
        person_erasing.connect(on_person_erasing, dispatch_uid="certificates.person_erasing")
        person_data_export.connect(
            on_person_data_export, dispatch_uid="certificates.person_data_export"
        )
