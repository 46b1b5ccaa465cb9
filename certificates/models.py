"""Certificates: issued once per achievement, rendered to PDF by Celery workers, verifiable.

- **CertificateTemplate** is a translatable Wagtail snippet: what a certificate says and how
  it looks (heading, body with placeholders, issuing organisation, signatory, logo,
  colours). A template with no course is the default for its kind of achievement (one per
  kind and language); a template naming a course overrides the default for that course.
- **Certificate** is one issued certificate: the `recipient` (a `trainees.Person`) and the
  achievement — a completed course (`kind="course"`, `course_key` = the course's Wagtail
  `translation_key`) or attendance of a held training session (`kind="session"`,
  `session`). What it says (name, achievement, date, issuer) is copied when it is issued,
  in NFC, so the PDF, the verify page and the signed QR payload never change afterwards.
  - the **serial** ("15-2026-000042": province code, year, sequence) is readable, unique
    and never reused; `SerialCounter` hands out sequences without gaps (see services);
  - the **code** is the unguessable part of the verify URL printed in the QR code;
  - the **uuid** names the PDF download, which checks who asks.
- A certificate is **valid** while it is not revoked and not replaced. A corrected name or
  a new issue after a revocation makes a new certificate (new serial) and the old one
  points at it with `replaced_by`. A partial unique index allows one valid certificate
  per person and achievement, whatever the application does at the same moment.
- `status` follows the PDF: `pending` until a worker has rendered it, then `ready` (or
  `failed` after the last retry); `revoked` (with a reason) ends it.

Who may see and do what is in `certificates.permissions`; every change goes through
`certificates.services`.
"""

import uuid

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin, TranslatableMixin

from trainees.models import Commune, Person, ScopedQuerySet, TrainingSession, User

from .storage import certificate_storage

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Write a colour as # and six hexadecimal digits, e.g. #b71c1c.")
)


class AchievementKind(models.TextChoices):
    COURSE = "course", _("completed course")
    SESSION = "session", _("training session attended")


# The placeholders an editor may use in a template's body, and what each stands for.
PLACEHOLDERS = {
    "name": _("the holder's full name"),
    "achievement": _("the course or training session"),
    "date": _("the date it was achieved"),
    "commune": _("the commune"),
    "province": _("the province"),
}


class CertificateTemplate(PreviewableMixin, TranslatableMixin, models.Model):
    name = models.CharField(
        pgettext_lazy("certificate template", "Name"),
        max_length=100,
        help_text=_("For editors only, e.g. 'Course certificate (default)'."),
    )
    kind = models.CharField(
        _("for achievements of kind"), max_length=10, choices=AchievementKind.choices
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("only for the course"),
        help_text=_(
            "Leave empty for the default template of this kind. A template for one course "
            "overrides the default for that course."
        ),
    )
    heading = models.CharField(_("heading"), max_length=100, default="GIẤY CHỨNG NHẬN")
    body = models.TextField(
        pgettext_lazy("certificate template", "Body"),
        help_text=_(
            "Placeholders in braces are filled in: {name}, {achievement}, {date}, {commune}, "
            "{province}. A blank line starts a new paragraph."
        ),
    )
    issuer = models.CharField(
        _("issuing organisation"),
        max_length=200,
        help_text=_("Printed on the certificate and shown on the verify page."),
    )
    signatory_name = models.CharField(_("signatory's name"), max_length=100, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=150, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signature image"),
    )
    primary_colour = models.CharField(
        _("main colour"), max_length=7, default="#b71c1c", validators=[colour_validator]
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#c9a227", validators=[colour_validator]
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("kind"), FieldPanel("course")],
            heading=_("Where it applies"),
        ),
        FieldPanel("heading"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("issuer"),
                FieldPanel("signatory_name"),
                FieldPanel("signatory_title"),
                FieldPanel("signature"),
                FieldPanel("logo"),
            ],
            heading=_("Issued by"),
        ),
        MultiFieldPanel(
            [FieldPanel("primary_colour"), FieldPanel("accent_colour")], heading=_("Colours")
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "kind"],
                condition=Q(course__isnull=True),
                name="certificatetemplate_one_default_per_kind",
                violation_error_message=_(
                    "There is already a default template for this kind in this language."
                ),
            ),
            models.UniqueConstraint(
                fields=["locale", "course"],
                condition=Q(course__isnull=False),
                name="certificatetemplate_one_per_course",
                violation_error_message=_("This course already has its own template."),
            ),
        ]

    def __str__(self):
        return self.name

    # Wagtail's preview panel shows the PDF the template makes, filled with sample data.
    preview_modes = [("", _("PDF"))]

    def serve_preview(self, request, mode_name):
        from .rendering import template_preview_response

        return template_preview_response(self)


