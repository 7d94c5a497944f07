"""With the database or the cache away, she gets a calm page in her language with the
numbers to call and a 503 with Retry-After, never a stack trace or a bare 500."""

from contextlib import contextmanager

import pytest
from django.core.cache.backends.base import BaseCache
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client
from redis.exceptions import ConnectionError as RedisConnectionError

from tests.helpers import walk


@contextmanager
def database_down():
    def refuse(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", refuse)
        yield


@pytest.mark.parametrize(("prefix", "text"), [("", "even niet bereikbaar"), ("/en", "temporarily unavailable")])
def test_her_pages_answer_503_with_a_friendly_page(factory_aids, prefix, text):
    client = Client(raise_request_exception=False)
    walk(client)
    client.get("/")  # the hospital's numbers are in the cache
    with database_down():
        response = client.get(f"{prefix}/mijn-keuze/samenvatting/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert text in page
    assert "112" in page
    assert "Traceback" not in page


def test_a_save_that_fails_says_so_and_keeps_what_was_saved(factory_aids):
    client = Client(raise_request_exception=False)
    walk(client)
    before = client.get("/mijn-keuze/controleren/").context["summary"].questions
    with database_down():
        response = client.post("/mijn-keuze/vragen/", {"question_1": "Een nieuwe vraag", "action": "save"})
    assert response.status_code == 503
    assert client.get("/mijn-keuze/controleren/").context["summary"].questions == before


def test_with_the_cache_away_her_pages_answer_503_too(factory_aids, monkeypatch):
    client = Client(raise_request_exception=False)
    client.get("/ziekenhuis/voorbeeld/")
    walk(client)

    def unreachable(*args, **kwargs):
        raise RedisConnectionError("Timeout connecting to server")

    # Every read from Redis fails: her hospital, the current content version.
    monkeypatch.setattr(BaseCache, "get_or_set", unreachable)
    response = client.get("/mijn-keuze/samenvatting/")
    assert response.status_code == 503
    assert "even niet bereikbaar" in response.content.decode()
