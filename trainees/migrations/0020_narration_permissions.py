"""Who may record and choose narration clips in the admin: Content editors and
Administrators (superusers have every permission anyway)."""

from django.db import migrations

CODENAMES = ["add_narration", "change_narration", "delete_narration", "view_narration"]
GROUPS = ["Content editors", "Administrators"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    courses = apps.get_app_config("courses")
    courses.models_module = True
    create_permissions(courses, apps=apps, verbosity=0)
    courses.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="courses", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="courses", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("trainees", "0019_raw_log_retention_schedule"),
        ("courses", "0005_narration"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
