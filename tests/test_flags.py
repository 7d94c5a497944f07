"""Her answers raise the content's flags and tailor what she sees."""

import pytest

from tests import factories
from tests.path import save, walk
from tests.test_pages import text_of


@pytest.fixture
def aid(db):
    return factories.published_aid()


def test_a_yes_in_the_safety_check_shows_the_call_page_with_the_hospitals_numbers(client, aid):
    response = save(client, "safety", {"veel-bloedverlies": "ja"})
    assert response["Location"] == "/mijn-keuze/bel-nu/"
    text = text_of(client.get(response["Location"]))
    assert "Bel nu het ziekenhuis" in text
    assert "Tijdens kantooruren: 012 345 67 89" in text
    assert "Buiten kantooruren: 012 345 67 00" in text
    assert "Verder met de keuzehulp" in text


def test_she_can_continue_after_the_call_page(client, aid):
    save(client, "safety", {"veel-bloedverlies": "ja"})
    assert client.get("/mijn-keuze/situatie/").status_code == 200


def test_rhesus_negative_shows_the_anti_d_information(client, aid):
    walk(client, ["safety"])
    response = save(client, "situation", {"rhesus": "ja"})
    text = text_of(client.get(response["Location"]))
    assert "Anti-D Bespreek anti-D. Bron: Folder" in text
    assert "Herhaalde miskraam" not in text


def test_two_earlier_miscarriages_show_the_recurrence_information(client, aid):
    walk(client, ["safety"])
    response = save(client, "situation", {"eerdere-miskramen": "twee"})
    text = text_of(client.get(response["Location"]))
    assert "Herhaalde miskraam Na 2 miskramen is de kans op nog een miskraam ongeveer 25 van de 100." in text
    assert "Anti-D" not in text


def test_no_flag_without_an_answer_that_raises_one(client, aid):
    walk(client, ["safety"])
    response = save(client, "situation", {"rhesus": "nee", "eerdere-miskramen": "geen"})
    assert 'id="flags-heading"' not in client.get(response["Location"]).content.decode()


def test_the_flags_are_on_the_check_page_too(client, aid):
    walk(client)
    text = text_of(client.get("/mijn-keuze/controleren/"))
    assert "Anti-D" in text and "Herhaalde miskraam" in text
