"""Each step is saved the moment she submits it, can be skipped, and comes back filled in."""

import re

import pytest

from answers.models import Record, RecordAnswers
from tests import factories
from tests.helpers import ANSWERS, STEP_URLS, save, skip, text_of, walk


@pytest.fixture
def aid(db):
    return factories.published_aid()


def test_nothing_is_stored_before_her_first_answer(client, aid):
    for url in ["/mijn-keuze/", STEP_URLS["safety"]]:
        assert client.get(url).status_code == 200
    assert not Record.objects.exists()


def test_every_step_is_saved_as_she_goes(client, aid):
    answers = walk(client).answers
    assert answers.situation == {"veel-bloedverlies": "nee", "rhesus": "ja", "eerdere-miskramen": "twee"}
    assert answers.ratings == {"thuis": 5}
    assert answers.knowledge == {"werkt": "b"}
    assert answers.concerns == ["Ik wil niet alleen zijn."]
    assert answers.questions == ["Mag ik daarna weer werken?", "Wie belt mij na 6 weken?"]
    assert (answers.leaning, answers.sure_score, answers.sure_doubts) == ("medicijnen", 3, ["clear_what_matters"])
    assert Record.objects.get().reached_step == 6


def test_a_step_shows_her_saved_answers_when_she_comes_back(client, aid):
    walk(client)
    html = client.get(STEP_URLS["situation"]).content.decode()
    assert re.search(r'<input[^>]*name="rhesus" value="ja"[^>]*checked', html)
    assert not re.search(r'<input[^>]*name="rhesus" value="nee"[^>]*checked', html)
    assert "Mag ik daarna weer werken?" in client.get(STEP_URLS["questions"]).content.decode()


def test_the_progress_is_shown_outside_the_form(client, aid):
    html = client.get(STEP_URLS["safety"]).content.decode()
    assert html.index("Stap 1 van 7") < html.index("<form")


def test_every_step_can_be_skipped_and_shows_as_not_answered(client, aid):
    for step in ANSWERS:
        assert skip(client, step).status_code == 302
    record = Record.objects.get()
    assert record.reached_step == 6
    assert record.answers.to_json() == RecordAnswers().to_json()
    text = text_of(client.get(STEP_URLS["check"]))
    assert text.count("Niet ingevuld") >= 7


def test_skipping_keeps_what_was_saved_before(client, aid):
    walk(client)
    skip(client, "values")
    assert Record.objects.get().answers.ratings == {"thuis": 5}


def test_a_later_step_cannot_be_opened_first(client, aid):
    response = client.get(STEP_URLS["leaning"])
    assert response.status_code == 302
    assert response["Location"] == STEP_URLS["safety"]
    save(client, "safety")
    response = client.post(STEP_URLS["knowledge"], {"werkt": "a", "action": "save"})
    assert response["Location"] == STEP_URLS["situation"]
    assert Record.objects.get().answers.knowledge == {}


def test_the_check_page_shows_everything_she_entered(client, aid):
    walk(client)
    response = client.get(STEP_URLS["check"])
    text = text_of(response)
    for expected in [
        # Her situation in the short words of the doctor's summary.
        "Rhesus negatief Wijzig",
        "Eerdere miskramen 2 Wijzig",
        "Uitspraak thuis. heel erg belangrijk",
        "Ik wil niet alleen zijn.",
        # Her knowledge answers were each shown right or wrong: here how many were right.
        "Goed beantwoord 0 van de 1 Wijzig",
        "Voorkeur Medicijnen",
        "Vier vragen over je keuze: aantal keer ja 3",
        "Mag ik daarna weer werken?",
        "Wie belt mij na 6 weken?",
    ]:
        assert expected in text
    assert text.count("Wijzig") >= 10


def test_each_change_link_on_the_check_page_goes_to_the_question_itself(client, aid):
    walk(client)
    html = client.get(STEP_URLS["check"]).content.decode()
    links = re.findall(r'<a href="([^"#]+)#([^"]+)">Wijzig', html)
    assert len(links) == 10
    for page, anchor in links:
        assert f'id="{anchor}"' in client.get(page).content.decode(), (page, anchor)


def test_pages_with_her_answers_are_never_stored_by_a_cache(client, aid):
    walk(client)
    for url in list(STEP_URLS.values()) + ["/mijn-keuze/wat-vind-ik-belangrijk/wat-past/"]:
        assert "no-store" in client.get(url)["Cache-Control"]


@pytest.mark.parametrize(
    ("leaning", "acknowledged"), [("medicijnen", "Je neigt nu naar Medicijnen."), ("nog-niet-zeker", None)]
)
def test_the_doubt_page_names_the_option_she_leans_to(client, aid, leaning, acknowledged):
    walk(client, ["safety", "situation", "values", "knowledge"])
    response = save(client, "leaning", {**ANSWERS["leaning"], "leaning": leaning})
    text = text_of(client.get(response["Location"]))
    assert "Twijfel je nog? Dat is heel gewoon." in text
    assert ("Je neigt nu naar" in text) is (acknowledged is not None)
    if acknowledged:
        assert acknowledged in text


def test_a_low_sure_score_shows_a_kind_message(client, aid):
    walk(client, ["safety", "situation", "values", "knowledge"])
    response = save(client, "leaning")
    assert response["Location"] == "/mijn-keuze/voorkeur/twijfel/"
    assert "Twijfel je nog? Dat is heel gewoon." in text_of(client.get(response["Location"]))


def test_a_full_sure_score_goes_straight_on(client, aid):
    walk(client, ["safety", "situation", "values", "knowledge"])
    data = {**ANSWERS["leaning"], "sure_clear_what_matters": "ja"}
    assert save(client, "leaning", data)["Location"] == STEP_URLS["questions"]


def test_the_values_overview_shows_per_option_what_fits_with_reasons_and_leaves_the_choice_to_her(client, aid):
    walk(client, ["safety", "situation", "values"])
    text = text_of(client.get("/mijn-keuze/wat-vind-ik-belangrijk/wat-past/"))
    assert text.count("Past bij Uitspraak thuis. Omdat.") == 3
    # Each line's source, folded: once per option.
    assert text.count("Uitspraak thuis. – Folder") == 3
    assert "De keuze is aan jou." in text
    assert "Ik wil niet alleen zijn." in text


def test_the_knowledge_answers_are_explained_with_their_source(client, aid):
    walk(client, ["safety", "situation", "values", "knowledge"])
    text = text_of(client.get("/mijn-keuze/kennis/antwoorden/"))
    assert "Niet helemaal. Jouw antwoord: 50 van de 100. Het juiste antwoord: 85 van de 100 Bij 85 van de 100." in text
    assert "Bronnen van deze uitleg Hoe vaak werkt het? – Folder" in text


def test_without_an_important_statement_the_overview_says_so_and_still_shows_her_own_concerns(client, aid):
    walk(client, ["safety", "situation"])
    save(client, "values", {"thuis": "2", "concern_1": "Ik wil niet alleen zijn."})
    text = text_of(client.get("/mijn-keuze/wat-vind-ik-belangrijk/wat-past/"))
    assert "Je vond geen van de uitspraken erg belangrijk." in text
    assert "Past bij" not in text
    assert "Ik wil niet alleen zijn." in text
