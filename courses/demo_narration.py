"""Demo narration: every step of the course "Using your smartphone" read aloud in Vietnamese.

Made at set-up time (`load_demo_data`) by espeak-ng's Vietnamese voice and converted by
ffmpeg like any upload. Each clip is marked synthetic: the admin lists it as "Synthetic voice
— replace with a human voice" and the learner's page says "synthetic voice" under the play
button, so editors know to record a person instead. Without espeak-ng the loader says so and
goes on: the demo works without narration.

Idempotent: a step that has a narration keeps it (an editor's recording is never replaced).
Only the Vietnamese lessons are narrated; translations keep their own steps.
"""

import shutil
from concurrent.futures import ThreadPoolExecutor

from django.db import transaction

from .audio import speech_synthesise
from .models import CoursePage
from .services import narration_create

NARRATED_COURSE = "dung-dien-thoai-thong-minh"


def load_narration_demo(stdout=None) -> int:
    """Narrate every step of the demo smartphone course; return how many clips were made."""
    if shutil.which("espeak-ng") is None or shutil.which("ffmpeg") is None:
        if stdout is not None:
            stdout.write(
                "Narration demo skipped: espeak-ng or ffmpeg is not installed "
                "(make setup installs both)."
            )
        return 0
    course = CoursePage.objects.filter(slug=NARRATED_COURSE, locale__language_code="vi").first()
    if course is None:
        return 0
    made = 0
    for lesson in course.lessons().specific():
        raw = lesson.body.get_prep_value()
        silent = [
            item["value"]
            for block in raw
            if block["type"] == "steps"
            for item in block["value"]["steps"]
            if not item["value"].get("narration")
        ]
        if not silent:
            continue
        # espeak-ng and ffmpeg are separate processes: two at a time halve the wait.
        with ThreadPoolExecutor(max_workers=2) as pool:
            clips = list(pool.map(lambda step: speech_synthesise(text=step["text"]), silent))
        with transaction.atomic():
            for number, (step, audio) in enumerate(zip(silent, clips, strict=True), 1):
                step["narration"] = narration_create(
                    audio=audio,
                    title=f"{lesson.title} — {number}. {step['text']}",
                    language="vi",
                    synthetic=True,
                ).pk
            lesson.body = raw
            lesson.save_revision().publish()
        made += len(silent)
    if stdout is not None:
        stdout.write(f"Narration demo: {made} steps read aloud by espeak-ng (synthetic voice).")
    return made
