"""Health checks and the error page: not part of the decision aid, but of running it."""

import logging
import sys

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from redis.exceptions import RedisError

from hospitals import choice
from hospitals.models import Hospital

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


@never_cache
def healthz(request):
    """Liveness: the worker answers. Touches nothing else, so a database outage never
    makes the orchestrator kill healthy workers."""
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
def readyz(request):
    """Readiness: a fresh database connection (not the worker's kept one, which may look
    fine while the server is gone) and the shared cache both answer."""
    try:
        connection = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        finally:
            connection.close()
        cache.get("readyz")
    except Exception as error:
        logger.warning("Not ready: %s", type(error).__name__)
        return HttpResponse("not ready\n", content_type="text/plain", status=503)
    return HttpResponse("ready\n", content_type="text/plain")


def bad_request(request, exception):
    """Django's handler400 (a request it refuses itself): the same calm page in her
    language as for a form we cannot read, not Django's bare English one."""
    return render(request, "form_refused.html", {"status": 400}, status=400)


def server_error(request):
    """Django's handler500. With the database or the cache away, she gets a calm 503 that
    asks her to try again, with the numbers to call; anything else is a plain 500.
    Rendered without context processors: they might need what just failed."""
    _type, error, _traceback = sys.exc_info()
    unavailable = isinstance(error, (DatabaseError, RedisError))
    context = {"hospital": cached_hospital(request), "unavailable": unavailable}
    response = HttpResponse(render_to_string("500.html", context), status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def cached_hospital(request):
    """Her hospital if the session and the cache still answer without the database;
    otherwise None, and she reads the neutral text (never a made-up number)."""
    try:
        session = request.session
        if getattr(session, "_session_cache", None) is None:
            return None  # not read yet: reading it now might need what just failed
        hospital = cache.get(Hospital.cache_key(choice.chosen_pk(request)))
        return hospital if isinstance(hospital, Hospital) and hospital.shown_to_her else None
    except Exception:
        return None


ROBOTS = """User-agent: *
Disallow: /mijn-keuze/
Disallow: /en/mijn-keuze/
Disallow: /zorgverlener/
Disallow: /ziekenhuis/
Disallow: /en/ziekenhuis/
Disallow: /admin/
"""


def robots_txt(request):
    """Her path, the clinicians' pages and the admin are nobody's search result; nor are
    the hospitals' addresses, which choose a hospital for whoever follows them (she comes
    there from a QR code or the start page, never from a search)."""
    return HttpResponse(ROBOTS, content_type="text/plain")
