"""How much room an activity will take on a phone, reserved before its player loads.

H5P builds an activity in the browser, after the page has painted; until then its box holds a
line of text. If the box were smaller than the activity, everything below it would jump down
when it loads (a learner about to tap "I finished this lesson" taps something else; Lighthouse
counts it as layout shift). The room is estimated from content.json for a 360 px wide phone,
the smallest the campaign designs for: lines of text at about 32 characters each, a row per
answer, a picture at its shape across the column, and the player's buttons. Wider screens fit
more text on a line, so there the estimate errs on the large side, which only leaves a gap.
The page carries it as a class, `h5p-room-<rem>` (h5p.css), because the strict
Content-Security-Policy allows no style attribute.
"""

import html
import math
import re

ROOM_MIN, ROOM_MAX, ROOM_STEP = 6, 64, 2  # rem; h5p.css has a rule for each step
CHARS_PER_LINE = 32  # H5P's text on a 328 px column
LINE = 1.75  # rem
PARAGRAPH = 0.75  # the space after each paragraph
ANSWER = 2.75  # one answer's row (a 48 px target and its border)
BUTTONS = 8  # the Check/Retry row and the player's padding
COLUMN = 20.5  # rem: the lesson column on a 360 px phone (its 1rem margins taken off)
BLANK = "*"  # Blanks marks a blank as *answer*: an input about 8 characters wide
TAG = re.compile(r"<[^>]+>")

# The content types measured in a phone-sized browser (the demo's practice lesson); any other
# keeps at least the room every activity had before (16rem).
MODELLED = {"H5P.TrueFalse", "H5P.MultiChoice", "H5P.Blanks"}
DEFAULT_ROOM = 16
# Where each content type keeps what it shows: its text(s) and its answers.
TEXT_KEYS = ("question", "text", "introduction", "taskDescription")
LIST_TEXT_KEYS = ("questions",)
ANSWER_KEYS = ("answers",)


def _text(markup: str) -> float:
    """The height in rem of a piece of H5P's HTML text."""
    text = html.unescape(TAG.sub(" ", markup.replace("</p>", "\n"))).replace("\xa0", " ")
    text = re.sub(r"\*[^*\n]*\*", "x" * 8, text) if BLANK in text else text
    parts = [part.strip() for part in text.split("\n") if part.strip()]
    return sum(LINE * math.ceil(len(part) / CHARS_PER_LINE) + PARAGRAPH for part in parts)


def activity_picture(params: dict) -> tuple[str, int, int] | None:
    """The activity's picture (H5P's `media`): its path in the package's content folder and
    the size content.json records, or None."""
    if not isinstance(params, dict):
        return None
    media = params.get("media")
    media = media.get("type", media) if isinstance(media, dict) else None
    params = (media or {}).get("params") if isinstance(media, dict) else None
    file = (params or {}).get("file") if isinstance(params, dict) else None
    if not isinstance(file, dict):
        return None
    path, width, height = file.get("path"), file.get("width"), file.get("height")
    if not (isinstance(path, str) and path and "://" not in path and "#" not in path):
        return None
    if not str(file.get("mime", "image/")).startswith("image/"):
        return None
    if not (isinstance(width, int) and isinstance(height, int) and width > 0 and height > 0):
        return None
    return path.lstrip("/"), width, height


def _picture(params: dict) -> float:
    """The height in rem of the activity's picture across the column, 0 without one."""
    picture = activity_picture(params)
    if picture is None:
        return 0
    _path, width, height = picture
    return COLUMN * min(height / width, 1.5)


def activity_room(params: dict, *, machine_name: str) -> int:
    """The rem an activity of this content is given before it loads (see the module)."""
    if not isinstance(params, dict):
        return DEFAULT_ROOM
    text = sum(_text(params[k]) for k in TEXT_KEYS if isinstance(params.get(k), str))
    for key in LIST_TEXT_KEYS:
        items = params.get(key)
        if isinstance(items, list):
            text += sum(_text(item) for item in items if isinstance(item, str))
    answers = sum(len(params[k]) for k in ANSWER_KEYS if isinstance(params.get(k), list))
    if machine_name == "H5P.TrueFalse":
        answers = 1  # True and False side by side
    rem = BUTTONS + text + ANSWER * answers + _picture(params)
    if machine_name not in MODELLED:
        rem = max(rem, DEFAULT_ROOM)
    rem = ROOM_STEP * math.ceil(rem / ROOM_STEP)
    return max(ROOM_MIN, min(ROOM_MAX, rem))
