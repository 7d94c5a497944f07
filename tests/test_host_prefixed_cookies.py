"""In production her session cookie and the CSRF cookie carry the __Host- prefix, and meet
its rules (Secure, Path=/, no Domain): otherwise a browser would drop them."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

PRINT_COOKIE_SETTINGS = (
    "import json, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'keuzehulp.settings'; "
    "from django.conf import settings as s; print(json.dumps({kind: [getattr(s, f'{kind}_COOKIE_{name}') "
    "for name in ('NAME', 'SECURE', 'PATH', 'DOMAIN')] for kind in ('SESSION', 'CSRF')}))"
)


def cookie_settings(**environment):
    base = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL")}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_COOKIE_SETTINGS],
        env={**base, **environment},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_names_its_cookies_with_the_host_prefix():
    production = cookie_settings(SECRET_KEY="x" * 50, ALLOWED_HOSTS="keuzehulp.example", REDIS_URL="redis://r:6379/0")
    assert production == {
        "SESSION": ["__Host-sessionid", True, "/", None],
        "CSRF": ["__Host-csrftoken", True, "/", None],
    }


def test_development_over_plain_http_keeps_the_plain_names():
    assert cookie_settings(DEBUG="true")["SESSION"][0] == "sessionid"


@pytest.fixture
def production_cookies(settings):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True


def test_the_cookies_sent_meet_the_prefix_rules(production_cookies, factory_aids):
    client = Client()
    form = client.get("/mijn-keuze/veiligheid/", secure=True)
    saved = client.post("/mijn-keuze/veiligheid/", {"action": "skip"}, secure=True)
    assert saved.status_code == 302
    cookies = {**form.cookies, **saved.cookies}
    assert set(cookies) == {"__Host-sessionid", "__Host-csrftoken"}
    for morsel in cookies.values():
        assert morsel["secure"]
        assert morsel["path"] == "/"
        assert not morsel["domain"]
