"""Her words for her doctor have a limit: a longer text is refused with a message that
says how long it is, and everything she typed is kept; nothing is saved. A check-in with
no answer at all is refused too."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from answers.forms import OWN_TEXT_MAX_LENGTH
from answers.models import CheckIn
from tests.helpers import CHECK_IN, CHECK_IN_URL, decide, walk


@pytest.fixture
def patient(factory_aids):
    client = Client()
    walk(client, ["safety"])
    decide(client, on_date=timezone.localdate() - datetime.timedelta(days=7))
    return client


def test_a_text_over_the_limit_is_refused_and_kept(patient):
    note = "a" * (OWN_TEXT_MAX_LENGTH + 1)
    response = patient.post(CHECK_IN_URL, {**CHECK_IN, "note": note})
    assert response.status_code == 400
    page = response.content.decode()
    assert f"gebruik hoogstens {OWN_TEXT_MAX_LENGTH} tekens (nu {OWN_TEXT_MAX_LENGTH + 1})" in page
    assert 'href="#id_note"' in page
    assert note in page
    assert 'value="ja" id="id_went_as_expected_0" checked' in page
    assert not CheckIn.objects.exists()


def test_a_text_at_the_limit_is_saved(patient):
    patient.post(CHECK_IN_URL, {**CHECK_IN, "note": "a" * OWN_TEXT_MAX_LENGTH})
    assert len(CheckIn.objects.get().note) == OWN_TEXT_MAX_LENGTH


def test_an_empty_check_in_is_refused(patient):
    response = patient.post(CHECK_IN_URL, {"note": "  "})
    assert response.status_code == 400
    assert "Beantwoord minstens één vraag" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_an_unknown_answer_is_refused_never_a_500(patient):
    response = patient.post(CHECK_IN_URL, {**CHECK_IN, "regret_wise": "9", "switched_to": "medicijnen"})
    assert response.status_code == 400
    assert not CheckIn.objects.exists()
