"""Smaller contracts: the valid() queryset, the service worker's shell, the account link,
the benchmark's smoke run, the demo data."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from certificates import services
from certificates.models import Certificate
from trainees.models import Province

pytestmark = pytest.mark.django_db


def test_valid_means_neither_revoked_nor_replaced(held_session, trainer_a):
    a, b, c = [x.person for x in held_session.attendances.all()]
    achievement = services.session_achievement(session=held_session)
    keep = services.certificate_issue(person=a, achievement=achievement)
    revoked = services.certificate_issue(person=b, achievement=achievement)
    services.certificate_revoke(certificate=revoked, by=trainer_a, reason="Sai")
    old = services.certificate_issue(person=c, achievement=achievement)
    new = services.certificate_replace(certificate=old, by=trainer_a)
    assert set(Certificate.objects.valid()) == {keep, new}


def test_the_service_worker_keeps_the_check_screen(client):
    body = client.get("/sw.js").content.decode().replace("\\u002D", "-")
    for language in ("vi", "en", "hmn"):
        assert f'"/{language}/certificates/check/"' in body
    assert "certificates/check.js" in body and "noble-ed25519/index.js" in body


def test_signed_in_people_find_my_certificates_in_the_header(client, learner, home_page):
    client.force_login(learner)
    # The home page is public: the header's account links come from /api/me/.
    account = client.get("/api/me/", {"lang": "vi", "page": home_page.pk}).json()["account"]
    assert reverse("certificates:mine") in account


def test_the_check_screen_is_public_and_has_no_inline_script(client):
    response = client.get("/vi/certificates/check/")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
    assert inline == []


def test_benchmark_smoke_run_prints_its_figures_and_cleans_up(wagtail_base):
    out = StringIO()
    call_command("benchmark_certificates", count=0, samples=2, stdout=out)
    text = out.getvalue()
    for figure in ("warm process:", "raw WeasyPrint:", "ratio warm/raw:", "Whole render task"):
        assert figure in text
    assert not Certificate.objects.exists()
    assert not Province.objects.filter(code="98").exists()


def test_demo_data_has_rendered_certificates(wagtail_base, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_data", stdout=StringIO())
    learner = Certificate.objects.get(recipient__user__phone="+84900000006")
    assert learner.kind == "course" and learner.status == Certificate.Status.READY
    session = Certificate.objects.filter(kind="session")
    assert session.exists()
    assert set(session.values_list("status", flat=True)) == {Certificate.Status.READY}
    assert learner.pdf.storage.exists(learner.pdf.name)
