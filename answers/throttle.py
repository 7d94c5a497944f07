"""Rate limits per client, kept in Django's cache (shared by all workers in production).

The client is known only by a keyed hash of its address, kept for the length of the
window: no IP address is stored in the database or in a log line.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def client_address(request):
    """The client's address; behind TRUSTED_PROXIES reverse proxies, the one the nearest
    of them saw (addresses further left in X-Forwarded-For could be made up)."""
    if settings.TRUSTED_PROXIES:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= settings.TRUSTED_PROXIES:
            return forwarded[-settings.TRUSTED_PROXIES]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request, scope):
    address = client_address(request)
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]
    return f"throttle:{scope}:{digest}"


def is_blocked(request, scope, limit):
    """True once the client has failed `limit` times within the window; from then on a
    right answer is refused too, so guessing cannot go on."""
    return cache.get(client_key(request, scope), 0) >= limit


def count_failure(request, scope):
    key = client_key(request, scope)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)
