"""The content languages: Vietnamese (created by Wagtail from LANGUAGE_CODE), English, H'Mông."""

from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("vi", "en", "hmn"):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_initial"), ("wagtailcore", "__latest__")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
