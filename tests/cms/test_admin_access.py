"""The Wagtail admin is for staff only (issue 12): content editors and administrators.
Learners, trainers and coordinators get the "not allowed" page, even if a group of theirs
was given the admin's permission by mistake; visitors get the admin's log-in page."""

import pytest
from django.contrib.auth.models import Group, Permission

from trainees.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user, commune_a, province):
    return {
        Role.LEARNER: make_user(Role.LEARNER, phone="0911000101"),
        Role.TRAINER: make_user(Role.TRAINER, communes=[commune_a], phone="0911000102"),
        Role.COMMUNE_COORDINATOR: make_user(
            Role.COMMUNE_COORDINATOR, communes=[commune_a], phone="0911000103"
        ),
        Role.PROVINCE_COORDINATOR: make_user(
            Role.PROVINCE_COORDINATOR, province=province, phone="0911000104"
        ),
        Role.CONTENT_EDITOR: make_user(Role.CONTENT_EDITOR, phone="0911000105"),
        Role.ADMINISTRATOR: make_user(Role.ADMINISTRATOR, phone="0911000106"),
    }


def test_only_editors_and_administrators_open_the_admin(client, people, wagtail_base):
    # A mistake in the admin: the learners' group given the admin's permission.
    Group.objects.get(name="Learners").permissions.add(
        Permission.objects.get(codename="access_admin")
    )
    for role, user in people.items():
        client.force_login(user)
        for url in ("/admin/", "/admin/pages/", "/admin/users/"):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
            if role in (Role.CONTENT_EDITOR, Role.ADMINISTRATOR):
                assert response.status_code in (200, 302), (role, url)
                if response.status_code == 302:
                    assert "/login/" not in response["Location"], (role, url)
            else:
                assert response.status_code == 403, (role, url)
                assert "Wagtail" not in response.content.decode()
    client.logout()
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get("/admin/login/").status_code == 200
