"""The daily pruning of raw logs past their retention, as an editable beat schedule."""

from django.db import migrations

NAME = "Daily raw log retention"


def forwards(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _created = CrontabSchedule.objects.get_or_create(
        minute="15",
        hour="3",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Asia/Ho_Chi_Minh",
    )
    PeriodicTask.objects.get_or_create(
        name=NAME,
        defaults={
            "task": "trainees.tasks.raw_logs_prune",
            "crontab": crontab,
            "description": (
                "Every night: delete xAPI statements, lesson events, quiz answers and attendance "
                "history older than RAW_LOG_RETENTION_DAYS, and audit entries older than "
                "AUDIT_LOG_RETENTION_DAYS."
            ),
        },
    )


def backwards(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("trainees", "0018_privacy"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
