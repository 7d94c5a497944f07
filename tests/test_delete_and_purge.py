"""She can delete all her answers at once; expired answers are purged, and only those.
Her decisions after the consultation and her check-ins go with them."""

import datetime

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client

from answers.models import CheckIn, Decision, Record, ShareCode
from tests import factories
from tests.helpers import CHECK_IN, CHECK_IN_URL, STEP_URLS, decide, decided_days_ago, text_of, walk

ANSWER_MODELS = [Record, ShareCode, Session, Decision, CheckIn]


@pytest.fixture
def aid(db):
    return factories.published_aid()


def counts():
    return [model.objects.count() for model in ANSWER_MODELS]


def test_delete_removes_every_row_of_hers_and_nothing_of_others(client, aid):
    walk(Client())
    walk(client)
    before = counts()
    assert client.get("/mijn-keuze/wissen/").status_code == 200
    assert counts() == before  # a GET never deletes
    response = client.post("/mijn-keuze/wissen/")
    assert "Je antwoorden zijn gewist" in text_of(response)
    assert counts() == [n // 2 for n in before]
    assert client.get(STEP_URLS["check"])["Location"] == STEP_URLS["safety"]


def test_purge_removes_only_expired_records_and_is_idempotent(aid):
    now = datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)
    with time_machine.travel(now - datetime.timedelta(days=40)):
        old = walk(Client(), ["safety", "situation", "values"])
    with time_machine.travel(now - datetime.timedelta(days=2)):
        walk(Client(), ["safety", "situation"])
    with time_machine.travel(now):
        assert Session.objects.count() == 2
        call_command("purge_answers")
        assert list(Record.objects.values_list("pk", flat=True)) != [old.pk]
        assert Record.objects.count() == 1
        assert Record.objects.get().answers.ratings == {}
        assert Session.objects.count() == 1
        before = counts()
        call_command("purge_answers")
        assert counts() == before


def test_the_purge_command_reports_what_it_deleted(aid, capsys):
    with time_machine.travel(datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=31)):
        walk(Client(), ["safety"])
    call_command("purge_answers")
    assert "Deleted 1 expired answer records and 1 expired sessions." in capsys.readouterr().out


def decided_and_checked_in(client):
    walk(client)
    decide(client)
    decided_days_ago(7)
    assert client.post(CHECK_IN_URL, CHECK_IN).status_code == 302


def test_delete_removes_her_decisions_and_check_ins(client, aid):
    decided_and_checked_in(Client())
    decided_and_checked_in(client)
    before = counts()
    client.post("/mijn-keuze/wissen/")
    assert counts() == [n // 2 for n in before]
    assert [Decision.objects.count(), CheckIn.objects.count()] == [1, 1]


def test_purge_removes_her_decisions_and_check_ins(aid):
    now = datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)
    with time_machine.travel(now - datetime.timedelta(days=40)):
        decided_and_checked_in(Client())
    with time_machine.travel(now - datetime.timedelta(days=2)):
        decided_and_checked_in(Client())
    with time_machine.travel(now):
        call_command("purge_answers")
    assert [Record.objects.count(), Decision.objects.count(), CheckIn.objects.count()] == [1, 1, 1]
    assert Decision.objects.get().record == Record.objects.get()
