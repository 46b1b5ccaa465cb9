from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class TraineesConfig(AppConfig):
    name = "trainees"
    label = "trainees"
    verbose_name = _("People and training")


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with our forms: a phone number instead of a required e-mail."""

    user_viewset = "trainees.people.viewsets.UserViewSet"
