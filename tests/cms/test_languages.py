import re

import pytest

pytestmark = pytest.mark.django_db


def test_root_sends_to_vietnamese_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/vi/"


def test_root_follows_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    ("prefix", "title", "lang"),
    [
        ("/vi/", "Bình dân học vụ số", "vi"),
        ("/en/", "Digital literacy for all", "en"),
        ("/hmn/", "Txhua tus neeg kawm digital", "hmn"),
    ],
)
def test_each_language_has_its_home_page(client, home_page, prefix, title, lang):
    response = client.get(prefix)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html


def test_interface_strings_follow_the_language(client, home_page):
    assert "Đăng nhập" in client.get("/vi/").content.decode()
    assert "Log in" in client.get("/en/").content.decode()


def switcher_links(html):
    nav = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav))


def test_the_switcher_on_a_page_links_its_translations(client, home_page):
    links = switcher_links(client.get("/en/").content.decode())
    assert set(links.values()) == {"vi", "en", "hmn"}
    assert {v: k for k, v in links.items()} == {"vi": "/vi/", "en": "/en/", "hmn": "/hmn/"}


def test_the_switcher_keeps_you_on_the_same_view(client, home_page):
    html = client.get("/hmn/login/?next=/hmn/").content.decode()
    links = {v: k for k, v in switcher_links(html).items()}
    assert links["vi"] == "/vi/login/?next=/hmn/"
    assert links["en"].startswith("/en/login/")
    assert 'hreflang="hmn" lang="hmn" aria-current="true"' in html


def test_hmong_is_a_known_language_with_a_compiled_catalogue(client):
    from django.utils import translation

    assert translation.check_for_language("hmn")
    assert translation.get_language_info("hmn")["name_local"] == "Hmoob"


def test_admin_asks_for_login_then_opens(client, make_user):
    from trainees.models import Role

    assert client.get("/admin/").status_code == 302
    editor = make_user(Role.CONTENT_EDITOR, phone="0911000002")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_root_remembers_the_language_last_used(client, home_page):
    # A public page sets no cookie (a proxy keeps it); its call to /api/me/ does.
    client.get("/hmn/")
    client.get("/api/me/?lang=hmn")
    assert client.get("/")["Location"] == "/hmn/"


def test_logging_in_returns_to_the_home_page_in_the_same_language(client, learner):
    response = client.post("/en/login/", {"username": learner.phone, "password": "demo-pass-2026"})
    assert response["Location"] == "/en/"
