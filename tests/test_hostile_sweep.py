"""The hostile-input sweep in CI: every URL of the site (the resolver is walked, so a view
added tomorrow is swept from its first day) gets a fixed list of hostile requests — NUL
bytes, invalid UTF-8, huge, negative, float and NaN numbers, impossible dates and time
zones, path traversal, overlong names, duplicated parameters, unknown language prefixes,
HEAD/OPTIONS/PUT/PATCH/DELETE, wrong content types, malformed multipart, JSON of the wrong
shape, no CSRF token — from the person it is for and from those it is not for. None may
give a 5xx, and a refused (4xx) write changes nothing in the database.

The full list, against the demo data, is `scripts/hostile_sweep.py` (tests/hostile.py
holds the requests both use). Wagtail's own views are swept too; the admin forms an editor
reaches are sent broken data below.
"""

import json

import pytest
from django.test import Client

from tests import hostile
from tests.test_scope_sweep import _state, world  # noqa: F401 - the fixture
from trainees.models import Role

pytestmark = pytest.mark.django_db

# The short list: one of each kind, so the sweep stays about a minute in CI.
QUERIES = [hostile.hostile_queries()[i] for i in (1, 2, 6, 8, 11, 13, 15, 19)] + [
    hostile.hostile_queries()[-1]
]
BODIES = [hostile.hostile_bodies()[i] for i in (0, 1, 3, 5, 7, 10, 11)]
PATH_VALUES = ("99999999999999999999999999", "%00", "A" * 3000)
PREFIXES = ("xx", "hmn", "%00")


def _writes():
    return {**hostile.database_counts(), "state": _state()}


# Wagtail's own views outside the admin: ids that need not exist (a 404 is an answer too).
WAGTAIL_FILL = {"restriction_id": 1, "page_view_restriction_id": 1, "page_id": 1, "token": "x"}


def _routes(world):  # noqa: F811
    for name, route in hostile.our_patterns():
        url = hostile.fill_route(name, route, {**WAGTAIL_FILL, **world.fill})
        assert url is not None, f"{name} {route}: give its parameters a value in FILL"
        yield name, route, url


def _report(sweep):
    return f"{len(sweep.failures)} of {sweep.requests} requests broke the rule:\n" + "\n".join(
        str(f) for f in sweep.failures[:15]
    )


def test_no_hostile_request_gives_a_server_error_or_changes_anything(world):  # noqa: F811
    sweep = hostile.Sweep(Client())
    try:
        for name, route, url in _routes(world):
            owner = world.owners.get(name.lstrip(":"), world.owners.get(name, world.owner))
            sweep.as_user("owner", owner)
            for query in QUERIES:
                sweep.request("GET", f"{url}?{query}")
            # The writes, checked together: when every one is refused, nothing changed.
            before, statuses = _writes(), []
            for method in hostile.METHODS:
                response = sweep.request(method, url, body=b"x=%00", content_type="text/plain")
                statuses.append(response.status_code if response else 0)
            for content_type, body in BODIES:
                response = sweep.request("POST", url, body=body, content_type=content_type)
                statuses.append(response.status_code if response else 0)
            if all(400 <= status < 500 for status in statuses):
                assert _writes() == before, f"{name}: a refused write changed the database"
            sweep.as_user("owner", owner)  # the hostile POSTs may have signed out
            for bad in hostile.hostile_routes(route):
                if any(value in bad for value in PATH_VALUES):
                    sweep.request("GET", bad)
            if url.startswith("/vi/"):
                for prefix in PREFIXES:
                    sweep.request("GET", f"/{prefix}/{url[4:]}")
            # Those the URL is not for: a learner and an anonymous visitor.
            for who in ("a learner", "an anonymous visitor"):
                sweep.as_user(who, world.outsiders[who])
                sweep.request("GET", f"{url}?{QUERIES[0]}")
                content_type, body = BODIES[0]
                sweep.request("POST", url, body=body, content_type=content_type, writes=_writes)
    finally:
        sweep.close()
    assert sweep.requests > 1500
    assert not sweep.failures, _report(sweep)


