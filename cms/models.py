"""The site itself: its home page and the settings editors change without a deploy.

`HomePage` is the root of each language's page tree (vi, en, hmn are translations of one
page, kept in step by wagtail-localize). The course catalogue and everything else hang below it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import models
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.http_cache import mark_public
from cms.kept import view_restrictions


class AsciiSlugMixin:
    """Refuse a slug with accents when `WAGTAIL_ALLOW_UNICODE_SLUGS` is off.

    The admin's slug field already transliterates what editors type ("Đọc tin nhắn" →
    "doc-tin-nhan"); this also holds for pages saved by code, imports and translations.
    """

    def clean(self):
        super().clean()
        if self.slug and not getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
            try:
                validate_slug(self.slug)
            except ValidationError:
                raise ValidationError(
                    {
                        "slug": _(
                            "Use only letters without accents, digits and hyphens "
                            "(e.g. doc-tin-nhan), so the address reads the same in every "
                            "language."
                        )
                    }
                ) from None


class PublicPageMixin:
    """A public page (docs/architecture.md): the same HTML for every visitor, so a proxy and
    the service worker may keep it. Its template extends `cms/public_base.html` and holds
    nothing personal; `/api/me/` brings the personal parts.

    A page behind a view restriction (signed-in users, groups, a password) is shown only to
    some, so it stays private for them; so does a draft previewed in the admin.
    """

    def get_view_restrictions(self):
        # Asked by Wagtail before serving and by `serve` below: no query for a page without
        # any (cms.kept), and for this instance (one request) looked up once.
        if getattr(self, "_view_restrictions", None) is None:
            self._view_restrictions = view_restrictions(self)
        return self._view_restrictions

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.status_code != 200 or response.has_header("Cache-Control"):
            return response
        if getattr(request, "is_preview", False):  # a draft, shown to an editor
            patch_cache_control(response, private=True, no_store=True)
            return response
        if self.get_view_restrictions().exists():
            # Shown to some only — signed-in people, a group, or whoever typed the password
            # in this browser (a visitor, by the session): a proxy must never keep it.
            patch_cache_control(response, private=True, no_cache=True)
        else:
            mark_public(response)
        return response


class HomePage(PublicPageMixin, AsciiSlugMixin, Page):
    intro = models.CharField(
        _("intro"),
        max_length=250,
        blank=True,
        help_text=_("One or two short sentences under the campaign's name."),
    )
    body = RichTextField(_("body"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    catalogue_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("course catalogue"),
        help_text=_("Where the big 'Start learning' button goes."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("catalogue_page"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("home page")


@register_setting(icon="site")
class CampaignSettings(BaseGenericSetting):
    organisation = models.CharField(
        _("organisation"),
        max_length=150,
        default="Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        help_text=_("Shown in the footer, e.g. the provincial youth union."),
    )
    hotline = models.CharField(
        _("help line"), max_length=30, blank=True, help_text=_("A phone number people can call.")
    )

    panels = [FieldPanel("organisation"), FieldPanel("hotline")]

    class Meta:
        verbose_name = _("campaign settings")


class TaskOutbox(models.Model):
    """A Celery task waiting for the broker (see `cms.outbox`).

    Written in the transaction that asks for the task, so the task exists exactly when the
    work that asked for it was committed; deleted once the broker has taken the message.
    Rows left here (Redis was down) are sent by `cms.tasks.task_outbox_drain`.
    """

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    options = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("task waiting for the broker")
        verbose_name_plural = _("tasks waiting for the broker")

    def __str__(self):
        return f"{self.task}{tuple(self.args)}"
