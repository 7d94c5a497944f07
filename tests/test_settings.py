"""Settings come from the environment and fail loudly when a required one is missing."""

import os
import subprocess
import sys

from django.conf import settings

PRINT_SETTINGS = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'keuzehulp.settings'; "
    "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'], settings.DEBUG)"
)


def run_with(**environment):
    base = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL")}
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        env={**base, **environment},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_without_a_secret_key_in_production_the_app_refuses_to_start():
    result = run_with(ALLOWED_HOSTS="keuzehulp.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_without_allowed_hosts_in_production_the_app_refuses_to_start():
    result = run_with(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is off." in result.stderr


def test_a_misspelt_boolean_is_refused():
    result = run_with(DEBUG="ja")
    assert "DEBUG must be a boolean" in result.stderr


def test_debug_is_off_unless_set_and_sqlite_is_the_default_database():
    result = run_with(SECRET_KEY="x" * 50, ALLOWED_HOSTS="keuzehulp.example")
    assert result.stdout.split() == ["django.db.backends.sqlite3", "False"]


def test_database_url_selects_postgresql():
    result = run_with(DEBUG="true", DATABASE_URL="postgres://u:p@db.example:5432/keuzehulp")
    assert result.stdout.split() == ["django.db.backends.postgresql", "True"]
