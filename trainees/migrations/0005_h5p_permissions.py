"""Who may work with H5P packages in the admin.

Uploading a package brings JavaScript that runs on our origin, so only Administrators get
`courses.upload_h5ppackage`; Content editors may rename packages and choose them in lessons.
(Superusers have every permission anyway.)
"""

from django.db import migrations

GRANTS = {
    "Administrators": ["upload_h5ppackage", "change_h5ppackage", "delete_h5ppackage"],
    "Content editors": ["change_h5ppackage"],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    courses = apps.get_app_config("courses")
    courses.models_module = True
    create_permissions(courses, apps=apps, verbosity=0)
    courses.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="courses", codename__in=codenames
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="courses", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("trainees", "0004_activitystatement_activitysummary"),
        ("courses", "0002_h5plibrary_h5ppackage"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
