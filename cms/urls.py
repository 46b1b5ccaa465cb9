from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from certificates.urls import root_urlpatterns as certificate_root_urls
from cms import views
from cms.api import api
from trainees.learning.urls import progress_urlpatterns
from trainees.people.forms import PhoneAuthenticationForm

handler500 = "cms.views.server_error"

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.public_media, name="public_media"),
    re_path(
        r"^healthz/(?P<part>web|db|cache|broker|workers)$", views.healthz_part, name="healthz-part"
    ),
    path("sw.js", views.service_worker, name="service_worker"),
    path("csp-report/", views.csp_report, name="csp_report"),  # settings.CSP_REPORT_URL
    path("api/progress/", include((progress_urlpatterns, "progress"))),
    path("api/", api.urls),
    path("h5p/", include("courses.h5p.urls")),
    path("", include(certificate_root_urls)),
    path("", include("courses.urls")),
]

urlpatterns += i18n_patterns(
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=PhoneAuthenticationForm, template_name="cms/login.html"
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.page, {"path": ""}, name="home"),
    path("", include("certificates.urls")),
    path("", include("trainees.urls")),
    path("coverage/", include("coverage.urls")),
    path("", include("courses.lesson_urls")),
    # The rest of wagtail.urls (the password form of a restricted page, login) as is, then
    # Wagtail's page tree last, through the page cache (cms.page_cache): it matches every
    # remaining path, so it must not come before them.
    *(p for p in wagtail_urls.urlpatterns if getattr(p, "name", None) != "wagtail_serve"),
    re_path(serve_pattern, views.page, name="wagtail_serve"),
    prefix_default_language=True,
)
