"""Two women of two hospitals walk the path side by side: each reads her own hospital's
name and numbers on every page, on the "bel nu" page, in her summary and her PDF, and
her clinician reads them in his view; never the other hospital's."""

import pytest
from django.test import Client

from hospitals.models import Hospital
from tests import factories
from tests.helpers import PDF_URL, clinician_client, pdf_of, save, share_code_of, text_of, text_of_pdf, walk

NOORD = {"name": "Ziekenhuis Noord", "phone_office_hours": "050 123 45 67", "phone_24h": "050 123 45 00"}
ZUID = {"name": "Ziekenhuis Zuid", "phone_office_hours": "043 765 43 21", "phone_24h": "043 765 43 00"}


@pytest.fixture
def patients(factory_aids):
    factories.hospital("noord", **NOORD)
    factories.hospital("zuid", **ZUID)
    noord, zuid = Client(), Client()
    assert noord.get("/ziekenhuis/noord/")["Location"] == "/"
    assert zuid.get("/ziekenhuis/zuid/")["Location"] == "/"
    return {"noord": (noord, NOORD, ZUID), "zuid": (zuid, ZUID, NOORD)}


def shows_only(text, own, other):
    assert own["name"] in text
    assert own["phone_24h"] in text
    assert own["phone_office_hours"] in text
    assert other["name"] not in text
    assert other["phone_24h"] not in text
    assert other["phone_office_hours"] not in text


@pytest.mark.parametrize("which", ["noord", "zuid"])
def test_each_reads_her_own_hospital_on_every_page_and_the_call_page(patients, which):
    client, own, other = patients[which]
    for url in ["/", "/opties/medicijnen/", "/vergelijken/", "/en/", "/mijn-keuze/veiligheid/"]:
        shows_only(text_of(client.get(url)), own, other)
    response = save(client, "safety", {"veel-bloedverlies": "ja"})
    call_now = client.get(response["Location"])
    shows_only(text_of(call_now), own, other)
    assert f'href="tel:{own["phone_24h"].replace(" ", "")}"' in call_now.content.decode()


def test_each_reads_her_own_hospital_in_her_summary_her_pdf_and_her_clinicians_view(patients):
    for client, own, other in patients.values():
        record = walk(client)
        assert record.hospital.name == own["name"]
        shows_only(text_of(client.get("/mijn-keuze/samenvatting/")), own, other)
        shows_only(text_of_pdf(pdf_of(client, PDF_URL)), own, other)
        shows_only(text_of_pdf(pdf_of(client, "/en" + PDF_URL)), own, other)
    clinician = clinician_client(hospitals=list(Hospital.objects.all()))
    for client, own, other in patients.values():
        response = clinician.post("/zorgverlener/", {"code": share_code_of(client)}, follow=True)
        assert response.status_code == 200
        text = text_of(response)
        shows_only(text, own, other)
        # In the box about her: her hospital, with its numbers.
        assert f"Ziekenhuis {own['name']}" in text
