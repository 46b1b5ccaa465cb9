"""Admin forms for learning content."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .audio import EXTENSION, max_seconds
from .audio import audio_prepare as narration_audio_prepare
from .models import Narration
from .services import h5p_package_validate


class H5PPackageForm(WagtailAdminModelForm):
    """Create: upload a .h5p file (checked completely before anything is saved). Edit: title."""

    upload = forms.FileField(
        label=_("H5P file"),
        help_text=_("A .h5p package. It is checked completely before anything is saved."),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title inside the package.")
        if self.instance.pk:
            del self.fields["upload"]
            self.fields["title"].required = True

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        try:
            h5p_package_validate(fileobj=upload)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from None
        return upload


class NarrationRecorderInput(forms.ClearableFileInput):
    """The file input, plus (through the admin script `courses/narration-recorder.js`, loaded
    by a Wagtail hook) buttons to record from the microphone into it. The script's words are
    in data attributes, in the editor's language."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"accept": "audio/*,.mp3,.m4a,.ogg,.oga,.opus,.wav,.webm,.amr,.3gp"})

    def get_context(self, name, value, attrs):
        attrs = {
            **(attrs or {}),
            "data-recorder": "",
            "data-max-seconds": str(max_seconds()),
            "data-record": _("Record from the microphone"),
            "data-stop": _("Stop recording"),
            "data-recording": _("Recording… %(n)s s. Speak clearly, close to the microphone."),
            "data-recorded": _("Recorded %(n)s s. Listen, then save, or record again."),
            "data-denied": _(
                "The microphone could not be used. Allow it in the browser, or upload a file."
            ),
            "data-unsupported": _("This browser cannot record. Upload a file instead."),
        }
        return super().get_context(name, value, attrs)


class NarrationForm(WagtailAdminModelForm):
    """A narration clip: a file recorded here or uploaded, converted to MP3 before saving."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["file"]
        field.widget = NarrationRecorderInput()
        field.help_text = _(
            "Record from the microphone, or upload a sound file (MP3, M4A, OGG, WAV, WebM) "
            "of at most %(seconds)d seconds. It is converted so that every phone can play it."
        ) % {"seconds": max_seconds()}
        if self.instance.synthetic:
            field.help_text = (
                _(
                    "This clip is a synthetic voice. Record a human voice here to replace it: "
                    "learners understand a person better."
                )
                + " "
                + field.help_text
            )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "content_type"):
            return upload  # editing: the clip already saved stays
        try:
            prepared = narration_audio_prepare(fileobj=upload, size=upload.size)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from None
        self.instance.duration = prepared.duration
        self.instance.synthetic = False  # an editor's recording or file
        return ContentFile(prepared.content, name=f"{uuid.uuid4().hex}{EXTENSION}")


class NarrationChooserForm(NarrationForm):
    """The same form in the "Record or upload" tab of a step's chooser."""

    class Meta:
        model = Narration
        fields = ["file", "title", "language"]
