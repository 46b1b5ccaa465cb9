"""Admin forms for learning content."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

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
