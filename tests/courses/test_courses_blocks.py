import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image

from courses.blocks import QuizQuestionBlock, StepBlock
from courses.factories import LessonPageFactory
from tests.conftest import publish

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"></svg>'


def test_audio_and_video_are_self_hosted_with_transcript_and_captions(client, course_tree):
    poster = Image(title="poster", file=ContentFile(SVG, name="poster.svg"))
    poster.save()
    audio = Document.objects.create(title="a", file=ContentFile(b"ID3", name="bai.mp3"))
    video = Document.objects.create(title="v", file=ContentFile(b"\0", name="bai.mp4"))
    vtt = Document.objects.create(title="c", file=ContentFile(b"WEBVTT", name="bai.vtt"))
    lesson = LessonPageFactory(
        parent=course_tree["course"],
        title="Nghe và xem",
        slug="nghe-va-xem",
        body=[
            {
                "type": "audio",
                "value": {"audio": audio.pk, "title": "Nghe", "transcript": "Xin chào bà con."},
            },
            {
                "type": "video",
                "value": {
                    "video": video.pk,
                    "poster": poster.pk,
                    "captions": vtt.pk,
                    "captions_language": "vi",
                    "description": "Cách mở khoá",
                },
            },
        ],
    )
    publish(lesson)
    html = client.get("/vi/khoa-hoc/dung-dien-thoai/nghe-va-xem/").content.decode()
    assert f'<audio controls preload="none" src="{audio.url}">' in html
    assert "Xin chào bà con." in html  # the transcript, readable without playing anything
    assert '<track kind="captions"' in html and 'srclang="vi"' in html
    assert 'preload="none"' in html.split("<video")[1]
    assert "youtube" not in html and "iframe" not in html


def test_editors_must_describe_step_pictures_and_mark_right_answers():
    picture = Image(title="x", file=ContentFile(SVG, name="x.svg"))
    picture.save()
    step = StepBlock()
    with pytest.raises(StructBlockValidationError):
        step.clean(step.to_python({"image": picture.pk, "alt": "", "text": "Bấm nút nguồn."}))
    quiz = QuizQuestionBlock()
    value = quiz.to_python(
        {
            "question": "?",
            "kind": "single",
            "options": [{"text": "a", "correct": False}, {"text": "b", "correct": False}],
        }
    )
    with pytest.raises((StructBlockValidationError, ValidationError)):
        quiz.clean(value)
