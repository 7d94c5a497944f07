"""Bad input gets a clear message and a 4xx (or a redirect to the right step), never a
500, and never loses an answer saved earlier."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from answers.models import Record
from tests import factories
from tests.helpers import ANSWERS, STEP_URLS, save, text_of, walk

FIELDS = {
    "safety": ["veel-bloedverlies"],
    "situation": ["rhesus", "eerdere-miskramen"],
    "values": ["thuis", "concern_1", "concern_2", "concern_3"],
    "knowledge": ["werkt"],
    "leaning": ["leaning", "sure_best_choice", "sure_knows_benefits_and_risks"],
    "questions": ["question_1", "question_6"],
}


@pytest.fixture
def aid(db):
    return factories.published_aid()


def saved_state(record):
    record.refresh_from_db()
    return record.answers.to_json()


def test_a_tampered_choice_is_refused_with_a_message_in_dutch(client, aid):
    walk(client)
    before = saved_state(Record.objects.get())
    response = save(client, "situation", {"rhesus": "misschien"})
    assert response.status_code == 400
    text = text_of(response)
    assert "Er is iets niet goed ingevuld" in text
    assert "Rhesus negatief? Kies een van de antwoorden die hier staan." in text
    assert saved_state(Record.objects.get()) == before


def test_an_out_of_range_rating_is_refused(client, aid):
    walk(client)
    response = save(client, "values", {"thuis": "9"})
    assert response.status_code == 400
    assert Record.objects.get().answers.ratings == {"thuis": 5}


def test_the_error_summary_links_to_the_field(client, aid):
    response = save(client, "safety", {"veel-bloedverlies": "<script>"})
    html = response.content.decode()
    assert '<a href="#id_veel-bloedverlies_0">' in html
    assert 'id="id_veel-bloedverlies_0"' in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_an_over_long_text_is_refused_and_what_she_typed_is_kept(client, aid):
    walk(client)
    response = save(client, "questions", {"question_1": "Waarom? " * 200})
    assert response.status_code == 400
    assert "Je tekst is te lang: gebruik hoogstens 1000 tekens (nu 1599)." in text_of(response)
    assert "Waarom? Waarom?" in response.content.decode()
    assert len(Record.objects.get().answers.questions) == 2


def test_a_nul_byte_is_refused(client, aid):
    walk(client)
    response = save(client, "questions", {"question_1": "Vraag\x00"})
    assert response.status_code == 400
    assert "Null-tekens zijn niet toegestaan." in text_of(response)


def test_a_post_without_csrf_token_is_refused_with_a_clear_page_and_nothing_is_lost(aid):
    client = Client(enforce_csrf_checks=True)
    page = client.get(STEP_URLS["safety"])
    token = page.context["csrf_token"]
    assert (
        client.post(
            STEP_URLS["safety"], {**ANSWERS["safety"], "action": "save", "csrfmiddlewaretoken": token}
        ).status_code
        == 302
    )
    before = saved_state(Record.objects.get())
    response = client.post(STEP_URLS["situation"], {**ANSWERS["situation"], "action": "save"})
    assert response.status_code == 403
    assert "Dit formulier is verlopen" in text_of(response)
    assert saved_state(Record.objects.get()) == before


def test_a_wrong_method_is_refused(client, aid):
    assert client.put(STEP_URLS["safety"]).status_code == 405
    assert client.delete("/mijn-keuze/wissen/").status_code == 405


@pytest.mark.parametrize(
    ("url", "start"),
    [
        ("/mijn-keuze/wat-vind-ik-belangrijk/wat-past/", "/mijn-keuze/wat-vind-ik-belangrijk/"),
        ("/mijn-keuze/controleren/", STEP_URLS["safety"]),
        ("/mijn-keuze/samenvatting/", STEP_URLS["safety"]),
        ("/mijn-keuze/code/", "/mijn-keuze/"),
    ],
)
def test_pages_that_need_a_record_send_her_to_the_start_without_one(client, aid, url, start):
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, start)


text = st.text(alphabet=st.characters(codec="utf-8"), max_size=1200)
junk = st.one_of(text, st.sampled_from(["", "0", "6", "-1", "ja", "nee", "medicijnen", "\x00", "9" * 40]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(step=st.sampled_from(sorted(FIELDS)), data=st.data())
def test_generated_bad_input_never_causes_a_500_nor_loses_answers(aid, step, data):
    client = Client()
    walk(client)
    record = Record.objects.latest("pk")
    before = saved_state(record)
    fields = {name: data.draw(junk) for name in data.draw(st.lists(st.sampled_from(FIELDS[step]), unique=True))}
    response = client.post(STEP_URLS[step], {**fields, "action": data.draw(st.sampled_from(["save", "skip", "x"]))})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert saved_state(record) == before
