"""A burst of PDFs cannot take the pages down: only PDF_DRAWINGS_AT_ONCE are drawn at a
time per machine; one more gets a 503 with Retry-After at once, while her pages work. A
slot is freed after every drawing, a failed one too."""

import pytest

from answers import pdf
from tests.test_summary_pdf import PDF_URL, walk_shipped


@pytest.fixture
def walked(client, shipped_aids):
    walk_shipped(client)
    return client


@pytest.fixture
def one_slot(settings):
    settings.PDF_DRAWINGS_AT_ONCE = 1


def test_with_every_slot_taken_a_pdf_waits_and_pages_work(walked, one_slot):
    with pdf.drawing_slot():
        response = walked.get(PDF_URL)
        assert response.status_code == 503
        assert response["Retry-After"] == "5"
        assert "Probeer het over een paar seconden opnieuw" in response.content.decode()
        assert walked.get("/mijn-keuze/samenvatting/").status_code == 200
    assert walked.get(PDF_URL).status_code == 200


def test_a_failed_drawing_frees_its_slot(walked, one_slot, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    with monkeypatch.context() as patch:
        patch.setattr(pdf.HTML, "write_pdf", broken)
        assert walked.get(PDF_URL).status_code == 503
    assert walked.get(PDF_URL).status_code == 200


def test_two_slots_allow_two_drawings_at_once(settings):
    settings.PDF_DRAWINGS_AT_ONCE = 2
    with pdf.drawing_slot(), pdf.drawing_slot(), pytest.raises(pdf.Busy), pdf.drawing_slot():
        pass
