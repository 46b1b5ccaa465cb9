"""Teams' communes and members get link models of their own (TeamCommune, TeamMembership),
so the admin can edit them as lists of chosen items; the rows of the old many-to-many tables
are copied over here and the old tables dropped in 0012."""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


def copy_links(apps, schema_editor):
    Team = apps.get_model("trainees", "Team")
    TeamCommune = apps.get_model("trainees", "TeamCommune")
    TeamMembership = apps.get_model("trainees", "TeamMembership")
    TeamCommune.objects.bulk_create(
        TeamCommune(team_id=row.team_id, commune_id=row.commune_id)
        for row in Team.communes.through.objects.all()
    )
    TeamMembership.objects.bulk_create(
        TeamMembership(team_id=row.team_id, user_id=row.user_id)
        for row in Team.members.through.objects.all()
    )


def copy_back(apps, schema_editor):
    Team = apps.get_model("trainees", "Team")
    TeamCommune = apps.get_model("trainees", "TeamCommune")
    TeamMembership = apps.get_model("trainees", "TeamMembership")
    Team.communes.through.objects.bulk_create(
        Team.communes.through(team_id=row.team_id, commune_id=row.commune_id)
        for row in TeamCommune.objects.all()
    )
    Team.members.through.objects.bulk_create(
        Team.members.through(team_id=row.team_id, user_id=row.user_id)
        for row in TeamMembership.objects.all()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("trainees", "0009_commune_name_key"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="TeamCommune",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "commune",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="trainees.commune",
                        verbose_name="commune",
                    ),
                ),
                (
                    "team",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="commune_links",
                        to="trainees.team",
                    ),
                ),
            ],
            options={
                "verbose_name": "commune of a team",
                "verbose_name_plural": "communes of a team",
                "constraints": [
                    models.UniqueConstraint(fields=("team", "commune"), name="team_commune_once")
                ],
            },
        ),
        migrations.CreateModel(
            name="TeamMembership",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "team",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="trainees.team",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        limit_choices_to={"role__in": ["trainer", "commune_coordinator"]},
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="trainer",
                    ),
                ),
            ],
            options={
                "verbose_name": "team member",
                "verbose_name_plural": "team members",
                "constraints": [
                    models.UniqueConstraint(fields=("team", "user"), name="team_member_once")
                ],
            },
        ),
        migrations.RunPython(copy_links, copy_back),
    ]
