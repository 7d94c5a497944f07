"""/healthz says the worker lives; /readyz opens a fresh database connection and asks
the cache, and says 503 when either is away. Both answer over plain HTTP (the health
checks inside the network) and are never cached."""

import pytest
from django.db import OperationalError, connections
from django.test import Client


@pytest.fixture
def production(settings):
    settings.SECURE_SSL_REDIRECT = True


def test_liveness_needs_nothing(production):
    response = Client().get("/healthz")  # without the db fixture, a query would fail the test
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_readiness_opens_its_own_connection(production, db, monkeypatch):
    opened = []
    create = connections.create_connection

    def counting(alias):
        opened.append(alias)
        return create(alias)

    monkeypatch.setattr(connections, "create_connection", counting)
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert opened == ["default"]


def test_readiness_fails_without_the_database(production, db, monkeypatch, caplog):
    def unreachable(alias):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections, "create_connection", unreachable)
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert "OperationalError" in caplog.text
