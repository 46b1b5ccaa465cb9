"""H5P in the learner's language: the players' buttons and messages come from our catalogue
(courses.h5p.l10n) in the page's language; the author's questions stay as written."""

import json
import zipfile

import pytest
from django.utils import translation

from courses.h5p.l10n import PLAYER_STRINGS, localised_content
from courses.h5p.player import player_config
from courses.services import h5p_package_import

from .h5p_helpers import SAMPLES, TRUEFALSE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def content_of(config):
    return config["json"][f"{config['contentJsonPath']}/content.json"]


def test_true_false_buttons_follow_the_page_language():
    with open(TRUEFALSE, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    seen = {}
    for language in ("vi", "en", "hmn"):
        with translation.override(language):
            seen[language] = content_of(player_config(package, object_iri="x"))
    assert seen["vi"]["l10n"]["checkAnswer"] == "Kiểm tra"
    assert seen["vi"]["l10n"]["trueText"] == "Đúng"
    assert seen["vi"]["l10n"]["scoreBarLabel"] == "Bạn được :num trên :total điểm"
    assert seen["en"]["l10n"]["checkAnswer"] == "Check"
    assert seen["hmn"]["l10n"]["checkAnswer"] == "Kuaj xyuas"
    assert seen["hmn"]["confirmRetry"]["cancelLabel"] == "Tsis ua"
    # The author's question is untouched, and the stored package keeps its own text.
    assert {seen[lang]["question"] for lang in seen} == {"<p>Is this false?</p>\n"}
    package.refresh_from_db()
    assert package.content_json["l10n"]["checkAnswer"] == "Check"


def test_questions_inside_a_question_set_get_their_own_type_strings():
    with zipfile.ZipFile(SAMPLES / "questionset.h5p") as zf:
        content = json.loads(zf.read("content/content.json"))
    with translation.override("vi"):
        out = localised_content(content, machine_name="H5P.QuestionSet")
    assert out["texts"]["nextButton"] == "Câu tiếp theo"
    by_type = {}
    for question in out["questions"]:
        by_type.setdefault(question["library"].split()[0], question["params"])
    assert by_type["H5P.MultiChoice"]["UI"]["checkAnswerButton"] == "Kiểm tra"
    assert by_type["H5P.DragQuestion"]["scoreShow"] == "Kiểm tra"
    originals = [q["params"] for q in content["questions"]]
    assert [q["params"].get("question") for q in out["questions"]] == [
        q.get("question") for q in originals
    ]


def common_text_fields(fields, path=(), inside_common=False):
    for field in fields:
        here = (*path, field["name"])
        common = inside_common or field.get("common", False)
        if field.get("type") == "group":
            yield from common_text_fields(field.get("fields", []), here, common)
        elif common and field.get("type") == "text" and field.get("default"):
            yield ".".join(here)


@pytest.mark.parametrize("machine_name", sorted(PLAYER_STRINGS))
def test_catalogue_covers_every_player_string_of_the_samples_content_types(machine_name):
    """Every field a library marks as a player string ("common") has an entry, so no English
    button is left on a Vietnamese page for the content types the samples bring."""
    semantics = None
    for sample in sorted(SAMPLES.glob("*.h5p")):
        with zipfile.ZipFile(sample) as zf:
            for name in zf.namelist():
                if name.startswith(f"{machine_name}-") and name.endswith("/semantics.json"):
                    semantics = json.loads(zf.read(name))
    assert semantics is not None
    missing = set(common_text_fields(semantics)) - set(PLAYER_STRINGS[machine_name])
    # QuestionSet's "Question %d of %total" has a printf placeholder the library fills itself.
    assert missing <= {"texts.jumpToQuestion"}
