"""The move of scopes from `User.communes` to teams keeps everyone's scope exactly."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from trainees.models import Role, Team, User
from trainees.scoping import visible_communes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("trainees", "0010_team_link_tables")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_every_trainer_and_coordinator_keeps_their_communes_and_no_more():
    old = migrate(BEFORE)
    Province = old.get_model("trainees", "Province")
    Commune = old.get_model("trainees", "Commune")
    OldUser = old.get_model("trainees", "User")
    OldTeam = old.get_model("trainees", "Team")
    TeamCommune = old.get_model("trainees", "TeamCommune")
    TeamMembership = old.get_model("trainees", "TeamMembership")

    lao_cai = Province.objects.create(code="15", name="Lào Cai", kind="province", codename="lc")
    a, b, c = (
        Commune.objects.create(
            code=code, name=name, kind="commune", codename=code, province=lao_cai
        )
        for code, name in [
            ("02683", "Xã Bát Xát"),
            ("02761", "Xã Mường Khương"),
            ("02700", "Xã Y Tý"),
        ]
    )

    def user(phone, role, communes=(), province=None):
        u = OldUser.objects.create(phone=phone, role=role, province=province)
        u.communes.set(communes)
        return u

    def team(name, communes, members):
        t = OldTeam.objects.create(name=name, kind="youth_union")
        for commune in communes:
            TeamCommune.objects.create(team=t, commune=commune)
        for member in members:
            TeamMembership.objects.create(team=t, user=member)
        return t

    wide = user("+84911000001", "trainer", [a, b])
    narrow = user("+84911000002", "trainer", [a])
    coordinator = user("+84911000003", "commune_coordinator", [c])
    learner = user("+84911000004", "learner")
    province_coordinator = user("+84911000005", "province_coordinator", province=lao_cai)
    nobody = user("+84911000006", "trainer")
    # Today a team grants nothing: its members' scope is their own list of communes.
    team("Đội hình Tỉnh đoàn", [a, b, c], [wide])
    team("Tổ công nghệ số Bát Xát", [a], [narrow, learner])

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    def scope(old_user):
        return set(
            visible_communes(User.objects.get(pk=old_user.pk)).values_list("code", flat=True)
        )

    assert scope(wide) == {"02683", "02761"}
    assert scope(narrow) == {"02683"}
    assert scope(coordinator) == {"02700"}
    assert scope(learner) == set()
    assert scope(nobody) == set()
    assert scope(province_coordinator) == {"02683", "02761", "02700"}
    # The team that would have widened a scope keeps its communes but not that member;
    # a commune nobody's team covered got a team of its own, shared by those who work there.
    assert not Team.objects.get(name="Đội hình Tỉnh đoàn").members.exists()
    assert set(Team.objects.get(name="Tổ công nghệ số Bát Xát").members.all()) == {
        User.objects.get(pk=narrow.pk),
        User.objects.get(pk=wide.pk),
    }
    assert Team.objects.get(name="Xã Mường Khương, Lào Cai").members.get().pk == wide.pk
    assert Team.objects.get(name="Xã Y Tý, Lào Cai").members.get().role == Role.COMMUNE_COORDINATOR
