"""Her summary as a PDF: what the clinician needs at a glance, in at most 4 pages,
accessible, in Dutch for the doctor, and drawn without fetching anything."""

import io
import logging
import socket
import subprocess
import threading

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from pypdf import PdfReader

from answers import pdf
from tests.browser import ARTEFACTS
from tests.helpers import PDF_URL, STEP_URLS, kept_pdf, pdf_of, text_of_pdf, walk_shipped


@pytest.fixture
def walked(client, shipped_aids):
    client.get("/ziekenhuis/voorbeeld/")  # the shipped example hospital: its numbers on the PDF
    walk_shipped(client)
    return client


def test_the_pdf_holds_what_the_clinician_needs_in_at_most_4_pages(walked, shipped_aids):
    response = walked.get(PDF_URL)
    today = timezone.localdate()
    assert kept_pdf(response, "keuzehulp-miskraam", "summary-nl.pdf") <= 4
    text = text_of_pdf(response.content)
    aid = shipped_aids["nl"]
    translation.activate("nl")
    flags = {f.key: f.title for f in aid.flags.all()}
    for expected in [
        "Voorkeur Medicijnen",
        "SURE-score 3/4",
        "mogelijk keuzeconflict",
        flags["anti-d"],
        flags["herhaalde-miskraam"],
        "heel erg belangrijk",
        "Ik ben bang voor veel bloed.",
        "Mag ik daarna weer sporten?",
        "Wie belt mij na 6 weken?",
        "Rhesus negatief",
        "85 van de 100",
        "012 345 67 89",
        "012 345 67 00",
        f"Inhoud versie {aid.version}",
        f"Samenvatting gemaakt op {date_format(today, 'j F Y')}",
    ]:
        assert expected in text, expected
    # A skipped question is "niet ingevuld", never a made-up answer.
    assert "niet ingevuld" in text
    # Page 1 as a picture, to look at.
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            ARTEFACTS / "summary-nl.pdf",
            ARTEFACTS / "summary-nl-page1",
        ],
        check=True,
    )
    assert (ARTEFACTS / "summary-nl-page1.png").stat().st_size > 10_000


def test_a_wrongly_answered_knowledge_question_is_named_for_the_clinician(walked, shipped_aids):
    question = shipped_aids["nl"].knowledge_questions.get(key="afwachten-veilig")
    assert question.question in text_of_pdf(pdf_of(walked))


def test_the_pdf_declares_language_and_title_and_is_tagged(walked):
    reader = PdfReader(io.BytesIO(pdf_of(walked)))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl"
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert reader.metadata.title.startswith("Samenvatting keuzehulp miskraam")
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]


def test_an_english_session_gets_a_dutch_pdf_for_the_doctor_and_an_english_one_for_her(client, shipped_aids):
    walk_shipped(client, prefix="/en")
    page = client.get("/en/mijn-keuze/samenvatting/").content.decode()
    assert 'href="/mijn-keuze/samenvatting/pdf/" hreflang="nl"' in page
    assert 'href="/en/mijn-keuze/samenvatting/pdf/"' in page
    dutch = text_of_pdf(pdf_of(client, PDF_URL))
    english = text_of_pdf(pdf_of(client, "/en" + PDF_URL))
    assert "Samenvatting voor het gesprek met je arts" in dutch
    assert "Voorkeur Medicijnen" in dutch
    assert "Summary for the conversation with your doctor" in english
    assert PdfReader(io.BytesIO(pdf_of(client, "/en" + PDF_URL))).trailer["/Root"]["/Lang"] == "en"


@pytest.fixture
def loopback_listener():
    """A server on a loopback port that counts every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    hits = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            hits.append(connection)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join()
    server.close()


def test_free_text_with_markup_and_urls_fetches_nothing_and_shows_as_text(client, shipped_aids, loopback_listener):
    port, hits = loopback_listener
    attacks = [
        f'<img src="http://127.0.0.1:{port}/img">',
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/css">',
        '<link href="file:///etc/passwd">',
        f"<style>body {{ background: url(http://127.0.0.1:{port}/bg) }}</style>",
        f'<div style="background-image: url(http://127.0.0.1:{port}/inline)">x</div>',
    ]
    walk_shipped(
        client,
        {
            "safety": {},
            "situation": {},
            "values": {f"concern_{n}": attacks[n - 1] for n in (1, 2, 3)},
            "knowledge": {},
            "leaning": {},
            "questions": {"question_1": attacks[3], "question_2": attacks[4]},
        },
    )
    text = text_of_pdf(pdf_of(client))
    assert hits == []
    assert f"http://127.0.0.1:{port}/img" in text
    assert "file:///etc/passwd" in text
    assert "<style>" in text


def test_a_rendering_failure_gives_a_clear_page_and_a_log_line_without_her_answers(walked, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("Mag ik daarna weer sporten?")

    monkeypatch.setattr(pdf.HTML, "write_pdf", broken)
    with caplog.at_level(logging.ERROR):
        response = walked.get(PDF_URL)
    assert response.status_code == 503
    assert "De PDF lukt even niet" in response.content.decode()
    assert "Je antwoorden zijn bewaard" in response.content.decode()
    assert [r.getMessage() for r in caplog.records if r.name == "answers.pdf"] == [
        "The summary PDF could not be drawn (RuntimeError)."
    ]
    assert "sporten" not in caplog.text
    assert walked.get("/mijn-keuze/controleren/").status_code == 200


def test_the_summary_page_is_the_same_document(walked):
    page = walked.get("/mijn-keuze/samenvatting/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "In het kort, voor de arts" in html
    assert "Mag ik daarna weer sporten?" in html


def test_without_answers_there_is_no_pdf(client, shipped_aids):
    assert client.get(PDF_URL)["Location"] == STEP_URLS["safety"]
