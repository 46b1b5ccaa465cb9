"""The weekly coverage reports and the nightly reconcile, as editable beat schedules."""

from django.db import migrations

SCHEDULES = [
    # name, task, minute, hour, day of week, description
    (
        "Weekly coverage reports",
        "coverage.tasks.weekly_reports_make",
        "0",
        "6",
        "1",
        "Every Monday morning: last week's coverage report of every province.",
    ),
    (
        "Nightly coverage reconcile",
        "coverage.tasks.summaries_reconcile_all",
        "30",
        "2",
        "*",
        "Every night: recount the coverage summaries from the raw rows, log any difference.",
    ),
]


def forwards(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, minute, hour, day_of_week, description in SCHEDULES:
        crontab, _created = CrontabSchedule.objects.get_or_create(
            minute=minute,
            hour=hour,
            day_of_week=day_of_week,
            day_of_month="*",
            month_of_year="*",
            timezone="Asia/Ho_Chi_Minh",
        )
        PeriodicTask.objects.get_or_create(
            name=name, defaults={"task": task, "crontab": crontab, "description": description}
        )


def backwards(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[s[0] for s in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("coverage", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
