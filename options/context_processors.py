from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.encoding import escape_uri_path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_info, override


def site(request):
    """What every page shows: the language switch (her hospital: hospitals.context_processors)."""
    current = get_language()
    return {
        "other_languages": [
            # Each language by its own name: "English", not "Engels".
            {"code": code, "name": get_language_info(code)["name_local"], "url": same_page_in(request, code)}
            for code, _name in settings.LANGUAGES
            if code != current
        ],
    }


def same_page_in(request, language):
    """This page in another language: always a path on this site. The path is whatever
    was asked for (on the 404 page: anything), so "//evil.example/" (or a backslash, which
    browsers read as a slash) must never come back as a link to another host: escaped, or
    else the switch goes to the start page in that language."""
    path = escape_uri_path(request.path)
    url = translate_url(path, language)
    if url.startswith("/") and not url.startswith("//") and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return url
    with override(language):
        return reverse("options:start")
