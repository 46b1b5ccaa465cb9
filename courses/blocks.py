"""StreamField blocks for lesson bodies, made for people who read little.

Every block a lesson may hold is declared in `LessonStreamBlock`, in one place, so another
activity type (the H5P activity of the `h5p` branch) is one more line there. A block that
produces a score says so with `is_scored = True` and a `grade()` method: course completion
asks the lesson for its scored blocks and never needs to know their types.

Quiz questions keep their correct answers on the server: the templates render only the
option texts and positions, and `QuizQuestionBlock.grade()` is the one place answers are
checked.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .h5p.blocks import H5PActivityBlock

PLAIN_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=PLAIN_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "courses/blocks/paragraph.html"


class IllustratedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    # Alt text is required: many learners use a screen reader or have images turned off on 3G.
    alt = blocks.CharBlock(
        label=_("text for people who cannot see the image"),
        max_length=250,
        help_text=_("Say what the picture shows, in one short sentence."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = pgettext_lazy("lesson block", "Image")
        template = "courses/blocks/image.html"


class StepBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("screenshot or drawing"), required=False)
    alt = blocks.CharBlock(label=_("text for people who cannot see the image"), required=False)
    text = blocks.CharBlock(label=_("one short line"), max_length=200)
    # Read aloud beside the step for people who read little; recorded in the chooser.
    narration = SnippetChooserBlock(
        "courses.Narration",
        label=_("narration"),
        required=False,
        help_text=_("The step read aloud. Choose a clip, or record one in the chooser."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("alt"):
            raise blocks.StructBlockValidationError(
                {"alt": ValidationError(_("Describe the picture for people who cannot see it."))}
            )
        return value

    class Meta:
        icon = "image"
        label = _("Step")


class StepByStepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Step by step")
        template = "courses/blocks/steps.html"


class AudioBlock(blocks.StructBlock):
    audio = DocumentChooserBlock(
        label=_("audio file"), help_text=_("An MP3, M4A or OGG file uploaded to this site.")
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    transcript = blocks.TextBlock(
        label=_("transcript"),
        help_text=_("Everything the recording says, for people who cannot listen."),
    )

    class Meta:
        icon = "media"
        label = _("Audio narration")
        template = "courses/blocks/audio.html"


class VideoBlock(blocks.StructBlock):
    # Self-hosted on purpose: no external embeds, which would load trackers and megabytes.
    video = DocumentChooserBlock(label=_("video file"), help_text=_("An MP4 or WebM file."))
    poster = ImageChooserBlock(label=_("poster image"))
    captions = DocumentChooserBlock(label=_("captions (WebVTT)"), required=False)
    captions_language = blocks.CharBlock(label=_("captions language"), default="vi", max_length=8)
    description = blocks.CharBlock(label=_("what the video shows"), max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


class CalloutBlock(blocks.StructBlock):
    class Kind:
        TIP = "tip"
        WARNING = "warning"

    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("warning", _("Warning"))], default="tip", label=_("kind")
    )
    text = blocks.CharBlock(label=_("text"), max_length=300)

    class Meta:
        icon = "warning"
        label = _("Tip or warning")
        template = "courses/blocks/callout.html"


class QuizOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=200)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("feedback"),
        required=False,
        max_length=300,
        help_text=_("Shown after the learner picks this answer: say why."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


@dataclass(frozen=True)
class QuizResult:
    correct: bool
    score: int  # 0–100
    feedback: list[str]


class QuizQuestionBlock(blocks.StructBlock):
    class Kind:
        SINGLE = "single"
        MULTIPLE = "multiple"

    question = blocks.CharBlock(label=_("question"), max_length=300)
    kind = blocks.ChoiceBlock(
        choices=[("single", _("One answer")), ("multiple", _("Several answers"))],
        default="single",
        label=_("kind"),
    )
    options = blocks.ListBlock(QuizOptionBlock(), label=_("answers"), min_num=2, max_num=6)

    is_scored = True

    def clean(self, value):
        value = super().clean(value)
        n_correct = sum(1 for option in value["options"] if option["correct"])
        if n_correct == 0:
            raise blocks.StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark at least one correct answer."))}
            )
        if value["kind"] == self.Kind.SINGLE and n_correct > 1:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "options": ValidationError(
                        _("A one-answer question needs exactly one correct answer.")
                    )
                }
            )
        return value

    def grade(self, value, choices) -> QuizResult:
        """Check the chosen option positions; raise ValidationError for an impossible answer."""
        try:
            chosen = sorted({int(c) for c in choices})
        except (TypeError, ValueError, OverflowError) as e:
            raise ValidationError(_("This answer is not one of the choices.")) from e
        options = list(value["options"])
        if not chosen:
            raise ValidationError(_("Choose an answer first."))
        if any(c < 0 or c >= len(options) for c in chosen):
            raise ValidationError(_("This answer is not one of the choices."))
        if value["kind"] == self.Kind.SINGLE and len(chosen) > 1:
            raise ValidationError(_("Choose only one answer."))
        right = {i for i, option in enumerate(options) if option["correct"]}
        correct = set(chosen) == right
        feedback = [options[i]["feedback"] for i in chosen if options[i]["feedback"]]
        return QuizResult(correct=correct, score=100 if correct else 0, feedback=feedback)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Only what the learner may see: never the `correct` flags or the feedback.
        context["public_options"] = [
            {"index": i, "text": option["text"]} for i, option in enumerate(value["options"])
        ]
        context["input_type"] = "checkbox" if value["kind"] == self.Kind.MULTIPLE else "radio"
        return context

    class Meta:
        icon = "help"
        label = _("Quiz question")
        template = "courses/blocks/quiz_question.html"


class LessonStreamBlock(blocks.StreamBlock):
    """All the blocks of a lesson body. Add an activity type here (e.g. `h5p = H5PBlock()`)."""

    paragraph = ParagraphBlock()
    image = IllustratedImageBlock()
    steps = StepByStepBlock()
    audio = AudioBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    quiz = QuizQuestionBlock()
    h5p = H5PActivityBlock()
