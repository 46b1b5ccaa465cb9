from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = pgettext_lazy("app", "Site")

    def ready(self):
        from . import page_cache

        page_cache.connect()
