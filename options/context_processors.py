from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from .models import OrganisationProfile


def site(request):
    """What every page shows: the hospital's numbers (safety first) and the language switch."""
    current = get_language()
    return {
        "organisation": OrganisationProfile.current(),
        "other_languages": [
            # Each language by its own name: "English", not "Engels".
            {"code": code, "name": get_language_info(code)["name_local"], "url": translate_url(request.path, code)}
            for code, _name in settings.LANGUAGES
            if code != current
        ],
    }
