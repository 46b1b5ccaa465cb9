"""Narration: a clip read aloud beside a lesson step. Editors bring any sound file (or record
one), every phone gets MP3; bad files get a clear message; the learner's page shows a big
play button, loads the clip only when played, and stays within the lesson budget."""

import gzip
import subprocess
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from courses.audio import audio_prepare
from courses.demo import translate_page
from courses.management.commands.benchmark_lessons import OWN_ASSETS
from courses.models import LessonPage, Narration
from tests.conftest import publish
from trainees.models import Role

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/courses/narration/add/"
LESSON_URL = "/vi/khoa-hoc/dung-dien-thoai/bat-dien-thoai/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def tone(seconds: float, fmt: str = "wav", extra=()) -> bytes:
    """A real sound file made by ffmpeg: a tone of `seconds` in format `fmt`."""
    return subprocess.run(
        [
            "ffmpeg",
            "-nostdin",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:duration={seconds}",
            *extra,
            "-f",
            fmt,
            "-",
        ],
        capture_output=True,
        check=True,
    ).stdout


def make_narration(title="Bấm nút nguồn", seconds=1.5, **fields) -> Narration:
    prepared = audio_prepare(fileobj=ContentFile(tone(seconds)))
    narration = Narration(title=title, duration=prepared.duration, **fields)
    narration.file.save("clip.mp3", ContentFile(prepared.content), save=False)
    narration.save()
    return narration


def narrate(lesson: LessonPage, narrations: list[Narration]) -> LessonPage:
    """Give `lesson` a step-by-step block whose steps carry `narrations`."""
    steps = [
        {"image": None, "alt": "", "text": f"Bước {i + 1}.", "narration": n.pk if n else None}
        for i, n in enumerate(narrations)
    ]
    raw = list(lesson.body.raw_data) + [
        {"type": "steps", "value": {"heading": "Làm theo", "steps": steps}}
    ]
    lesson.body = raw
    return publish(lesson)


@pytest.mark.parametrize(
    ("fmt", "extra"),
    [
        ("wav", ()),
        ("webm", ("-c:a", "libopus")),
        ("ogg", ("-c:a", "libvorbis")),
        ("adts", ("-c:a", "aac")),
    ],
)
def test_every_sound_file_becomes_an_mp3_every_phone_plays(fmt, extra):
    prepared = audio_prepare(fileobj=ContentFile(tone(3, fmt, extra)))
    assert prepared.content[:3] == b"ID3" or prepared.content[0] == 0xFF
    assert 2.5 <= prepared.duration <= 3.5


def test_a_file_that_is_not_sound_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as error:
        audio_prepare(fileobj=ContentFile(b"%PDF-1.4 not a sound at all" * 100))
    assert error.value.code == "not_audio"
    assert "MP3, M4A, OGG, WAV" in error.value.messages[0]


def test_a_recording_too_long_is_refused_even_when_it_does_not_say_its_length(settings):
    settings.NARRATION_MAX_SECONDS = 5
    # A WebM stream written to a pipe carries no duration, like MediaRecorder's.
    with pytest.raises(ValidationError) as error:
        audio_prepare(fileobj=ContentFile(tone(8, "webm", ("-c:a", "libopus"))))
    assert error.value.code == "too_long"
    assert "tối đa 5 giây" in error.value.messages[0]


def test_a_file_too_big_is_refused_before_it_is_read(settings):
    settings.NARRATION_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError) as error:
        audio_prepare(fileobj=ContentFile(tone(30)))  # about 2.6 MB of WAV
    assert error.value.code == "too_big"


@pytest.fixture
def editor(make_user):
    return make_user(Role.CONTENT_EDITOR, phone="0911000301")


def upload(client, data: bytes, name="clip.wav", title="Bấm nút nguồn", lang="vi"):
    return client.post(
        ADD_URL,
        {"file": SimpleUploadedFile(name, data), "title": title, "language": "vi"},
        HTTP_ACCEPT_LANGUAGE=lang,
    )


def test_an_editor_uploads_a_clip_and_it_is_stored_as_mp3(client, editor):
    client.force_login(editor)
    page = client.get(ADD_URL).content.decode()
    assert "data-recorder" in page and "Ghi âm từ micro" in page
    response = upload(client, tone(2, "ogg", ("-c:a", "libvorbis")), name="clip.ogg")
    assert response.status_code == 302, response.content.decode()[:3000]
    narration = Narration.objects.get()
    assert narration.file.name.endswith(".mp3") and not narration.synthetic
    assert 1.5 <= narration.duration <= 2.5
    assert Path(narration.file.path).read_bytes()[:3] in (b"ID3", b"\xff\xfb", b"\xff\xf3")


