"""The demo's narration: a whole course read aloud in Vietnamese by espeak-ng at set-up,
labelled synthetic for editors and learners; without espeak-ng the demo loads anyway."""

import io

import pytest

from courses.demo import load_courses_demo
from courses.demo_narration import NARRATED_COURSE, load_narration_demo
from courses.models import CoursePage, Narration
from trainees.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_a_whole_course_is_narrated_in_vietnamese_by_a_labelled_synthetic_voice(
    client, home_page, make_user
):
    load_courses_demo()
    out = io.StringIO()
    made = load_narration_demo(stdout=out)
    assert made >= 10 and "synthetic voice" in out.getvalue()
    assert load_narration_demo() == 0  # idempotent: nothing is read twice

    course = CoursePage.objects.get(slug=NARRATED_COURSE, locale__language_code="vi")
    steps = [
        step
        for lesson in course.lessons().specific()
        for block in lesson.body
        if block.block_type == "steps"
        for step in block.value["steps"]
    ]
    assert len(steps) == made
    for step in steps:
        clip = step["narration"]
        assert clip.synthetic and clip.language == "vi" and 0.5 < clip.duration < 20
        assert clip.file.name.endswith(".mp3")

    lesson = course.lessons().first()
    html = client.get(lesson.url).content.decode()
    assert html.count('aria-label="Nghe bước này"') == html.count("<small>giọng máy</small>") > 0

    client.force_login(make_user(Role.CONTENT_EDITOR, phone="0911000302"))
    listing = client.get("/admin/snippets/courses/narration/").content.decode()
    assert "Giọng máy — hãy thay bằng giọng người thật" in listing
    assert Narration.objects.filter(synthetic=False).count() == 0


def test_without_espeak_the_demo_loads_and_says_why_there_is_no_narration(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    out = io.StringIO()
    assert load_narration_demo(stdout=out) == 0
    assert "espeak-ng" in out.getvalue()
    assert not Narration.objects.exists()
