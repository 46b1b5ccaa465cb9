"""Who may use the site-wide parts that no app owns."""


def user_can_use_admin(user) -> bool:
    """The Wagtail admin is for staff only: content editors and administrators (their role
    sets `is_staff`, see trainees.people.services.user_assign_role) and superusers. A
    permission given to another group by mistake does not open it."""
    return bool(user.is_authenticated and user.is_active and (user.is_staff or user.is_superuser))
