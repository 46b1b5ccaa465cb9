"""The room kept for an activity before it loads, and the picture shown meanwhile
(courses/h5p/room.py); the browser test measures them against the real players."""

import json
import zipfile

import pytest

from courses.h5p.room import DEFAULT_ROOM, ROOM_MAX, activity_picture, activity_room

from .h5p_helpers import SAMPLES


def content(name):
    with zipfile.ZipFile(SAMPLES / name) as zf:
        return json.loads(zf.read("content/content.json"))


def test_each_demo_activity_gets_room_for_its_text_answers_and_picture():
    true_false = activity_room(content("truefalse-hello-world.h5p"), machine_name="H5P.TrueFalse")
    multichoice = activity_room(content("multichoice.h5p"), machine_name="H5P.MultiChoice")
    blanks = activity_room(content("blanks.h5p"), machine_name="H5P.Blanks")
    assert true_false < DEFAULT_ROOM < multichoice < blanks <= ROOM_MAX
    assert activity_picture(content("multichoice.h5p")) == (
        "images/file-5885c23902f31.jpg",
        1588,
        458,
    )


def test_a_type_not_measured_keeps_the_room_every_activity_had():
    assert activity_room(content("questionset.h5p"), machine_name="H5P.QuestionSet") >= 16


@pytest.mark.parametrize(
    "params",
    [
        None,
        [],
        "text",
        {"question": 5, "answers": "abc", "media": "x"},
        {"media": {"type": {"params": {"file": {"path": "a.jpg", "width": "9", "height": 0}}}}},
        {"question": "<p>" + "lời " * 5000 + "</p>", "answers": list(range(500))},
    ],
)
def test_odd_content_gets_a_room_within_bounds_and_no_error(params):
    assert 6 <= activity_room(params, machine_name="H5P.MultiChoice") <= ROOM_MAX
    assert activity_picture(params) is None


@pytest.mark.parametrize(
    "path", ["https://example.com/a.jpg", "", "images/a.jpg#x", None, ["images/a.jpg"]]
)
def test_only_a_picture_of_the_package_is_shown(path):
    params = {
        "media": {"type": {"params": {"file": {"path": path, "width": 4, "height": 3}}}},
    }
    assert activity_picture(params) is None
