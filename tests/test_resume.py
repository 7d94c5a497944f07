"""She comes back by her session cookie, or on another device with a resume code."""

import datetime

import pytest
import time_machine
from django.test import Client

from answers import codes
from answers.models import Record
from tests import factories
from tests.helpers import STEP_URLS, text_of, walk


@pytest.fixture
def aid(db):
    return factories.published_aid()


def make_code(client):
    response = client.post("/mijn-keuze/code/")
    assert response.status_code == 200
    return response.context["code"]


def test_the_session_cookie_brings_her_back_to_her_answers(client, aid):
    walk(client, ["safety", "situation"])
    cookie = client.cookies["sessionid"].value
    again = Client()
    again.cookies["sessionid"] = cookie
    assert again.get(STEP_URLS["values"]).status_code == 200
    assert "Verder waar je was" in text_of(again.get("/mijn-keuze/"))


def test_a_resume_code_opens_her_answers_in_a_fresh_browser(client, aid):
    walk(client)
    code = make_code(client)
    other = Client()
    response = other.post("/mijn-keuze/verder/", {"code": code.lower().replace("-", " ")})
    assert response.status_code == 302
    assert response["Location"] == STEP_URLS["check"]
    assert "Mag ik daarna weer werken?" in text_of(other.get(STEP_URLS["check"]))


def test_only_a_digest_of_the_code_is_stored_and_a_new_code_replaces_the_old(client, aid):
    walk(client, ["safety"])
    first = make_code(client)
    record = Record.objects.get()
    assert record.resume_code_digest == codes.digest(first)
    assert first.replace("-", "") not in str(Record.objects.values().get())
    second = make_code(client)
    assert Client().post("/mijn-keuze/verder/", {"code": first}).status_code == 400
    assert Client().post("/mijn-keuze/verder/", {"code": second}).status_code == 302


def test_the_code_never_appears_in_a_url(client, aid):
    walk(client, ["safety"])
    code = make_code(client)
    response = Client().post("/mijn-keuze/verder/", {"code": code}, follow=True)
    assert all(code not in url for url, _ in response.redirect_chain)


def test_a_wrong_code_gets_a_clear_message(client, aid):
    response = client.post("/mijn-keuze/verder/", {"code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 400
    assert "Deze code kennen we niet." in text_of(response)
    assert '<a href="#id_code">' in response.content.decode()


def test_a_code_of_the_wrong_length_gets_a_clear_message(client, aid):
    response = client.post("/mijn-keuze/verder/", {"code": "ABC"})
    assert response.status_code == 400
    assert "Een code heeft 12 tekens." in text_of(response)


def test_an_expired_code_gets_a_clear_message(client, aid):
    walk(client, ["safety"])
    code = make_code(client)
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=31)):
        response = Client().post("/mijn-keuze/verder/", {"code": code})
    assert response.status_code == 400
    assert "Deze code is verlopen" in text_of(response)


def test_guessing_codes_is_rate_limited(client, aid, settings):
    settings.RESUME_ATTEMPTS_PER_HOUR = 3
    statuses = [client.post("/mijn-keuze/verder/", {"code": f"AAAA-BBBB-CCC{n}"}).status_code for n in range(5)]
    assert statuses == [400, 400, 400, 429, 429]
    assert "Te vaak geprobeerd" in text_of(client.post("/mijn-keuze/verder/", {"code": "AAAA-BBBB-CCCC"}))


def test_once_blocked_even_the_right_code_is_refused_and_a_good_code_does_not_count(client, aid, settings):
    settings.RESUME_ATTEMPTS_PER_HOUR = 2
    walk(client, ["safety"])
    code = make_code(client)
    other = Client()
    for _ in range(3):
        assert other.post("/mijn-keuze/verder/", {"code": code}).status_code == 302
    for _ in range(2):
        assert other.post("/mijn-keuze/verder/", {"code": "AAAA-BBBB-CCCC"}).status_code == 400
    assert other.post("/mijn-keuze/verder/", {"code": code}).status_code == 429


def test_invented_forwarded_addresses_do_not_reset_the_count(aid, settings):
    # Behind the proxy only the address it appended counts, never one she wrote herself.
    settings.RESUME_ATTEMPTS_PER_HOUR = 3
    settings.TRUSTED_PROXIES = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    statuses = [
        proxy.post(
            "/mijn-keuze/verder/",
            {"code": "ABCD-EFGH-JKMN"},
            headers={"X-Forwarded-For": f"198.51.100.{n}, 203.0.113.7"},
        ).status_code
        for n in range(5)
    ]
    assert statuses == [400, 400, 400, 429, 429]
