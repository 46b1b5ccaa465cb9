import pytest

from trainees.models import Role, User

pytestmark = pytest.mark.django_db


def test_an_administrator_creates_an_account_with_a_phone_number_and_no_email(client, make_user):
    admin = make_user(Role.ADMINISTRATOR, phone="0911000030")
    client.force_login(admin)
    response = client.post(
        "/admin/users/new/",
        {
            "phone": "0987 654 321",
            "first_name": "Lan",
            "last_name": "Nguyễn Thị",
            "email": "",
            "password1": "a-long-password-2026",
            "password2": "a-long-password-2026",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(phone="+84987654321").get_full_name() == "Nguyễn Thị Lan"


def test_a_malformed_phone_number_is_refused_in_the_admin(client, make_user):
    admin = make_user(Role.ADMINISTRATOR, phone="0911000031")
    client.force_login(admin)
    response = client.post(
        "/admin/users/new/",
        {
            "phone": "12",
            "first_name": "A",
            "last_name": "B",
            "password1": "x-long-pass-2026",
            "password2": "x-long-pass-2026",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(first_name="A").exists()


def test_a_content_editor_reaches_the_admin_but_not_user_management(client, make_user):
    editor = make_user(Role.CONTENT_EDITOR, phone="0911000032")
    client.force_login(editor)
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/users/").status_code == 302
