"""Generated text — any Unicode, NUL, lone surrogates, control characters, very long — sent to
every form and JSON endpoint that takes text: never a server error (issue 8). About 50
examples an endpoint in CI (the "ci" profile in tests/conftest.py); HYPOTHESIS_PROFILE=thorough
for a longer run. Forms are posted as raw bytes, so a lone surrogate reaches the server as the
bytes a hostile client would send."""

import json
import uuid
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import quiz_id
from trainees.factories import PersonFactory, TrainingSessionFactory
from trainees.models import Role
from trainees.training import services

pytestmark = pytest.mark.django_db

ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and controls included
TEXT = st.one_of(
    st.text(ANY_CHARACTER),
    st.text(ANY_CHARACTER, min_size=150, max_size=400),
    st.builds(lambda c, n: c * n, ANY_CHARACTER, st.integers(1_000, 20_000)),
    st.sampled_from(
        [
            "",
            "\x00",
            "\ud800",
            "\udfff x",
            "Lò\x00Văn",
            '=HYPERLINK("http://x")',
            "١٩٧٨",
            "9" * 40,
            "0001-01-01T00:00:00+07:00",
            "2026-02-30T25:00:00",
            "Infinity",
            "../../etc/passwd",
        ]
    ),
)


def form_bytes(data: dict) -> bytes:
    """x-www-form-urlencoded, keeping what UTF-8 cannot encode as the bytes a client sends."""
    return urlencode(data, doseq=True, encoding="utf-8", errors="surrogatepass").encode()


def post_form(client, url, data):
    return client.generic(
        "POST", url, form_bytes(data), content_type="application/x-www-form-urlencoded"
    )


def get_query(client, url, data):
    return client.get(url + "?" + urlencode(data, encoding="utf-8", errors="surrogatepass"))


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def world(course_tree, make_user, commune_a, village_a, trainer_a):
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    person = PersonFactory(commune=commune_a, village=village_a)
    flagged = PersonFactory(commune=commune_a, village=village_a, possible_duplicate_of=person)
    return SimpleNamespace(
        session=session,
        person=person,
        flagged=flagged,
        commune=commune_a,
        trainer=trainer_a,
        coordinator=make_user(Role.COMMUNE_COORDINATOR, communes=[commune_a], phone="0911000701"),
        learner=make_user(Role.LEARNER, phone="0911000702"),
        lesson=course_tree["lessons"][1],
    )


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def scan(client, session):
    client.get(f"/vi/checkin/{session.uuid}/", {"t": services.checkin_token_make(session)})


def login(client, w, text):
    as_user(client, None)
    return post_form(client, "/vi/login/", {"username": text, "password": text})


def sign_up_search(client, w, text):
    as_user(client, None)
    return get_query(client, "/vi/sign-up/", {"q": text})


def sign_up(client, w, text):
    as_user(client, None)
    return post_form(
        client,
        f"/vi/sign-up/?commune={w.commune.code}",
        {
            "commune": text[:8] if text[:1].isdigit() else w.commune.code,
            "full_name": text,
            "phone": text,
            "password": text,
            "consent": "on",
        },
    )


def checkin_register(client, w, text):
    as_user(client, None)
    scan(client, w.session)
    return post_form(
        client,
        f"/vi/checkin/{w.session.uuid}/",
        {
            "reg-full_name": text,
            "reg-phone": text,
            "reg-password": text,
            "reg-birth_year": text,
            "reg-consent": "on",
        },
    )


def checkin_name(client, w, text):
    as_user(client, w.learner)
    scan(client, w.session)
    return post_form(
        client,
        f"/vi/checkin/{w.session.uuid}/",
        {"full_name": text, "birth_year": text, "village": text, "consent": "on"},
    )


def session_create(client, w, text):
    as_user(client, w.trainer)
    return post_form(
        client,
        "/vi/sessions/new/",
        {
            "title": text,
            "commune": w.commune.pk,
            "village": text,
            "day": text,
            "start": text,
            "end": "10:00",
            "venue": text,
            "topics": text,
            "capacity": text,
            "notes": text,
        },
    )


def session_copy(client, w, text):
    as_user(client, w.trainer)
    return get_query(client, "/vi/sessions/new/", {"copy": text})


def sign_in_sheet(client, w, text):
    as_user(client, w.trainer)
    return post_form(
        client,
        f"/vi/sessions/{w.session.uuid}/sheet/",
        {
            f"status_{w.person.pk}": text,
            "new0-full_name": text,
            "new0-birth_year": text,
            "new0-gender": text,
            "new0-household": text,
            "new0-consent": "on",
            "new0-existing": text,
        },
    )


def session_actions(client, w, text):
    as_user(client, w.trainer)
    return post_form(client, f"/vi/sessions/{w.session.uuid}/", {"action": text})


def village_add(client, w, text):
    as_user(client, w.coordinator)
    return post_form(client, f"/vi/communes/{w.commune.code}/", {"name": text, "kind": text})


def commune_search(client, w, text):
    as_user(client, w.trainer)
    return get_query(client, "/vi/communes/", {"q": text})


