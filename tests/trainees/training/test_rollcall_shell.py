"""The roll call's offline shell (docs/architecture.md): the service worker may keep it
because it holds nothing personal; the roster waits in the phone's IndexedDB."""

import pytest

from trainees.factories import PersonFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def test_the_roll_call_names_no_one_and_its_shell_is_kept_by_the_service_worker(
    client, trainer_a, commune_a, village_a
):
    session = TrainingSessionFactory(commune=commune_a, village=village_a, title="Lớp VNeID")
    PersonFactory(commune=commune_a, village=village_a, full_name="Thào Thị Say")
    shell = client.get("/vi/sessions/roll-call/")
    assert shell.status_code == 200 and shell["Cache-Control"].startswith(
        "public, max-age=0, s-maxage="
    )
    assert '"/vi/sessions/roll-call/"' in client.get("/sw.js").content.decode()

    client.force_login(trainer_a)
    page = client.get(f"/vi/sessions/{session.uuid}/roll-call/")
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    for html in (shell.content.decode(), page.content.decode()):
        for personal in ("Lớp VNeID", "Thào Thị Say", 'class="who"', "csrf"):
            assert personal not in html
        assert 'src="/static/trainees/rollcall.js"' in html
