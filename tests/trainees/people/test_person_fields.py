"""Person fields once (issue 9, item 4): one table of inputs runs through the form, the sync
API, the roster import and the roll-call script (in node), and all four refuse the same ones
and keep the same text for the rest."""

import json
import shutil
import subprocess
import unicodedata
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from trainees.factories import TrainingSessionFactory, VillageFactory
from trainees.people.forms import PersonForm
from trainees.people.person_fields import person_rules
from trainees.training.importexport import ImportErrors, roster_validate

pytestmark = pytest.mark.django_db
SCRIPT = Path(settings.BASE_DIR) / "trainees" / "static" / "trainees" / "person-fields.js"
NEXT_YEAR = str(timezone.localdate().year + 1)
GOOD = {
    "full_name": "Giàng Thị Mỷ",
    "birth_year": "1978",
    "gender": "female",
    "ethnicity": "hmong",
    "household": "12",
    "consent": True,
    "village": "home",
}

# (what is wrong, the fields that differ from GOOD)
BAD = [
    ("no name", {"full_name": ""}),
    ("only spaces", {"full_name": "   "}),
    ("a name of 151 letters", {"full_name": "A" * 151}),
    ("a NUL in the name", {"full_name": "Lò\x00Văn"}),
    ("a lone surrogate", {"full_name": "Lò \ud800"}),
    ("a control character", {"full_name": "Lò\x07Văn"}),
    ("a year in words", {"birth_year": "năm 58"}),
    ("a year before 1900", {"birth_year": "1899"}),
    ("a year to come", {"birth_year": NEXT_YEAR}),
    ("a year in other digits", {"birth_year": "١٩٧٨"}),
    ("an unknown gender", {"gender": "robot"}),
    ("an unknown ethnic group", {"ethnicity": "martian"}),
    ("a household of 51 letters", {"household": "x" * 51}),
    ("a NUL in the household", {"household": "1\x002"}),
    ("no consent", {"consent": False}),
    ("a village of another commune", {"village": "elsewhere"}),
]
# (why it is fine, the fields that differ, the name every channel keeps)
ACCEPTED = [
    ("as typed", {}, "Giàng Thị Mỷ"),
    ("extra spaces and a tab", {"full_name": "  Giàng \t Thị   Mỷ "}, "Giàng Thị Mỷ"),
    (
        "decomposed accents",
        {"full_name": unicodedata.normalize("NFD", "Giàng Thị Mỷ")},
        "Giàng Thị Mỷ",
    ),
    ("an apostrophe and a hyphen", {"full_name": "H'Mông Bru-Vân"}, "H'Mông Bru-Vân"),
    ("150 letters", {"full_name": "Ỷ" * 150}, "Ỷ" * 150),
    ("no birth year or village", {"birth_year": "", "village": None}, "Giàng Thị Mỷ"),
]
CASES = [(why, {**GOOD, **changes}) for why, changes in BAD] + [
    (why, {**GOOD, **changes}) for why, changes, _name in ACCEPTED
]
EXPECTED_NAMES = {why: name for why, _changes, name in ACCEPTED}


@pytest.fixture
def world(commune_a, village_a, commune_b, trainer_a):
    return {
        "session": TrainingSessionFactory(commune=commune_a, village=village_a),
        "villages": {"home": village_a, "elsewhere": VillageFactory(commune=commune_b)},
        "trainer": trainer_a,
    }


def through_form(case, world):
    village = world["villages"].get(case["village"])
    data = {
        "full_name": case["full_name"],
        "birth_year": case["birth_year"],
        "gender": case["gender"],
        "ethnicity": case["ethnicity"],
        "village": village.pk if village else "",
        "household": case["household"],
    }
    if case["consent"]:
        data["consent"] = "on"
    form = PersonForm(data, commune=world["session"].commune)
    return form.cleaned_data["full_name"] if form.is_valid() else None


def through_api(case, world, client):
    village = world["villages"].get(case["village"])
    year = case["birth_year"]
    registration = {
        "uuid": str(uuid.uuid4()),
        "session": str(world["session"].uuid),
        "full_name": case["full_name"],
        "birth_year": int(year) if year.isascii() and year.isdigit() else (year or None),
        "gender": case["gender"],
        "ethnicity": case["ethnicity"],
        "village_id": village.pk if village else None,
        "household": case["household"],
        "consent": case["consent"],
    }
    response = client.post(
        "/api/attendance/sync", json.dumps({"registrations": [registration]}), "application/json"
    )
    assert response.status_code in (200, 422), response.content
    if response.status_code == 422 or response.json()["errors"]:
        return None
    from trainees.models import Person

    return Person.objects.get(client_uuid=registration["uuid"]).full_name


def through_import(case, world):
    village = world["villages"].get(case["village"])
    row = {
        "row": 2,
        "full_name": case["full_name"],
        "birth_year": case["birth_year"],
        "gender": case["gender"],
        "ethnicity": case["ethnicity"],
        "village": village.name if village else "",
        "household": case["household"],
        "consent": "x" if case["consent"] else "",
    }
    try:
        (preview,) = roster_validate(session=world["session"], rows=[row])
    except ImportErrors:
        return None
    return preview.person.full_name


def through_rollcall_script(cases, world):
    """The roll call's own check (person-fields.js), run in node with the server's rules."""
    node = shutil.which("node")
    assert node, "node is needed to run the roll-call script's checks"
    home = world["villages"]["home"]
    inputs = [
        {
            "full_name": case["full_name"],
            "birth_year": case["birth_year"],
            "gender": case["gender"],
            "ethnicity": case["ethnicity"],
            "village_id": world["villages"][case["village"]].pk if case["village"] else None,
            "household": case["household"],
            "consent": case["consent"],
        }
        for _why, case in cases
    ]
    program = (
        "const PF = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const out = input.cases.map(c => {"
        "  const r = PF.check(c, input.rules, input.villages);"
        "  return Object.keys(r.errors).length ? null : r.values.full_name; });"
        "process.stdout.write(JSON.stringify(out));"
    )
    payload = json.dumps({"cases": inputs, "rules": person_rules(), "villages": [home.pk]})
    result = subprocess.run(  # noqa: S603 - our own script, our own input
        [node, "-e", program, str(SCRIPT)],
        input=payload.encode(),
        capture_output=True,
        check=True,
        timeout=30,
    )
    return json.loads(result.stdout)


def test_one_table_of_inputs_is_refused_and_kept_alike_by_every_channel(client, world):
    client.force_login(world["trainer"])
    script = through_rollcall_script(CASES, world)
    outcomes = {}
    for (why, case), from_script in zip(CASES, script, strict=True):
        outcomes[why] = {
            "form": through_form(case, world),
            "api": through_api(case, world, client),
            "import": through_import(case, world),
            "roll call": from_script,
        }
    for why, _changes in BAD:
        kept = {channel: name for channel, name in outcomes[why].items() if name is not None}
        assert kept == {}, f"{why}: accepted by {sorted(kept)}"
    for why, name in EXPECTED_NAMES.items():
        assert outcomes[why] == dict.fromkeys(outcomes[why], name), why


def test_the_rules_the_script_gets_are_the_servers(client, trainer_a, commune_a, village_a):
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    client.force_login(trainer_a)
    html = client.get(f"/vi/sessions/{session.uuid}/roll-call/").content.decode()
    assert 'id="person-rules"' in html and "person-fields.js" in html
    rules = person_rules()
    assert rules["full_name"]["max_length"] == 150
    assert rules["birth_year"] == {"min": 1900, "max": timezone.localdate().year}
    assert "hmong" in rules["ethnicity"]["choices"]