class SerialCounter(models.Model):
    """The last sequence number handed out for one province and year (see services)."""

    province_code = models.CharField(max_length=2)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["province_code", "year"], name="serialcounter_one_per_province_year"
            )
        ]

    def __str__(self):
        return f"{self.province_code}-{self.year}: {self.last}"


class CertificateQuerySet(ScopedQuerySet):
    def valid(self):
        """Certificates that count: neither revoked nor replaced."""
        return self.exclude(status=Certificate.Status.REVOKED).filter(
            replaced_by__isnull=True, replaced_at__isnull=True
        )

    def for_achievement(self, *, kind, course_key=None, session=None):
        if kind == AchievementKind.COURSE:
            return self.filter(kind=kind, course_key=course_key)
        return self.filter(kind=kind, session=session)


def _pdf_path(certificate, filename):
    # The file name is the certificate's random uuid; the PDF is only ever served through
    # the checked download view, never by URL of the storage.
    return f"{certificate.issued_at:%Y/%m}/{certificate.uuid}.pdf"


class Certificate(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("could not be prepared")
        REVOKED = "revoked", _("revoked")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    serial = models.CharField(_("serial number"), max_length=20, unique=True, editable=False)
    code = models.CharField(_("verification code"), max_length=32, unique=True, editable=False)
    recipient = models.ForeignKey(
        Person,
        # Kept (revoked, name erased) when a person is erased, so a printed QR code still
        # reads "revoked" rather than "unknown".
        on_delete=models.SET_NULL,
        null=True,
        related_name="certificates",
        verbose_name=_("holder"),
    )
    kind = models.CharField(_("achievement"), max_length=10, choices=AchievementKind.choices)
    course_key = models.UUIDField(_("course"), null=True, blank=True)
    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("training session"),
    )
    # Where it was earned: the session's commune, or the learner's. Scoping goes through it.
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    # What the certificate says, fixed at issue (NFC).
    recipient_name = models.CharField(_("name on the certificate"), max_length=150)
    achievement_title = models.CharField(_("achievement"), max_length=300)
    achieved_on = models.DateField(_("achieved on"))
    issuer = models.CharField(_("issued by"), max_length=200)
    language = models.CharField(_("language"), max_length=10)
    template = models.ForeignKey(
        CertificateTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("template"),
    )
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    pdf = models.FileField(
        _("PDF"), storage=certificate_storage, upload_to=_pdf_path, blank=True, editable=False
    )
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)
    render_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    render_error = models.TextField(blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoked_reason = models.CharField(_("reason for revocation"), max_length=300, blank=True)
    # Set first when a certificate is replaced (the unique index looks at it), then
    # `replaced_by` once the new certificate exists, in the same transaction.
    replaced_at = models.DateTimeField(_("replaced at"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("replaced by"),
    )

    objects = CertificateQuerySet.as_manager()
    scope_path = "commune"

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "course_key"],
                condition=Q(kind="course", replaced_at__isnull=True) & ~Q(status="revoked"),
                name="certificate_one_valid_per_course",
            ),
            models.UniqueConstraint(
                fields=["recipient", "session"],
                condition=Q(kind="session", replaced_at__isnull=True) & ~Q(status="revoked"),
                name="certificate_one_valid_per_session",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="course", course_key__isnull=False, session__isnull=True)
                    | Q(kind="session", session__isnull=False, course_key__isnull=True)
                ),
                name="certificate_names_one_achievement",
            ),
        ]
        indexes = [models.Index(fields=["status", "revoked_at"], name="certificate_status")]

    def __str__(self):
        return f"{self.serial} · {self.recipient_name}"

    @property
    def is_valid(self) -> bool:
        return (
            self.status != self.Status.REVOKED
            and self.replaced_by_id is None
            and self.replaced_at is None
        )

    @property
    def is_replaced(self) -> bool:
        return self.replaced_at is not None
