import logging
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.shortcuts import render

logger = logging.getLogger(__name__)
FORM = "application/x-www-form-urlencoded"


class PermissionsPolicyMiddleware:
    """No page of ours needs a camera, microphone or location: say so to the browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class FormDataMiddleware:
    """Every form of ours is a small urlencoded form with no files. Anything else is
    refused before a view (or the CSRF check) reads it, with a page in her language and
    nothing saved: a multipart or other body (415), a body too large (413), too many
    fields or bytes that are not UTF-8 (400; Django would otherwise read them as
    replacement characters, or log a traceback for the many fields)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request):
        try:
            has_body = int(request.META.get("CONTENT_LENGTH") or 0) > 0
        except ValueError:
            has_body = True
        content_type = request.content_type
        if request.method in ("POST", "PUT", "PATCH") and has_body and content_type != FORM:
            return refuse(request, 415, "not a form", content_type.split(";")[0][:60])
        # A form that says it is in another charset would be read in it: never a guess.
        if request.content_params.get("charset", "utf-8").lower().replace("_", "-") not in ("utf-8", "utf8"):
            return refuse(request, 400, "not UTF-8")
        try:
            query = request.META.get("QUERY_STRING", "").encode("iso-8859-1")
            body = request.body if content_type == FORM else b""
            if not (is_utf8(query) and is_utf8(body)):
                return refuse(request, 400, "not UTF-8")
            request.GET  # noqa: B018 (parsed now, so that too many fields are refused here)
            if content_type == FORM:
                request.POST  # noqa: B018
        except TooManyFieldsSent:
            return refuse(request, 400, "too many fields")
        except RequestDataTooBig:
            return refuse(request, 413, "too large")
        return None


def is_utf8(urlencoded):
    try:
        unquote_to_bytes(urlencoded.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def refuse(request, status, reason, detail=""):
    # One line, no traceback and nothing of what was sent (it could hold her words).
    logger.warning("Refused a request to %s: %s %s", request.path, reason, detail)
    return render(request, "form_refused.html", {"status": status}, status=status)
