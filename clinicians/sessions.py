"""Staff sessions end when the browser closes and at the latest after a working day: a
computer on a ward is shared, and a clinician may walk away from it logged in. Her
sessions (patients have no account) are left alone: they live as long as her record."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

STAFF_UNTIL = "staff_session_until"


@receiver(user_logged_in)
def limit_staff_session(sender, request, user, **kwargs):
    if user.is_staff:
        # A cookie without an expiry is forgotten when the browser closes; the end time
        # kept on the server holds even if the browser is never closed.
        request.session.set_expiry(0)
        request.session[STAFF_UNTIL] = int(time.time()) + settings.STAFF_SESSION_SECONDS


class StaffSessionMiddleware:
    """Logs out a staff session past its end time, before the view sees it: the view
    then asks for a new login as for anyone else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie there is nothing to end (and nothing is read).
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            until = request.session.get(STAFF_UNTIL)
            if until is not None and time.time() >= until:
                logout(request)
        return self.get_response(request)
