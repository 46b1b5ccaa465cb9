"""Forms for people and places: phone login, sign-up, villages, Wagtail user forms, a new
villager. Person fields are built and checked by `person_fields`."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.users import forms as wagtail_user_forms

from cms.ratelimit import client_address, wait_text
from cms.validators import validate_text

from ..choosers import TeamChooser, team_label
from ..models import Ethnicity, Person, Province, Role, Team, User, Village
from . import throttle
from .fields import PhoneNumberFormField
from .person_fields import (
    PersonFieldsMixin,
    birth_year_field,
    full_name_field,
    household_field,
)
from .services import ROLE_GROUPS, user_scope_clean


class ThrottledLoginMixin:
    """Counts wrong passwords per (phone number, address) and makes the pair wait, saying
    for how long (see `trainees.people.throttle`). For the site's and the admin's login."""

    def _throttled(self, seconds: int) -> ValidationError:
        return ValidationError(
            _(
                "Too many wrong passwords for this phone number from this connection. "
                "Wait %(wait)s, then try again."
            ),
            code="throttled",
            params={"wait": wait_text(seconds)},
        )

    def clean(self):
        account = throttle.account_key(self.cleaned_data.get("username"))
        address = client_address(self.request) if self.request is not None else ""
        if account and (wait := throttle.login_wait(account=account, address=address)):
            raise self._throttled(wait)
        try:
            cleaned = super().clean()
        except ValidationError as exc:
            failed = account and exc.code == "invalid_login"
            if failed and (cooldown := throttle.login_failed(account=account, address=address)):
                raise self._throttled(cooldown) from exc
            raise
        if account:
            throttle.login_succeeded(account=account, address=address)
        return cleaned


class AdminLoginForm(ThrottledLoginMixin, WagtailLoginForm):
    """Wagtail's login form, throttled like the site's (WAGTAILADMIN_USER_LOGIN_FORM)."""


class PhoneAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
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
        validate_text(self.cleaned_data["name"])
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Enter the village's name."))
        return name


class _OptionalEmail(forms.Form):
    # Many learners and village trainers have no e-mail; the phone number is the login.
    email = forms.EmailField(required=False, label=_("E-mail (optional)"))


class _RoleAndScope(forms.Form):
    """Set a trainer or coordinator up completely: role, province, teams (their communes).

    The role decides the Wagtail group and whether the account is an administrator, so the
    form shows only the groups that no role manages. The view saves the role and scope with
    `user_assign_role`.
    """

    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        required=False,
        help_text=_("What the person does. It decides what they may see and do."),
    )
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.all(),
        required=False,
        help_text=_("For province coordinators: the province they oversee."),
    )
    team = forms.ModelChoiceField(
        label=_("Add to a team"),
        queryset=Team.objects.all(),
        required=False,
        widget=TeamChooser(),
        help_text=_(
            "For trainers and commune coordinators: they work in the communes of their teams. "
            "Set up teams and their communes under Teams."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance
        if user.pk:
            self.fields["role"].initial = user.role
            self.fields["province"].initial = user.province_id
        else:
            self.fields["role"].initial = Role.LEARNER
        if "is_superuser" in self.fields:
            self.fields["is_superuser"].disabled = True
            self.fields["is_superuser"].help_text = _("Set by the role: administrators only.")
        if "groups" in self.fields:
            self.fields["groups"].queryset = Group.objects.exclude(name__in=ROLE_GROUPS.values())
            self.fields["groups"].help_text = _(
                "Other groups. The group of the person's role follows the role."
            )

    def chosen_role(self) -> Role:
        role = self.cleaned_data.get("role") if "role" in self.fields else None
        return Role(role or self.instance.role or Role.LEARNER)

    def chosen_teams(self) -> list[Team]:
        teams = list(self.cleaned_data.get("teams") or [])
        if self.cleaned_data.get("team") is not None:
            teams.append(self.cleaned_data["team"])
        return teams

    def clean(self):
        cleaned = super().clean()
        try:
            user_scope_clean(
                role=self.chosen_role(),
                province=cleaned.get("province"),
                teams=self.chosen_teams(),
            )
        except ValidationError as exc:
            for field, errors in exc.error_dict.items():
                self.add_error("team" if field == "teams" else field, errors)
        return cleaned


class UserCreationForm(_OptionalEmail, _RoleAndScope, wagtail_user_forms.UserCreationForm):
    pass


class _TeamsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return team_label(obj)


class UserEditForm(_OptionalEmail, _RoleAndScope, wagtail_user_forms.UserEditForm):
    teams = _TeamsField(
        label=_("Teams"),
        queryset=Team.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick a team to take the person out of it."),
    )

    def __init__(self, *args, editing_self=False, **kwargs):
        super().__init__(*args, editing_self=editing_self, **kwargs)
        current = self.instance.teams.prefetch_related("commune_links__commune")
        self.fields["teams"].queryset = current
        self.fields["teams"].initial = list(current)
        if editing_self:
            # Nobody changes their own role: an administrator would lock themselves out.
            del self.fields["role"]


class NewLearnerAccountForm(PersonFieldsMixin, forms.Form):
    """A learner making an account on their own phone: sign-up and QR check-in share it."""

    full_name = full_name_field(_("Your full name"))
    phone = PhoneNumberFormField(label=_("Phone number"), help_text=_("For example 0912 345 678"))
    password = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits."),
    )

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if User.objects.filter(phone=phone).exists():
            raise ValidationError(
                _("An account with this phone number already exists. Log in instead.")
            )
        return phone

    def clean(self):
        data = super().clean()
        password = data.get("password")
        if password:
            try:
                validate_password(
                    password,
                    user=User(phone=data.get("phone") or "", last_name=data.get("full_name", "")),
                )
            except ValidationError as exc:
                self.add_error("password", exc)
        return data


class SignUpForm(NewLearnerAccountForm):
    """Sign-up once the learner has found their commune (see `trainees.people.views.sign_up`)."""

    village = forms.ModelChoiceField(
        label=_("Your village (if you know it)"), queryset=None, required=False
    )
    consent = forms.BooleanField(
        label=_("I agree that my name and learning are recorded"),
        error_messages={"required": _("You must agree before you can sign up.")},
    )

    def __init__(self, *args, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = commune.villages.all()


class CommuneSearchForm(forms.Form):
    """Find a commune by name, with or without accents ("y ty" finds "Y Tý")."""

    q = forms.CharField(
        label=_("Your commune or ward"),
        max_length=100,
        validators=[validate_text],
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "placeholder": _("e.g. y ty")}
        ),
    )


class PersonForm(PersonFieldsMixin, forms.Form):
    """A new villager on the sign-in sheet or the registration page."""

    full_name = full_name_field(_("Full name"))
    birth_year = birth_year_field()
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", "—"), *Person.Gender.choices], required=False
    )
    ethnicity = forms.ChoiceField(
        label=_("Ethnic group"), choices=[("", "—"), *Ethnicity.choices], required=False
    )
    village = forms.ModelChoiceField(label=_("Village"), queryset=None, required=False)
    household = household_field()
    consent = forms.BooleanField(
        label=_("The person agrees to be recorded"),
        error_messages={"required": _("The person must agree to be recorded.")},
    )

    def __init__(self, *args, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = commune.villages.all()


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("Name of the person"), max_length=150, validators=[validate_text])


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the data erased?"),
        max_length=300,
        validators=[validate_text],
        help_text=_("For example: the person asked on 5 December 2026, in writing."),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand: the name, phone number and account are erased for good and the "
            "certificates are revoked."
        ),
    )
