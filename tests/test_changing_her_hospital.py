"""She can change her hospital from the list at any time: her record keeps the new one,
and her summary and PDF show its numbers (a PDF drawn before is not served again)."""

from answers.models import Record
from tests import factories
from tests.helpers import PDF_URL, pdf_of, text_of, text_of_pdf, walk


def test_she_changes_her_hospital_and_her_record_summary_and_pdf_follow(client, factory_aids):
    noord = factories.hospital("noord", name="Ziekenhuis Noord", phone_24h="050 123 45 00")
    zuid = factories.hospital("zuid", name="Ziekenhuis Zuid", phone_24h="043 765 43 00")
    assert client.post("/ziekenhuis/", {"hospital": "noord"})["Location"] == "/"
    record = walk(client)
    assert record.hospital == noord
    assert "050 123 45 00" in text_of_pdf(pdf_of(client, PDF_URL))

    start = text_of(client.get("/"))
    assert "Je ziekenhuis: Ziekenhuis Noord . Ander ziekenhuis kiezen" in start
    assert client.post("/ziekenhuis/", {"hospital": "zuid"})["Location"] == "/"
    assert Record.objects.get(pk=record.pk).hospital == zuid
    assert "Je ziekenhuis: Ziekenhuis Zuid" in text_of(client.get("/"))
    pdf = text_of_pdf(pdf_of(client, PDF_URL))
    assert "043 765 43 00" in pdf
    assert "050 123 45 00" not in pdf

    # And back to none: the neutral text, on her record too.
    client.post("/ziekenhuis/", {"hospital": "staat-er-niet-bij"})
    assert Record.objects.get(pk=record.pk).hospital is None
    assert "Het nummer staat op je afsprakenkaart." in text_of(client.get("/mijn-keuze/samenvatting/"))


def test_the_change_page_lists_the_live_hospitals_and_says_which_is_hers(client, factory_aids):
    factories.hospital("noord", name="Ziekenhuis Noord")
    client.get("/ziekenhuis/noord/")
    text = text_of(client.get("/ziekenhuis/"))
    assert "Nu gekozen: Ziekenhuis Noord" in text
    assert "Van welk ziekenhuis kreeg je deze keuzehulp?" in text
