"""Forms for training sessions, QR self check-in and roster import."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms.validators import MaxFileSize, validate_multiline_text, validate_text
from courses.models import CoursePage

from ..models import SessionTopic, Village
from ..people.forms import NewLearnerAccountForm
from ..people.person_fields import PersonFieldsMixin, birth_year_field, full_name_field


class TrainingSessionForm(forms.Form):
    """A session in a few taps: a topic, a village, a day; the rest has sensible defaults."""

    title = forms.CharField(
        label=pgettext_lazy("training session", "Title"),
        max_length=200,
        validators=[validate_text],
    )
    commune = forms.ModelChoiceField(label=_("Commune"), queryset=None, empty_label=None)
    village = forms.ModelChoiceField(
        label=_("Village"), queryset=None, required=False, empty_label=_("Whole commune")
    )
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Ends"), widget=forms.TimeInput(attrs={"type": "time"}))
    venue = forms.CharField(
        label=_("Venue"), max_length=200, required=False, validators=[validate_text]
    )
    topic_list = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what the session covers: this is what coverage counts."),
    )
    topics = forms.CharField(
        label=_("Other topics"), max_length=300, required=False, validators=[validate_text]
    )
    courses = forms.ModelMultipleChoiceField(
        label=_("Courses"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=500, required=False)
    notes = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        validators=[validate_multiline_text],
    )

    def __init__(self, *args, communes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes
        self.fields["village"].queryset = Village.objects.filter(commune__in=communes)
        self.fields["village"].label_from_instance = lambda v: f"{v.name} ({v.commune.name})"
        self.fields["title"].widget.attrs["list"] = "topic-suggestions"
        self.fields["topic_list"].queryset = SessionTopic.objects.filter(active=True)
        # The Vietnamese originals: a session covers a course whatever language it is read in.
        self.fields["courses"].queryset = (
            CoursePage.objects.live().filter(locale__language_code="vi").order_by("title")
        )

    def clean(self):
        data = super().clean()
        village, commune = data.get("village"), data.get("commune")
        if village and commune and village.commune_id != commune.pk:
            self.add_error("village", _("This village is not in the chosen commune."))
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("The session must end after it starts."))
        return data


class CheckinRegisterForm(NewLearnerAccountForm):
    """A learner registering on their own phone after scanning the session's QR code."""

    birth_year = birth_year_field()
    village = forms.ModelChoiceField(label=_("Village"), queryset=None, required=False)
    consent = forms.BooleanField(
        label=_("I agree that my name and training are recorded"),
        error_messages={"required": _("You must agree before you can check in.")},
    )

    def __init__(self, *args, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = commune.villages.all()


class CheckinNameForm(PersonFieldsMixin, forms.Form):
    """A logged-in learner with no person record yet."""

    full_name = full_name_field(_("Your full name"))
    birth_year = birth_year_field()
    village = forms.ModelChoiceField(label=_("Village"), queryset=None, required=False)
    consent = forms.BooleanField(
        label=_("I agree that my name and training are recorded"),
        error_messages={"required": _("You must agree before you can check in.")},
    )

    def __init__(self, *args, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = commune.villages.all()


# A roster of MAX_ROWS people is far smaller; anything bigger is not a roster.
ROSTER_MAX_BYTES = 2 * 1024 * 1024


class RosterImportForm(forms.Form):
    file = forms.FileField(
        validators=[MaxFileSize(ROSTER_MAX_BYTES)],
        label=_("CSV or Excel file"),
        help_text=_(
            "One person a row. Columns: full_name, birth_year, gender, ethnicity, village, "
            "household, phone, consent."
        ),
    )


class RosterConfirmForm(forms.Form):
    """After the preview: import, and say whether these people came (asked, never assumed).

    The default is "yes" for a session that has started and "no" for one still to come:
    a list of invited people must not turn into attendance nobody took.
    """

    PRESENT = "present"
    LIST_ONLY = "list"

    attendance = forms.ChoiceField(
        label=_("Did these people come to the session?"),
        choices=[
            (PRESENT, _("Yes, they came: mark them all present")),
            (LIST_ONLY, _("Not yet: only add them to the list; I will take the roll")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        started = session.starts_at <= timezone.now()
        self.default = self.PRESENT if started else self.LIST_ONLY
        self.fields["attendance"].initial = self.default

    def clean_attendance(self):
        return self.cleaned_data.get("attendance") or self.default

    @property
    def mark_present(self) -> bool:
        return self.cleaned_data["attendance"] == self.PRESENT
