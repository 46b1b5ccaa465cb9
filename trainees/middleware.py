"""The audit log of bulk views and exports of personal data (see trainees.models.privacy)."""

from django.conf import settings
from django.core.cache import cache

from cms.ratelimit import client_address

from .models import AuditEntry
from .people.privacy import audit_record

# One entry per person, page and this many seconds: a roll call refreshing its roster every
# minute is one look, not sixty. Without the cache, every answer is logged.
REPEAT_SECONDS = 600


def audit_personal_data(get_response):
    """Logs a successful answer, to a signed-in person, of a URL in `AUDITED_URLS`."""

    def middleware(request):
        response = get_response(request)
        match = request.resolver_match
        if response.status_code != 200 or match is None or not match.url_name:
            return response
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        action = settings.AUDITED_URLS.get(name)
        if action is None or not request.user.is_authenticated:
            return response
        what = request.get_full_path()[:300]
        key = f"audit:{request.user.pk}:{what}"
        if cache.add(key, 1, REPEAT_SECONDS) is not False:
            audit_record(
                user=request.user,
                action=AuditEntry.Action(action),
                what=what,
                address=client_address(request),
            )
        return response

    return middleware
