"""/healthz says the worker lives; /readyz opens a fresh database connection and asks
the cache, and says 503 when either is away. Both answer over plain HTTP (the health
checks inside the network) and are never cached."""

import pytest
from django.test import Client


@pytest.fixture
def production(settings):
    settings.SECURE_SSL_REDIRECT = True


def test_liveness_needs_nothing(production):
    response = Client().get("/healthz")  # without the db fixture, a query would fail the test
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_readiness_says_ready_when_the_database_and_the_cache_answer(production, db):
    response = Client().get("/readyz")
    assert (response.status_code, response.content) == (200, b"ready\n")
    assert "no-cache" in response["Cache-Control"]


def test_readiness_fails_without_the_cache(production, db, settings, caplog):
    """With Redis away (here: nothing listens on its port). The database away is tried on
    the real PostgreSQL, stopped, in tests/test_faults.py."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert "Not ready: ConnectionError" in caplog.text
    assert Client().get("/healthz").status_code == 200
