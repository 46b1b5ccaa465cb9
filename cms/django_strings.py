"""Django's own strings that the site's pages show, repeated here for the catalogues.

Django has no H'Mông catalogue, so on /hmn/ pages its strings fall back to Vietnamese: the
login form's "Password", "This field is required.", the weekday of a session. Marking them
here puts them in the project's catalogue, which Django searches first, so H'Mông readers
get them in H'Mông. Vietnamese and English keep Django's own wording
(tests/cms/test_translations.py fails if ours differs). Nothing imports this module; it is
read by `make messages` only.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# Form errors a learner or trainer meets on the site's own forms.
FORM_ERRORS = (
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid value."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid time."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("The submitted file is empty."),
    gettext_noop("No file was submitted. Check the encoding type on the form."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
)

# The login form's password field and the password rules of sign-up.
PASSWORDS = (
    gettext_noop("Password"),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    ngettext_lazy(
        "This password is too short. It must contain at least %(min_length)d character.",
        "This password is too short. It must contain at least %(min_length)d characters.",
        "min_length",
    ),
)

# Weekdays: a session's date reads "Saturday 05/12 17:26" (`|date:"l d/m H:i"`).
WEEKDAYS = (
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
)
