from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_user_forms

from .fields import PhoneNumberFormField
from .models import Village


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
