"""No session fixation: when her record is made, or found again by her resume code, her
session gets a new key. A key planted in her browser beforehand (by someone who knows
it) never leads to her answers, and the old session is gone."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore
from django.test import Client

from answers.views import SESSION_KEY
from tests import factories
from tests.helpers import STEP_URLS, walk


@pytest.fixture
def aid(db):
    return factories.published_aid()


def planted(client):
    """A session whose key someone else knows, put in her browser before she starts."""
    session = SessionStore()
    session["planted"] = True
    session.create()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return session.session_key


def session_key(client):
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def assert_rotated(client, old_key):
    new_key = session_key(client)
    assert new_key != old_key
    assert SESSION_KEY in SessionStore(new_key).load()
    assert not SessionStore().exists(old_key)
    # Whoever holds the old key gets an empty session, not her answers.
    outsider = Client()
    outsider.cookies[settings.SESSION_COOKIE_NAME] = old_key
    assert outsider.get(STEP_URLS["values"])["Location"] == STEP_URLS["safety"]


def test_the_key_changes_when_her_record_is_made(aid):
    client = Client()
    old_key = planted(client)
    response = client.post(STEP_URLS["safety"], {"action": "save"})
    assert response.status_code == 302
    assert_rotated(client, old_key)


def test_the_key_changes_when_her_resume_code_opens_her_record(aid):
    walk(owner := Client(), ["safety", "situation"])
    code = owner.post("/mijn-keuze/code/").context["code"]
    client = Client()
    old_key = planted(client)
    assert client.post("/mijn-keuze/verder/", {"code": code}).status_code == 302
    assert_rotated(client, old_key)


def test_later_saves_keep_her_key(aid):
    client = Client()
    walk(client, ["safety"])
    key = session_key(client)
    walk(client, ["situation"])
    assert session_key(client) == key
