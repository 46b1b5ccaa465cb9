"""Narration: a short clip read aloud beside a step of a lesson, for people who read little.

A `Narration` is one MP3 file (converted at upload by `courses.audio`, so every phone plays
it), its length, its language and whether a speech synthesiser made it. Editors record it in
the admin from the microphone or upload a file, then choose it in a step of a lesson
(`courses.blocks.StepBlock`). A synthetic clip (the demo's espeak-ng voice) says so in the
admin, so an editor replaces it with a human voice, and quietly on the learner's page.

Clips are public files under `MEDIA_ROOT/narration/`, like the lesson's pictures: a lesson
page names them, and "Save this course for offline" keeps them on the phone.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Narration(index.Indexed, models.Model):
    title = models.CharField(
        _("title"), max_length=200, help_text=_("What is said, in a few words, to find it again.")
    )
    file = models.FileField(_("sound file"), upload_to="narration/%Y/%m/", max_length=255)
    duration = models.FloatField(_("length (seconds)"), default=0, editable=False)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    synthetic = models.BooleanField(
        _("synthetic voice"),
        default=False,
        help_text=_("Made by a speech synthesiser: replace it with a human voice."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [FieldPanel("file"), FieldPanel("title"), FieldPanel("language")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("narration")
        verbose_name_plural = _("narrations")
        ordering = ["-created_at"]

    def __str__(self):
        if self.synthetic:
            return _("%(title)s (synthetic voice — replace with a human voice)") % {
                "title": self.title
            }
        return self.title

    @property
    def seconds(self) -> int:
        return max(1, round(self.duration))
