"""Who looked at or took personal data in bulk, and whose data was erased.

`AuditEntry` is written when a signed-in person opens a page or file that lists many
people (an attendance export, a roster, a sign-in sheet, a coverage export …, named in
`settings.AUDITED_URLS`), exports one person's data, or erases it. Administrators read the
log in the admin; nobody edits it. Entries older than `AUDIT_LOG_RETENTION_DAYS` are
pruned by the same daily task that prunes raw logs (`trainees.people.privacy`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .people import User


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", pgettext_lazy("audit", "viewed in bulk")
        EXPORT = "export", pgettext_lazy("audit", "exported")
        ERASE = "erase", pgettext_lazy("audit", "erased")

    at = models.DateTimeField(pgettext_lazy("audit", "when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("audit", "who"),
    )
    # Kept when the account is gone: who it was, as the log saw it.
    user_label = models.CharField(pgettext_lazy("audit", "account"), max_length=200)
    action = models.CharField(pgettext_lazy("audit", "action"), max_length=10, choices=Action)
    what = models.CharField(pgettext_lazy("audit", "what"), max_length=300)
    address = models.CharField(pgettext_lazy("audit", "address"), max_length=64, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_label} {self.get_action_display()} {self.what}"
