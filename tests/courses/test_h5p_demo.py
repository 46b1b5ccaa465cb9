import pytest

from courses.demo_h5p import load_h5p_demo
from courses.models import H5PPackage, LessonPage

from .h5p_helpers import SAMPLE_FILES

pytestmark = pytest.mark.django_db


def test_h5p_demo_imports_the_samples_into_a_practice_lesson(settings, tmp_path, course_tree):
    settings.MEDIA_ROOT = str(tmp_path)
    load_h5p_demo()
    load_h5p_demo()  # idempotent
    assert H5PPackage.objects.count() == len(SAMPLE_FILES)
    lesson = LessonPage.objects.get(slug="luyen-tap-tuong-tac")
    assert [b.block_type for b in lesson.body].count("h5p") == 3
    assert lesson.live
