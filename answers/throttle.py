"""Rate limits, kept in Django's cache (shared by all workers in production).

A client is known only by a keyed hash of its address (an account by a keyed hash of
its name), kept for the length of the window: no IP address is stored in the database or
in a log line.
"""

import hashlib
import hmac
import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600
# The growing delay of staff logins: after the free attempts, 30 s, 1, 2, 4, 8 minutes,
# then 15 minutes before each further try. Guessing slows to 4 tries an hour, while a
# clinician who mistyped, or whose colleague behind the same NAT did, waits minutes.
FIRST_DELAY_SECONDS = 30
LONGEST_DELAY_SECONDS = 15 * 60


def client_address(request):
    """The client's address; behind TRUSTED_PROXIES reverse proxies, the one the nearest
    of them saw (addresses further left in X-Forwarded-For could be made up)."""
    if settings.TRUSTED_PROXIES:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= settings.TRUSTED_PROXIES:
            return forwarded[-settings.TRUSTED_PROXIES]
    return request.META.get("REMOTE_ADDR", "")


def address_bucket(address):
    """An IPv6 client owns at least a /64 and can pick any address in it: count the /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def digest(value):
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def client_key(request, scope):
    return f"throttle:{scope}:{digest(address_bucket(client_address(request)))}"


def account_key(scope, username):
    return f"throttle:{scope}:account:{digest(username.strip().casefold())}"


def is_blocked(request, scope, limit, key=None):
    """True once the client (or the given key) has failed `limit` times within the
    window; from then on a right answer is refused too, so guessing cannot go on."""
    return cache.get(key or client_key(request, scope), 0) >= limit


def count_failure(request, scope, key=None):
    key = key or client_key(request, scope)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)


# -- a growing delay instead of a lock-out ---------------------------------------------


def delay_after(failures, free_attempts):
    if failures < free_attempts:
        return 0
    return min(LONGEST_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - free_attempts))


def seconds_to_wait(limits):
    """Seconds until the next try is allowed, for (key, free attempts) pairs: 0 if none
    of them has a delay running."""
    now = time.time()
    wait = 0
    for key, free_attempts in limits:
        failures = cache.get(key, 0)
        last = cache.get(f"{key}:last")
        if failures and last is not None:
            wait = max(wait, last + delay_after(failures, free_attempts) - now)
    return math.ceil(wait) if wait > 0 else 0


def note_failure(keys):
    """A failure counts for each key; each count is forgotten an hour after its last one."""
    now = time.time()
    for key in keys:
        if not cache.add(key, 1, WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, WINDOW_SECONDS)
            cache.touch(key, WINDOW_SECONDS)
        cache.set(f"{key}:last", now, WINDOW_SECONDS)


def forget(key):
    cache.delete_many([key, f"{key}:last"])
