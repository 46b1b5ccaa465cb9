"""Wagtail's user admin with phone-number accounts, and each account's role and scope."""

from wagtail.users.views import users as wagtail_user_views
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import UserCreationForm, UserEditForm
from .services import user_assign_role


class _AssignRole:
    def save_instance(self):
        user = super().save_instance()
        form = self.form
        return user_assign_role(
            user=user,
            role=form.chosen_role(),
            province=form.cleaned_data.get("province"),
            teams=form.chosen_teams(),
        )


class UserCreateView(_AssignRole, wagtail_user_views.CreateView):
    pass


class UserEditView(_AssignRole, wagtail_user_views.EditView):
    pass


class UserViewSet(WagtailUserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