@pytest.mark.parametrize(
    ("data", "lang", "message"),
    [
        (b"<html>not sound</html>", "vi", "Đây không phải tệp âm thanh"),
        (b"<html>not sound</html>", "en", "This is not a sound file"),
        (b"<html>not sound</html>", "hmn", "Qhov no tsis yog ib daim ntawv suab"),
    ],
)
def test_a_bad_file_in_the_admin_gets_the_reason_not_a_server_error(
    client, editor, data, lang, message
):
    client.force_login(editor)
    response = upload(client, data, lang=lang)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Narration.objects.exists()


def test_a_too_long_upload_in_the_admin_says_the_limit(client, editor, settings):
    settings.NARRATION_MAX_SECONDS = 3
    client.force_login(editor)
    response = upload(client, tone(6))
    assert response.status_code == 200
    assert "tối đa 3 giây" in response.content.decode()
    assert not Narration.objects.exists()


def test_synthetic_clips_say_so_in_the_admin(client, editor):
    make_narration(title="Giọng máy", synthetic=True)
    make_narration(title="Giọng người")
    client.force_login(editor)
    listing = client.get("/admin/snippets/courses/narration/", HTTP_ACCEPT_LANGUAGE="en")
    html = listing.content.decode()
    assert html.count("Synthetic voice — replace with a human voice") == 1
    assert "Human voice" in html
    synthetic = Narration.objects.get(synthetic=True)
    edit = client.get(
        f"/admin/snippets/courses/narration/edit/{synthetic.pk}/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Record a human voice here to replace it" in edit.content.decode()
    # Recording a human voice over it makes it a human clip.
    response = client.post(
        f"/admin/snippets/courses/narration/edit/{synthetic.pk}/",
        {"file": SimpleUploadedFile("me.wav", tone(1)), "title": "Giọng người", "language": "vi"},
    )
    assert response.status_code == 302
    synthetic.refresh_from_db()
    assert not synthetic.synthetic


def test_the_lesson_shows_a_play_button_beside_each_narrated_step(client, course_tree):
    lesson = course_tree["lessons"][0]
    human, synthetic = make_narration(), make_narration(title="Máy đọc", synthetic=True)
    narrate(lesson, [human, None, synthetic])
    html = client.get(LESSON_URL).content.decode()
    assert html.count('class="play"') == 2
    assert html.count('aria-label="Nghe bước này"') == 2
    assert f'src="{human.file.url}"' in html and 'preload="none"' in html
    assert html.count("giọng máy") == 1  # the synthetic clip, said quietly
    # The clip is a public file, served to anyone (it is read beside a public lesson).
    clip = client.get(human.file.url)
    assert clip.status_code == 200 and b"".join(clip.streaming_content)[:3] in (
        b"ID3",
        b"\xff\xfb",
        b"\xff\xf3",
    )


def test_the_play_button_is_labelled_in_the_pages_language(client, course_tree):
    from .test_courses_views import translate

    lesson = course_tree["lessons"][0]
    narrate(lesson, [make_narration()])
    translate(course_tree["index"], "en", title="Courses")  # the lesson is shown in Vietnamese
    en = client.get("/en" + LESSON_URL[3:])
    assert en.status_code == 200, en.content.decode()[-3000:]
    en = en.content.decode()
    assert 'aria-label="Listen to this step (in Vietnamese)"' in en
    # A real wagtail-localize translation: the clip is carried over (overridable).
    hmong = Locale.objects.get(language_code="hmn")
    for page in (course_tree["index"], course_tree["course"]):
        translate_page(page, hmong)
    translate_page(lesson, hmong, title="Qhib xov tooj")
    hmn = client.get("/hmn" + LESSON_URL[3:]).content.decode()
    assert 'aria-label="Mloog kauj ruam no (ua Lus Nyab Laj)"' in hmn


def weight(html: bytes) -> int:
    """Compressed bytes of the page's own HTML, CSS and JS (as `benchmark_lessons` counts)."""
    total = len(gzip.compress(html, 9))
    for name in OWN_ASSETS:
        total += len(gzip.compress(Path(finders.find(name)).read_bytes(), 9))
    return total


def test_the_lesson_budget_holds_with_narration(client, course_tree):
    plain_url = "/vi/khoa-hoc/dung-dien-thoai/goi-dien/"
    lesson = course_tree["lessons"][0]
    narrate(lesson, [make_narration(title=f"Bước {i}") for i in range(6)])
    queries = {}
    for url in (plain_url, LESSON_URL):
        client.get(url)  # warm the caches a running site has warm
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        queries[url] = len(captured)
        assert weight(response.content) <= 14 * 1024, url
    assert response.content.count(b'preload="none"') == 6
    assert queries[plain_url] <= 10
    # All the clips of a lesson come in one query, however many steps are narrated.
    assert queries[LESSON_URL] <= queries[plain_url] + 1
