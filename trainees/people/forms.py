"""Forms for people and places: phone login, villages, Wagtail user forms, a new villager."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_user_forms

from ..models import Ethnicity, Person, Village
from .fields import PhoneNumberFormField


class PhoneAuthenticationForm(AuthenticationForm):
    """Log in with a phone number; a malformed number says what is wrong with it."""

    username = PhoneNumberFormField(
        label=_("Phone number"),
        help_text=_("For example 0912 345 678"),
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel", "autofocus": True}
        ),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Wrong phone number or password. Check both and try again."),
    }


class VillageForm(forms.ModelForm):
    class Meta:
        model = Village
        fields = ["name", "kind"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Enter the village's name."))
        return name


class _OptionalEmail(forms.Form):
    # Many learners and village trainers have no e-mail; the phone number is the login.
    email = forms.EmailField(required=False, label=_("E-mail (optional)"))


class UserCreationForm(_OptionalEmail, wagtail_user_forms.UserCreationForm):
    pass


class UserEditForm(_OptionalEmail, wagtail_user_forms.UserEditForm):
    pass


class PersonForm(forms.Form):
    """A new villager on the sign-in sheet or the registration page."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    birth_year = forms.IntegerField(
        label=_("Birth year"), min_value=1900, max_value=2100, required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", "—"), *Person.Gender.choices], required=False
    )
    ethnicity = forms.ChoiceField(
        label=_("Ethnic group"), choices=[("", "—"), *Ethnicity.choices], required=False
    )
    village = forms.ModelChoiceField(label=_("Village"), queryset=None, required=False)
    household = forms.CharField(label=_("Household"), max_length=50, required=False)
    consent = forms.BooleanField(
        label=_("The person agrees to be recorded"),
        error_messages={"required": _("The person must agree to be recorded.")},
    )

    def __init__(self, *args, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = commune.villages.all()
