"""Course content, read by everyone, written by editors in the Wagtail admin.

- `CourseIndexPage` is the catalogue, one per language tree, under the home page.
- `CoursePage` is one micro-course (topic, level, time, pass mark); its children are
  `LessonPage`s of 3–10 minutes whose body is a StreamField of low-literacy blocks
  (`courses.blocks`). Quiz answers are checked on the server, never in the browser.
- Translations are wagtail-localize copies of the Vietnamese original sharing its
  `translation_key`. Progress (in `trainees`) is keyed by that key, so a learner keeps
  their progress when they switch language; a page missing in a language is served in
  Vietnamese with a notice (`FallbackRoutingMixin`).
- `Narration` is a short clip read aloud beside a step of a lesson (MP3, made for every
  phone at upload; a synthetic one says so).
- `H5PPackage` is an uploaded H5P activity (a snippet), played in lessons by the H5P
  block; `H5PLibrary` is one version of the JavaScript libraries packages bring.
"""

from .h5p import H5PLibrary, H5PPackage
from .narration import Narration
from .pages import CourseIndexPage, CoursePage, LessonPage, Level, Topic

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "H5PLibrary",
    "H5PPackage",
    "LessonPage",
    "Level",
    "Narration",
    "Topic",
]
