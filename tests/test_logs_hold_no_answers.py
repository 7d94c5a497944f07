"""No answer, free text or code ever appears in a log line: her whole path, with marker
values, including bad input, wrong codes, a refused form and a failing PDF, with every
logger at DEBUG and the console captured."""

import logging

import pytest
from django.test import Client

from answers import pdf
from tests.helpers import ANSWERS, PDF_URL, walk

MARKER = "ZZMARKER"


def marked_walk():
    """Her answers, with a marker in every free text."""
    walk = {step: dict(data) for step, data in ANSWERS.items()}
    walk["values"]["concern_1"] = f"{MARKER}-zorg"
    walk["questions"] = {"question_1": f"{MARKER}-vraag", "question_2": f"{MARKER}-tweede"}
    return walk


@pytest.fixture
def everything_logged(caplog, capfd):
    with caplog.at_level(logging.DEBUG):
        yield lambda: caplog.text + "".join(capfd.readouterr())


def test_no_answer_or_code_reaches_a_log(factory_aids, everything_logged, monkeypatch, settings):
    settings.RESUME_ATTEMPTS_PER_HOUR = 2
    client = Client()
    walk(client, marked_walk())
    client.get("/mijn-keuze/samenvatting/")
    assert client.get(PDF_URL).status_code == 200
    resume_code = client.post("/mijn-keuze/code/").context["code"]
    share_code = client.post("/mijn-keuze/delen/", {"action": "create"}).context["share"]["code"]

    # Bad input, and guesses of a code with a marker in them.
    too_long = client.post("/mijn-keuze/vragen/", {"question_1": MARKER * 200, "action": "save"})
    assert too_long.status_code == 400
    for _ in range(3):
        Client().post("/mijn-keuze/verder/", {"code": f"{MARKER}-AAAA"})
    refused = Client(enforce_csrf_checks=True).post("/mijn-keuze/vragen/", {"question_1": f"{MARKER}-csrf"})
    assert refused.status_code == 403

    # A failing PDF, whose error message quotes her text.
    def broken(*args, **kwargs):
        raise RuntimeError(f"{MARKER}-in-an-error")

    monkeypatch.setattr(pdf.HTML, "write_pdf", broken)
    pdf.forget(client.session["answers_record"])  # drawn anew, not served as drawn before
    assert client.get(PDF_URL).status_code == 503

    logged = everything_logged()
    assert "answers.pdf" in logged or "could not be drawn" in logged  # the capture works
    for secret in [MARKER, resume_code, resume_code.replace("-", ""), share_code, share_code.replace("-", "")]:
        assert secret not in logged
