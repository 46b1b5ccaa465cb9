from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("trainees", "0011_scope_from_teams")]

    operations = [
        migrations.RemoveField(model_name="team", name="communes"),
        migrations.RemoveField(model_name="team", name="members"),
        migrations.AddField(
            model_name="team",
            name="communes",
            field=models.ManyToManyField(
                related_name="teams",
                through="trainees.TeamCommune",
                to="trainees.commune",
                verbose_name="communes",
            ),
        ),
        migrations.AddField(
            model_name="team",
            name="members",
            field=models.ManyToManyField(
                blank=True,
                related_name="teams",
                through="trainees.TeamMembership",
                to=settings.AUTH_USER_MODEL,
                verbose_name="trainers",
            ),
        ),
        migrations.RemoveField(model_name="user", name="communes"),
    ]
