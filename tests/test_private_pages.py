"""Every answer holding personal data says `Cache-Control: private, no-store` (issue 12).

The URL resolver is walked as in the scope sweep, so a view added tomorrow is checked from
its first day: each URL of our apps is opened by the person it is for, and any answer
that is not public on purpose (`PUBLIC_PAGES`, with the reason) must forbid every cache
from keeping it — the roster JSON, exports, the sign-in sheet, the roll call, certificate
downloads and zips, coverage exports and reports alike.
"""

import pytest
from django.utils.cache import get_max_age

from tests.test_scope_sweep import PARAM, _our_patterns, _url, world  # noqa: F401, F811

pytestmark = pytest.mark.django_db

# The same bytes for everyone: nothing personal in them, so caches may keep them.
PUBLIC_PAGES = {
    "courses:service_worker": "the service worker script",
    "service_worker": "the service worker script",
    # The roll call's offline shell names nobody; the roster comes from the API (private).
    "trainees:rollcall_shell": "the roll call's shell",
    "courses:manifest": "the web app manifest",
    "courses:offline": "the offline fallback page",
    "h5p:library_file": "H5P library code and styles",
    "public_media": "lesson pictures",
    # A lesson's pictures and H5P content: no one's data; "private, max-age" so a lesson
    # restricted to a group is kept only in its reader's browser, for offline use.
    "h5p:content_file": "lesson content",
    # The certificate check screens: public pages, account links from /api/me/.
    "certificates:check": "the offline certificate check screen",
    "certificates:verify": "what a certificate's QR code opens (names only its holder)",
    "certificates:verify_search": "the search by serial number",
    "certificate_keys": "the public keys verifiers fetch",
    "certificate_revocations": "the revocation list (serials only)",
    "api:openapi-json": "the API's schema",
    "healthz-part": "health checks for the load balancer (name nobody)",
}


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_every_private_answer_forbids_caching(client, world):  # noqa: F811
    checked, leaks = [], []
    for name, route in _our_patterns():
        name = name.lstrip(":")
        if name in PUBLIC_PAGES:
            continue
        url, missing = _url(name, route, world.fill) if PARAM.search(route) else (route, [])
        assert not missing, (name, route, missing)
        client.force_login(world.owners.get(name, world.owner))
        response = client.get(url)
        _body(response)
        if response.status_code != 200:
            continue
        checked.append(name)
        cache_control = response.get("Cache-Control", "")
        if "private" not in cache_control or "no-store" not in cache_control:
            leaks.append(f"{name} {url}: Cache-Control {cache_control!r}")
    assert not leaks, "Personal answers a cache may keep:\n" + "\n".join(leaks)
    # The walk reached the answers the issue names.
    assert {
        "api:roster",
        "trainees:session_rollcall",
        "trainees:session_sheet",
        "trainees:session_sheet_pdf",
        "trainees:session_export",
        "trainees:commune_attendance_export",
        "certificates:download",
        "certificates:session_zip",
        "coverage:province_export",
        "coverage:report_download",
    } <= set(checked), sorted(checked)


def test_the_public_pages_stay_cacheable(client):
    for url in ("/sw.js", "/certificates/revocations.json", "/.well-known/certificate-keys.json"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" not in response.get("Cache-Control", ""), url
        assert get_max_age(response) is not None and get_max_age(response) >= 0, url