def roster_import(client, w, text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    as_user(client, w.trainer)
    cells = text.replace('"', '""')
    row = ",".join([f'"{cells}"'] * 4)
    content = f"full_name,birth_year,village,phone,consent\r\n{row},x\r\n"
    upload = SimpleUploadedFile("r.csv", content.encode("utf-8", "surrogatepass"), "text/csv")
    return client.post(f"/vi/sessions/{w.session.uuid}/import/", {"file": upload})


def assist(client, w, text):
    as_user(client, w.trainer)
    return post_form(client, f"/vi/sessions/{w.session.uuid}/assist/", {"person": text})


def merge(client, w, text):
    as_user(client, w.trainer)
    return post_form(
        client, f"/vi/people/duplicates/{w.flagged.pk}/", {"action": text, "keep": text}
    )


def answer_form(client, w, text):
    as_user(client, w.learner)
    return post_form(
        client,
        "/api/progress/answer/",
        {
            "lesson": w.lesson.pk,
            "block": text,
            "choice": [text, "0"],
            "lang": text,
            "next": text,
            "uuid": text,
            "preview": text,
        },
    )


def complete_form(client, w, text):
    as_user(client, w.learner)
    return post_form(
        client,
        "/api/progress/complete/",
        {"lesson": text, "lang": text, "next": text, "uuid": text},
    )


def sync_api(client, w, text):
    as_user(client, w.trainer)
    return post_json(
        client,
        "/api/attendance/sync",
        {
            "registrations": [
                {
                    "uuid": str(uuid.uuid4()),
                    "session": str(w.session.uuid),
                    "full_name": text,
                    "household": text,
                    "notes": text,
                    "ethnicity": text,
                    "gender": text,
                    "consent": True,
                }
            ],
            "marks": [
                {
                    "uuid": str(uuid.uuid4()),
                    "session": str(w.session.uuid),
                    "person_id": w.person.pk,
                    "status": "present",
                    "recorded_at": text,
                }
            ],
        },
    )


def progress_events(client, w, text):
    as_user(client, w.learner)
    return post_json(
        client,
        "/api/progress/events/",
        {
            "lang": text,
            "events": [
                {
                    "uuid": text,
                    "type": "answer",
                    "lesson": w.lesson.pk,
                    "block": quiz_id(w.lesson),
                    "choices": [text],
                    "at": text,
                },
                {"uuid": text, "type": text, "lesson": w.lesson.pk, "position": text},
                {
                    "uuid": str(uuid.uuid4()),
                    "type": "position",
                    "lesson": w.lesson.pk,
                    "position": text,
                },
            ],
        },
    )


def xapi(client, w, text):
    as_user(client, w.learner)
    return post_json(
        client,
        "/vi/activity/statements/",
        {
            "statement": {
                "id": text,
                "verb": {"id": "http://adlnet.gov/expapi/verbs/" + text},
                "object": {"id": "http://testserver/h5p/activity/" + text},
                "result": {"response": text, "score": {"raw": 1, "max": 1}},
                "timestamp": text,
                "context": {"extensions": {text: text}},
            }
        },
    )


def certificate_verify_search(client, w, text):
    as_user(client, None)
    return get_query(client, "/vi/certificates/verify/", {"serial": text, "name": text})


def certificate_verify(client, w, text):
    from urllib.parse import quote

    as_user(client, None)
    return client.get("/vi/certificates/verify/" + quote(text, safe="", errors="surrogatepass"))


def certificate_manage_search(client, w, text):
    as_user(client, w.trainer)
    return get_query(client, "/vi/certificates/manage/", {"q": text, "status": text, "page": text})


def certificate_issue_form(client, w, text):
    as_user(client, w.trainer)
    return post_form(
        client, "/vi/certificates/issue/", {"course": text, "session": text, "person": text}
    )


def privacy_search(client, w, text):
    as_user(client, w.coordinator)
    return get_query(client, "/vi/people/privacy/", {"q": text})


def privacy_erase(client, w, text):
    as_user(client, w.coordinator)
    return post_form(
        client, f"/vi/people/{w.person.pk}/privacy/", {"reason": text, "confirm": text}
    )


def coverage_dashboard(client, w, text):
    as_user(client, w.coordinator)
    fields = ("period", "at", "campaign", "colour_by", "kind", "colour", "q", "sort", "desc")
    return get_query(client, f"/vi/coverage/commune/{w.commune.code}/", dict.fromkeys(fields, text))


ENDPOINTS = [
    login,
    sign_up_search,
    sign_up,
    checkin_register,
    checkin_name,
    session_create,
    session_copy,
    sign_in_sheet,
    session_actions,
    village_add,
    commune_search,
    roster_import,
    assist,
    merge,
    answer_form,
    complete_form,
    sync_api,
    progress_events,
    xapi,
    certificate_verify_search,
    certificate_verify,
    certificate_manage_search,
    certificate_issue_form,
    privacy_search,
    privacy_erase,
    coverage_dashboard,
]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda f: f.__name__)
@given(text=TEXT)
def test_generated_text_never_gives_a_server_error(client, world, endpoint, text):
    # The test client re-raises a view's exception, so a 500 fails here with its traceback.
    response = endpoint(client, world, text)
    assert response.status_code < 500, (endpoint.__name__, response.status_code)
