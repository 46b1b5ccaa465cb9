"""A trainer's or commune coordinator's communes now come from their teams: move each one's
communes (`User.communes`, dropped in 0012) into team memberships, keeping every scope as it
was — nobody sees a commune more or less than before.

- Memberships of people who are neither trainers nor commune coordinators granted nothing
  and still grant nothing: they are removed.
- A membership in a team working in a commune the person could not see would widen their
  scope: it is removed (it granted nothing before).
- A commune the person could see that no remaining team of theirs covers: they join a team
  that works in that commune alone, made for it ("<commune>, <province>") when none exists.
"""

from collections import defaultdict

from django.db import migrations

COMMUNE_ROLES = ["trainer", "commune_coordinator"]


def forwards(apps, schema_editor):
    User = apps.get_model("trainees", "User")
    Commune = apps.get_model("trainees", "Commune")
    Team = apps.get_model("trainees", "Team")
    TeamCommune = apps.get_model("trainees", "TeamCommune")
    TeamMembership = apps.get_model("trainees", "TeamMembership")

    TeamMembership.objects.exclude(user__role__in=COMMUNE_ROLES).delete()
    team_communes = defaultdict(set)
    for team_id, commune_id in TeamCommune.objects.values_list("team_id", "commune_id"):
        team_communes[team_id].add(commune_id)
    alone = {}  # commune → a team that works in that commune only
    for team_id, communes in sorted(team_communes.items()):
        if len(communes) == 1:
            alone.setdefault(next(iter(communes)), team_id)

    for user in User.objects.filter(role__in=COMMUNE_ROLES).order_by("pk"):
        scope = set(user.communes.values_list("pk", flat=True))
        covered = set()
        for membership in TeamMembership.objects.filter(user=user):
            communes = team_communes.get(membership.team_id, set())
            if communes <= scope:
                covered |= communes
            else:
                membership.delete()
        for commune_id in sorted(scope - covered):
            if commune_id not in alone:
                commune = Commune.objects.select_related("province").get(pk=commune_id)
                team = Team.objects.create(
                    name=f"{commune.name}, {commune.province.name}", kind="community"
                )
                TeamCommune.objects.create(team=team, commune_id=commune_id)
                alone[commune_id] = team.pk
            TeamMembership.objects.get_or_create(team_id=alone[commune_id], user=user)


def backwards(apps, schema_editor):
    User = apps.get_model("trainees", "User")
    TeamCommune = apps.get_model("trainees", "TeamCommune")
    for user in User.objects.filter(role__in=COMMUNE_ROLES):
        user.communes.set(
            TeamCommune.objects.filter(team__memberships__user=user)
            .values_list("commune_id", flat=True)
            .distinct()
        )


class Migration(migrations.Migration):
    dependencies = [("trainees", "0010_team_link_tables")]

    operations = [migrations.RunPython(forwards, backwards)]
