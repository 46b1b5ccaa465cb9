"""Public pages may be kept by a reverse proxy or CDN; private pages by nobody (issue 12).

Every kind of public page (docs/architecture.md) — home, catalogue, course, lesson, the
offline page, the roll call's offline shell, the certificate check, verify and search
screens — is asked by a visitor and by a signed-in learner. Each answer must let a shared
cache keep it (`public`, `s-maxage`), make a browser ask again (`max-age=0`, or longer for
the check screens), vary on neither `Cookie` (the personal parts come from /api/me/) nor,
under a language prefix, `Accept-Language` (the URL carries the language), set no cookie,
and be the same bytes for both — else a proxy would hand one visitor's page to another.
"""

import pytest
from django.utils.cache import cc_delim_re

from certificates import services as certificate_services
from certificates.factories import held_session_with
from trainees.factories import PersonFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, str]:
    out = {}
    for item in cc_delim_re.split(response.get("Cache-Control", "")):
        if item:
            key, _sep, value = item.partition("=")
            out[key.strip().lower()] = value.strip()
    return out


def _vary(response) -> set[str]:
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


@pytest.fixture
def public_urls(course_tree, commune_a, village_a):
    session = TrainingSessionFactory(commune=commune_a, village=village_a, title="Cài VNeID")
    person = PersonFactory(commune=commune_a, village=village_a, full_name="Giàng Thị Mỷ")
    held_session = held_session_with(session, [person])
    achievement = certificate_services.session_achievement(session=held_session)
    certificate = certificate_services.certificate_issue(person=person, achievement=achievement)
    return {
        # url: the browser's max-age
        "/vi/": 0,
        "/en/": 0,
        "/vi/khoa-hoc/": 0,
        "/vi/khoa-hoc/dung-dien-thoai/": 0,
        "/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/": 0,
        "/vi/khoa-hoc/dung-dien-thoai/goi-dien/": 0,
        "/hmn/sessions/roll-call/": 0,
        "/vi/sessions/roll-call/": 0,
        "/vi/certificates/check/": 3600,
        f"/vi/certificates/verify/{certificate.code}": 300,
        f"/en/certificates/verify/?serial={certificate.serial}&name=Nobody": 0,
        "/offline/": 0,
    }


def test_every_public_page_kind_may_be_kept_by_a_proxy(
    client, settings, public_urls, learner, trainer_a
):
    settings.PUBLIC_PAGE_PROXY_MAX_AGE = 120
    seen = {}
    for who in (None, learner, trainer_a):
        client.logout()
        if who is not None:
            client.force_login(who)
        for url, max_age in public_urls.items():
            response = client.get(url)
            assert response.status_code == 200, url
            cc = _directives(response)
            assert "public" in cc and "private" not in cc and "no-store" not in cc, (url, cc)
            assert cc["max-age"] == str(max_age), (url, cc)
            assert cc["s-maxage"] == str(max(max_age, 120)), (url, cc)
            vary = _vary(response)
            assert "cookie" not in vary or not url.startswith(("/vi/", "/en/", "/hmn/")), url
            if url.startswith(("/vi/", "/en/", "/hmn/")):
                assert not vary & {"cookie", "accept-language"}, (url, vary)
            else:
                # The offline page's language comes from the visitor: its Vary says so.
                assert {"cookie", "accept-language"} <= vary, (url, vary)
            assert not response.cookies, (url, list(response.cookies))
            seen.setdefault(url, set()).add(response.content)
    # The same bytes for a visitor, a learner and a trainer.
    assert {url: len(bodies) for url, bodies in seen.items()} == dict.fromkeys(seen, 1)


def test_a_kept_page_is_revalidated_for_nothing(client, course_tree):
    url = "/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/"
    first = client.get(url)
    assert first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_pictures_and_library_files_vary_on_nothing_personal(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "a.png").write_bytes(b"\x89PNG")
    response = client.get("/media/original_images/a.png", HTTP_ACCEPT_LANGUAGE="hmn")
    assert response.status_code == 200
    assert "public" in _directives(response)
    assert not _vary(response) & {"cookie", "accept-language"}, response.get("Vary")


def test_private_pages_stay_private(client, course_tree, learner, trainer_a):
    lesson = course_tree["lessons"][0]
    # A lesson restricted to signed-in people is shown to some only.
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=lesson, restriction_type="login")
    client.force_login(learner)
    restricted = client.get(lesson.url)
    assert restricted.status_code == 200
    assert _directives(restricted).keys() >= {"private"}, restricted["Cache-Control"]
    assert "public" not in _directives(restricted)
    client.force_login(trainer_a)
    for url in ("/vi/sessions/", "/vi/activity/", "/api/me/?lang=vi", "/vi/login/"):
        response = client.get(url)
        cc = _directives(response)
        assert {"private", "no-store"} <= cc.keys() and "public" not in cc, (url, cc)
    client.logout()
    login = client.get("/vi/login/")  # a form with a CSRF token, for a visitor
    assert {"private", "no-store"} <= _directives(login).keys()


def test_the_language_is_remembered_through_the_personal_call(client, home_page):
    """A public page sets no cookie; the call it makes to /api/me/ remembers its language."""
    page = client.get("/hmn/")
    assert not page.cookies
    client.get("/api/me/?lang=hmn")
    assert client.get("/")["Location"] == "/hmn/"
