from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.utils import translation
from django.views.decorators.cache import never_cache


def root_redirect(request):
    """Send `/` to the visitor's language prefix (cookie, then browser, then Vietnamese)."""
    language = translation.get_language_from_request(request, check_path=False)
    return HttpResponseRedirect(f"/{language}/")


@never_cache
def healthz(request):
    """For load balancers: the process is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
