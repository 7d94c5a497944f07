"""Without a hospital (never chosen, or hers is not in the list) she reads the neutral
text on every page, the "bel nu" page, her summary and her PDF: call your own hospital
or GP, the number is on your appointment card, 112 in danger. Never a made-up number."""

import re

import pytest
from django.test import Client

from tests import factories
from tests.helpers import PDF_URL, pdf_of, save, text_of, text_of_pdf, walk

NEUTRAL = "Bel je eigen ziekenhuis of je huisarts. Het nummer staat op je afsprakenkaart."
NEUTRAL_EN = "Call your own hospital or your GP. The number is on your appointment card."
# A phone number: 10 digits, however they are spaced (112 is not one).
PHONE_NUMBER = re.compile(r"(?:\+31|0)(?:[\s\-]?\d){9}")


def no_number_to_dial(text):
    assert "012 345" not in text
    assert not PHONE_NUMBER.search(text), PHONE_NUMBER.search(text)


@pytest.fixture
def not_listed(factory_aids):
    """A woman who said her hospital is not in the list (there is one live hospital)."""
    factories.hospital("noord")
    client = Client()
    assert client.post("/ziekenhuis/", {"hospital": "staat-er-niet-bij"})["Location"] == "/"
    return client


@pytest.mark.parametrize("how", ["never asked", "not in the list"])
def test_without_a_hospital_every_page_reads_the_neutral_text(factory_aids, not_listed, how):
    client = Client() if how == "never asked" else not_listed
    for url in ["/", "/opties/medicijnen/", "/vergelijken/", "/mijn-keuze/"]:
        page = client.get(url)
        text = text_of(page)
        assert NEUTRAL in text, url
        assert "Levensgevaar? Bel 112." in text
        assert "tel:" not in page.content.decode()
        no_number_to_dial(text)
    assert NEUTRAL_EN in text_of(client.get("/en/"))
    response = save(client, "safety", {"veel-bloedverlies": "ja"})
    call_now = text_of(client.get(response["Location"]))
    assert NEUTRAL in call_now
    no_number_to_dial(call_now)


def test_without_a_hospital_her_summary_and_pdf_read_the_neutral_text(not_listed):
    record = walk(not_listed)
    assert record.hospital is None
    summary = text_of(not_listed.get("/mijn-keuze/samenvatting/"))
    assert NEUTRAL in summary
    assert "Ziekenhuis niet gekozen" in summary
    no_number_to_dial(summary)
    pdf = text_of_pdf(pdf_of(not_listed, PDF_URL))
    assert "Het nummer staat op je afsprakenkaart." in pdf
    no_number_to_dial(pdf)


def test_having_said_not_listed_she_is_not_asked_again_but_can_choose(not_listed):
    text = text_of(not_listed.get("/"))
    assert "Je hebt geen ziekenhuis gekozen. Toch je ziekenhuis kiezen" in text
    assert "Van welk ziekenhuis kreeg je deze keuzehulp?" not in text
