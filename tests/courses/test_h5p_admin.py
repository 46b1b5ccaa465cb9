"""Uploading H5P packages in the Wagtail admin needs the dedicated permission."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.models import H5PPackage
from trainees.models import Role

from .h5p_helpers import GREETING, build, greeting

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/courses/h5ppackage/add/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def editor(make_user):
    return make_user(Role.CONTENT_EDITOR, phone="0911000201")


def upload(client, data: bytes, title=""):
    return client.post(
        ADD_URL,
        {"upload": SimpleUploadedFile("x.h5p", data, "application/zip"), "title": title},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_editors_without_the_permission_cannot_upload(client, editor):
    client.force_login(editor)
    assert client.get(ADD_URL).status_code in (302, 403)
    upload(client, GREETING.read_bytes())
    assert not H5PPackage.objects.exists()


def test_upload_with_the_permission(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="upload_h5ppackage"))
    client.force_login(editor)
    assert client.get(ADD_URL).status_code == 200
    response = upload(client, GREETING.read_bytes(), title="Thiệp")
    assert response.status_code == 302, response.content.decode()[:2000]
    package = H5PPackage.objects.get()
    assert package.title == "Thiệp" and package.uploaded_by == editor


def test_a_bad_package_shows_the_reason_on_the_form(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="upload_h5ppackage"))
    client.force_login(editor)
    response = upload(client, build(greeting(**{"content/shell.php": b"<?php"})).getvalue())
    assert response.status_code == 200
    assert "content/shell.php" in response.content.decode()
    assert not H5PPackage.objects.exists()


def test_administrators_may_upload_content_editors_may_not(client, make_user, editor):
    admin = make_user(Role.ADMINISTRATOR, phone="0911000202")
    assert admin.has_perm("courses.upload_h5ppackage")
    assert not editor.has_perm("courses.upload_h5ppackage")
    assert editor.has_perm("courses.change_h5ppackage")
    client.force_login(admin)
    assert client.get(ADD_URL).status_code == 200


def test_deleting_a_package_removes_its_files_but_keeps_shared_libraries(
    client, make_user, django_capture_on_commit_callbacks
):
    from courses.h5p import storage

    admin = make_user(Role.ADMINISTRATOR, phone="0911000202")
    client.force_login(admin)
    assert upload(client, GREETING.read_bytes()).status_code == 302
    package = H5PPackage.objects.get()
    content, upload_path = storage.content_dir(package.sha256), package.file.path
    libraries = list(storage.h5p_root().joinpath("libraries").iterdir())
    assert content.is_dir() and libraries

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/snippets/courses/h5ppackage/delete/{package.pk}/")
    assert response.status_code == 302
    assert not H5PPackage.objects.exists()
    assert not content.exists()
    assert not Path(upload_path).exists()
    assert list(storage.h5p_root().joinpath("libraries").iterdir()) == libraries


def test_uploading_the_same_package_again_says_so_and_applies_the_new_title(client, make_user):
    admin = make_user(Role.ADMINISTRATOR, phone="0911000203")
    client.force_login(admin)
    assert upload(client, GREETING.read_bytes(), title="Thiệp chúc mừng").status_code == 302
    response = upload(client, GREETING.read_bytes(), title="Greeting card")
    assert response.status_code == 302
    package = H5PPackage.objects.get()  # still one
    assert package.title == "Greeting card"
    html = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "had been uploaded before" in html and "Greeting card" in html
    # Without a title, the package keeps the one it has.
    upload(client, GREETING.read_bytes())
    package.refresh_from_db()
    assert package.title == "Greeting card"
