"""A session's certificates page follows the workers without a reload."""

import pytest
from playwright.sync_api import expect

from certificates import services
from certificates.models import Certificate
from tests.conftest import browser_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.celery  # sends the render tasks instead of running them, like a real broker
def test_progress_counts_up_without_a_reload(phone_page, wagtail_base, held_session, trainer_a):
    from cms.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        result = services.session_certificates_issue(session=held_session, by=trainer_a)
    finally:
        app.conf.task_always_eager = before
    assert Certificate.objects.filter(status=Certificate.Status.PENDING).count() == 3

    page = phone_page
    browser_login(page, trainer_a.phone)
    page.goto(f"/vi/sessions/{held_session.uuid}/certificates/")
    expect(page.locator("#progress-text")).to_have_text("0 trên 3 đã sẵn sàng")
    page.evaluate("window.__same_page = true")
    for certificate in result.issued:
        services.certificate_render_pdf(certificate_id=certificate.pk)
    expect(page.locator("#progress-text")).to_have_text("3 trên 3 đã sẵn sàng", timeout=15_000)
    assert page.evaluate("window.__same_page") is True  # no reload happened
    assert page.locator("#progress-bar").evaluate("p => p.value") == 3
