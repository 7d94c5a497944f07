"""A summary that has not changed since it was drawn (same answers, language, content
version and date) is served without drawing it again; any change draws it anew, and
her deletion removes what was kept."""

import pytest

from answers import pdf
from tests.helpers import PDF_URL, walk


@pytest.fixture
def drawings(monkeypatch):
    count = []
    draw = pdf.render_pdf

    def counted(html):
        count.append(html)
        return draw(html)

    monkeypatch.setattr(pdf, "render_pdf", counted)
    return count


@pytest.fixture
def walked(client, factory_aids):
    walk(client)
    return client


def test_the_same_summary_is_drawn_once(walked, drawings):
    first = walked.get(PDF_URL).content
    assert walked.get(PDF_URL).content == first
    assert len(drawings) == 1


def test_a_changed_answer_draws_it_anew(walked, drawings):
    walked.get(PDF_URL)
    walked.post("/mijn-keuze/vragen/", {"question_1": "Een nieuwe vraag.", "action": "save"})
    walked.get(PDF_URL)
    assert len(drawings) == 2
    assert "Een nieuwe vraag." in drawings[1]


def test_each_language_has_its_own(walked, drawings):
    dutch, english = walked.get(PDF_URL), walked.get("/en" + PDF_URL)
    assert len(drawings) == 2
    assert dutch["Content-Disposition"].endswith('-nl.pdf"')
    assert english["Content-Disposition"].endswith('-en.pdf"')


def test_deleting_her_answers_removes_the_kept_pdfs(walked, drawings):
    walked.get(PDF_URL)
    record_pk = walked.session["answers_record"]
    assert pdf.cache.get(pdf.kept_key(record_pk, "nl")) is not None
    walked.post("/mijn-keuze/wissen/")
    assert pdf.cache.get(pdf.kept_key(record_pk, "nl")) is None