def test_a_post_without_its_csrf_token_is_refused_and_changes_nothing(world):  # noqa: F811
    """The CSRF check is Django's; this proves no view skips it by accident (the CSP report
    endpoint is the one exempt on purpose — browsers send reports without a token — and it
    refuses a body that is no report)."""
    sweep = hostile.Sweep(Client(enforce_csrf_checks=True))
    accepted = []
    try:
        for name, _route, url in _routes(world):
            sweep.as_user("owner", world.owners.get(name.lstrip(":"), world.owner))
            body = {"action": "cancelled", "confirm": "1", "person": world.person.pk}
            response = sweep.request(
                "POST",
                url,
                body=json.dumps(body).encode(),
                content_type="application/json",
                writes=_writes,
            )
            if response is not None and response.status_code < 400:
                accepted.append((name, response.status_code))
    finally:
        sweep.close()
    assert not sweep.failures, _report(sweep)
    assert not accepted, accepted


# --- Wagtail's admin: the forms an editor reaches ------------------------------------------


@pytest.fixture
def editor(make_user, wagtail_base):
    return make_user(Role.CONTENT_EDITOR, phone="0911000801")


def test_admin_forms_an_editor_reaches_refuse_broken_data_without_a_server_error(
    client, editor, course_tree
):
    from courses.models import LessonPage

    lesson = course_tree["lessons"][1]
    revisions = lesson.revisions.count()
    client.force_login(editor)
    client.raise_request_exception = False
    edit = f"/admin/pages/{lesson.pk}/edit/"
    assert client.get(edit).status_code == 200
    broken_bodies = [
        {"body-count": "1", "body-0-type": "quiz", "body-0-value": "\x00"},
        {"body-count": "-1"},
        {"body-count": "99999999999999999999"},
        {"body-count": "NaN", "body-0-deleted": "x"},
        {"body": "[{]"},
        {"body": json.dumps([{"type": "nope", "value": None}])},
        {"body": "[" * 3000 + "]" * 3000},
        {"body-count": "1", "body-0-type": "h5p", "body-0-value-activity": "99999999999999"},
        {"body-count": "1", "body-0-type": "h5p", "body-0-value-activity": "%00"},
    ]
    for data in broken_bodies:
        response = client.post(edit, {"title": "T\x00", "slug": "../x", **data})
        assert response.status_code < 500, (data, response.status_code)
    assert lesson.revisions.count() == revisions
    assert LessonPage.objects.get(pk=lesson.pk).title == lesson.title

    # Choosers and snippet views with ids that are no ids.
    for url in (
        "/admin/snippets/choose/courses/narration/",
        "/admin/snippets/choose/courses/narration/chosen/99999999999999999999/",
        "/admin/snippets/choose/courses/narration/chosen/%00/",
        "/admin/snippets/courses/narration/edit/-1/",
        "/admin/snippets/courses/narration/edit/%00/",
        "/admin/pages/99999999999999999999/edit/",
        "/admin/pages/%00/",
        "/admin/pages/search/?q=%00&p=-1",
        "/admin/pages/search/?q=.*%5B%25_&p=NaN",
        "/admin/images/?q=%00&p=99999999999999999999",
        "/admin/choose-page/?q=%00&p=-1",
        "/admin/choose-page/99999999999999999999/",
    ):
        for query in ("", "?q=%00&p=1e400&page=-1"):
            response = client.get(url + query)
            assert response.status_code < 500, (url + query, response.status_code)


def test_the_admins_dead_ends_are_not_found(client, editor, make_user, course_tree):
    """Locking the tree's root page, and Wagtail's deliberate test of its error page."""
    from wagtail.models import Page

    root = Page.get_first_root_node()
    client.raise_request_exception = False
    administrator = make_user(Role.ADMINISTRATOR, phone="0911000802")
    for person in (editor, administrator):
        client.force_login(person)
        for url in (f"/admin/pages/{root.pk}/lock/", f"/admin/pages/{root.pk}/unlock/"):
            assert client.post(url, follow=True).status_code == 404, url
        assert client.get("/admin/failwhale/", follow=True).status_code == 404
    root.refresh_from_db()
    assert not root.locked
    # Any other page locks and unlocks as before.
    lesson = course_tree["lessons"][0]
    assert client.post(f"/admin/pages/{lesson.pk}/lock/").status_code == 302
    lesson.refresh_from_db()
    assert lesson.locked
