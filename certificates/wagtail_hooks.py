"""Certificates in the Wagtail admin and on other apps' pages, through their hooks."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CertificateTemplate
from .views import session_panel_html


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["name", "kind", "course", "locale", "updated_at"]
    list_filter = ["kind", "locale"]


register_snippet(CertificateTemplateViewSet)


@hooks.register("session_detail_panel")
def session_certificates_panel(request, session):
    """On a session's page: its certificates (issue, progress, ZIP)."""
    return session_panel_html(request, session)


@hooks.register("account_links")
def my_certificates_link(request, obj=None):
    from django.utils.html import format_html

    if request is None or not request.user.is_authenticated:
        return ""
    return format_html('<a href="{}">{}</a>', reverse("certificates:mine"), _("My certificates"))


@hooks.register("load_demo_data")
def certificates_demo(stdout=None):
    from .demo import load_certificates_demo

    load_certificates_demo(stdout=stdout)


@hooks.register("offline_shell_urls")
def certificate_check_urls():
    """The "Check a certificate" screen and its scripts, for the service worker to keep."""
    from django.conf import settings

    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.append(reverse("certificates:check"))
    return urls + [
        static("certificates/check.js"),
        static("certificates/certificates.css"),
        static("vendor/jsqr/jsQR.js"),
        static("vendor/cbor-x/index-no-eval.min.js"),
        static("vendor/fflate/index.js"),
        static("vendor/noble-ed25519/index.js"),
    ]
