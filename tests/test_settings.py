"""Settings come from the environment and fail loudly when a required one is missing."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRINT_SETTINGS = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'keuzehulp.settings'; "
    "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'], settings.DEBUG)"
)


def run_with(**environment):
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL")
    }
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        env={**base, **environment},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


PRODUCTION = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "keuzehulp.example", "REDIS_URL": "redis://redis:6379/0"}


def test_without_a_secret_key_in_production_the_app_refuses_to_start():
    result = run_with(ALLOWED_HOSTS="keuzehulp.example", REDIS_URL="redis://redis:6379/0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_without_allowed_hosts_in_production_the_app_refuses_to_start():
    result = run_with(SECRET_KEY="x" * 50, REDIS_URL="redis://redis:6379/0")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is off." in result.stderr


def test_without_redis_in_production_the_app_refuses_to_start():
    # Each worker would otherwise count guesses of codes and passwords on its own.
    result = run_with(SECRET_KEY="x" * 50, ALLOWED_HOSTS="keuzehulp.example")
    assert result.returncode != 0
    assert "REDIS_URL must be set when DEBUG is off." in result.stderr


def test_development_needs_no_redis():
    result = run_with(DEBUG="true")
    assert result.returncode == 0, result.stderr


INTEGER_SETTINGS = [
    "CONN_MAX_AGE",
    "ANSWERS_RETENTION_DAYS",
    "RESUME_ATTEMPTS_PER_HOUR",
    "SHARE_ATTEMPTS_PER_HOUR",
    "LOGIN_ATTEMPTS_PER_HOUR",
    "TRUSTED_PROXIES",
    "PDF_DRAWINGS_AT_ONCE",
    "SHARE_CODE_DAYS",
]


@pytest.mark.parametrize("name", INTEGER_SETTINGS)
def test_an_integer_setting_that_is_no_number_is_refused_by_name(name):
    result = run_with(**PRODUCTION, **{name: "tien"})
    assert result.returncode != 0
    assert f"{name} must be a whole number, not 'tien'" in result.stderr
    assert "ValueError" not in result.stderr


@pytest.mark.parametrize("name", [n for n in INTEGER_SETTINGS if n not in ("CONN_MAX_AGE", "TRUSTED_PROXIES")])
def test_a_count_or_period_of_zero_is_refused(name):
    # Zero attempts would refuse every code; zero days would purge her answers at once.
    result = run_with(**PRODUCTION, **{name: "0"})
    assert result.returncode != 0
    assert f"{name} must be at least 1, not 0" in result.stderr


def test_negative_numbers_are_refused():
    result = run_with(**PRODUCTION, TRUSTED_PROXIES="-1")
    assert "TRUSTED_PROXIES must be at least 0, not -1" in result.stderr


def test_a_misspelt_boolean_is_refused():
    result = run_with(DEBUG="ja")
    assert "DEBUG must be a boolean" in result.stderr


def test_debug_is_off_unless_set_and_sqlite_is_the_default_database():
    result = run_with(**PRODUCTION)
    assert result.stdout.split() == ["django.db.backends.sqlite3", "False"]


def test_database_url_selects_postgresql():
    result = run_with(DEBUG="true", DATABASE_URL="postgres://u:p@db.example:5432/keuzehulp")
    assert result.stdout.split() == ["django.db.backends.postgresql", "True"]
