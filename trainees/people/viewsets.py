"""Wagtail's user admin with phone-number accounts, and each account's role and scope."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.users.views import users as wagtail_user_views
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from ..models import AuditEntry, Role, User
from ..permissions import user_can_read_audit_log
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


class AuditPermissionPolicy(ModelPermissionPolicy):
    """Administrators read the audit log; nobody adds, edits or deletes entries in it."""

    def user_has_permission(self, user, action):
        return action in {"view", "inspect"} and user_can_read_audit_log(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions, **kwargs):
        if not {"view", "inspect"} & set(actions):
            return User.objects.none()
        return User.objects.filter(is_active=True).filter(
            Q(is_superuser=True) | Q(role=Role.ADMINISTRATOR)
        )


class AuditEntryViewSet(ModelViewSet):
    model = AuditEntry
    icon = "history"
    menu_label = _("Audit log")
    menu_order = 1000
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["at", "user_label", "action", "what", "address"]
    list_filter = ["action"]
    search_fields = ["user_label", "what"]
    list_per_page = 100
    # Never offered (AuditPermissionPolicy allows no adding or editing); Wagtail asks.
    form_fields = ["action", "what"]
