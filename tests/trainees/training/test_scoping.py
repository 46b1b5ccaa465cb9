"""A trainer of commune A can neither see nor change commune B's sessions, people or marks."""

import json
import uuid

import pytest
from django.utils import timezone

from trainees.factories import PersonFactory, TeamFactory, TrainingSessionFactory, VillageFactory
from trainees.models import Attendance, Team, TrainingSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def b_world(commune_b):
    village = VillageFactory(commune=commune_b, name="Sả Hồ")
    session = TrainingSessionFactory(commune=commune_b, village=village, title="Phiên xã B")
    person = PersonFactory(commune=commune_b, village=village, full_name="Sùng Thị Lan")
    return session, person


def test_pages_hide_and_refuse_commune_b(client, trainer_a, commune_a, village_a, b_world):
    session_b, person_b = b_world
    mine = TrainingSessionFactory(commune=commune_a, village=village_a, title="Phiên xã A")
    client.force_login(trainer_a)
    listing = client.get("/vi/sessions/").content.decode()
    assert mine.title in listing and session_b.title not in listing
    for suffix in [
        "",
        "roll-call/",
        "sheet/",
        "import/",
        "qr.svg",
        "sign-in-sheet.pdf",
        "attendance.csv",
    ]:
        url = f"/vi/sessions/{session_b.uuid}/{suffix}"
        assert client.get(url).status_code == 404, url
    assert client.get(f"/vi/sessions/{mine.uuid}/").status_code == 200
    # Changing it through a page is refused too, and nothing changes.
    response = client.post(f"/vi/sessions/{session_b.uuid}/", {"action": "cancelled"})
    assert response.status_code == 404
    response = client.post(
        f"/vi/sessions/{session_b.uuid}/sheet/", {f"status_{person_b.pk}": "present"}
    )
    assert response.status_code == 404
    session_b.refresh_from_db()
    assert session_b.status == "planned"
    assert client.get(f"/vi/communes/{session_b.commune.code}/attendance.csv").status_code == 404
    # The copy link cannot leak another commune's session either.
    assert client.get(f"/vi/sessions/new/?copy={session_b.uuid}").status_code == 404


def test_the_api_hides_and_refuses_commune_b(client, trainer_a, commune_a, village_a, b_world):
    session_b, person_b = b_world
    mine = TrainingSessionFactory(commune=commune_a, village=village_a)
    client.force_login(trainer_a)
    assert client.get(f"/api/attendance/sessions/{session_b.uuid}/roster").status_code == 404
    roster = client.get(f"/api/attendance/sessions/{mine.uuid}/roster").json()
    assert person_b.pk not in {p["id"] for p in roster["people"]}
    now = timezone.now().isoformat()
    body = {
        "registrations": [
            {
                "uuid": str(uuid.uuid4()),
                "session": str(session_b.uuid),
                "full_name": "Người Lạ",
                "consent": True,
            }
        ],
        "marks": [
            # B's person at B's session, and B's person at my session.
            {
                "uuid": str(uuid.uuid4()),
                "session": str(session_b.uuid),
                "person_id": person_b.pk,
                "status": "present",
                "recorded_at": now,
            },
            {
                "uuid": str(uuid.uuid4()),
                "session": str(mine.uuid),
                "person_id": person_b.pk,
                "status": "present",
                "recorded_at": now,
            },
        ],
    }
    result = client.post("/api/attendance/sync", json.dumps(body), "application/json").json()
    assert result["marks_new"] == 0 and result["registrations_created"] == 0
    assert len(result["errors"]) == 3
    assert not Attendance.objects.exists()


def test_querysets_of_the_new_models_are_scoped(
    make_user, trainer_a, commune_a, commune_b, b_world
):
    from trainees.models import Role

    TrainingSessionFactory(commune=commune_a)
    mine = Team.objects.get(members=trainer_a)
    other = TeamFactory(communes=[commune_b])
    assert list(Team.objects.for_user(trainer_a)) == [mine]
    assert TrainingSession.objects.for_user(trainer_a).count() == 1
    coordinator = make_user(
        Role.PROVINCE_COORDINATOR, province=commune_a.province, phone="0911000099"
    )
    assert TrainingSession.objects.for_user(coordinator).count() == 2
    assert set(Team.objects.for_user(coordinator)) == {mine, other}
    learner = make_user(Role.LEARNER, phone="0911000098")
    assert not TrainingSession.objects.for_user(learner).exists()


def test_joining_a_team_gives_its_communes_and_leaving_takes_them_away(
    client, trainer_a, commune_a, commune_b, b_world
):
    session_b, _person_b = b_world
    client.force_login(trainer_a)
    assert client.get(f"/vi/sessions/{session_b.uuid}/").status_code == 404
    team = TeamFactory(communes=[commune_a, commune_b], members=[trainer_a])
    assert client.get(f"/vi/sessions/{session_b.uuid}/").status_code == 200
    assert team in Team.objects.for_user(trainer_a)
    team.members.remove(trainer_a)
    assert client.get(f"/vi/sessions/{session_b.uuid}/").status_code == 404
