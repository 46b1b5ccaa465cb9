import pytest
from django.core.management import call_command

from trainees.models import Person, Role, User, Village

pytestmark = pytest.mark.django_db


def test_demo_data_is_idempotent_and_prints_an_account_per_role(capsys, client):
    call_command("load_demo_data")
    out = capsys.readouterr().out
    counts = (User.objects.count(), Village.objects.count(), Person.objects.count())
    call_command("load_demo_data")
    assert (User.objects.count(), Village.objects.count(), Person.objects.count()) == counts
    for role in Role:
        assert User.objects.filter(role=role).exists()
    assert "0900000005  demo-trainer-2026" in out
    assert Village.objects.filter(commune__name="Xã Bát Xát", name="Suối Chải").exists()
    assert (
        client.post(
            "/vi/login/", {"username": "0900000005", "password": "demo-trainer-2026"}
        ).status_code
        == 302
    )
    assert client.get("/hmn/").status_code == 200
