"""A burst of PDFs cannot take the pages down, and never refuses her: only
PDF_DRAWINGS_AT_ONCE are drawn at a time per machine; one more waits on a page that asks
again by itself (a Refresh header: no JavaScript needed) and then downloads. A slot belongs to the drawing
that took it: a failed drawing frees it, a killed worker's slot is freed by the kernel."""

import datetime
import signal
import subprocess
import sys

import pytest
import time_machine

from answers import pdf
from tests.helpers import PDF_URL, walk


@pytest.fixture
def walked(client, factory_aids):
    walk(client)
    return client


@pytest.fixture
def one_slot(settings):
    settings.PDF_DRAWINGS_AT_ONCE = 1


def test_with_every_slot_taken_she_waits_on_a_page_that_asks_again_and_then_downloads(walked, one_slot):
    with pdf.drawing_slot():
        response = walked.get(PDF_URL)
        assert response.status_code == 202
        assert response["Retry-After"] == response["Refresh"] == "2"
        assert "Je PDF wordt gemaakt" in response.content.decode()
        assert walked.get("/mijn-keuze/samenvatting/").status_code == 200
    again = walked.get(PDF_URL)  # what the refresh asks
    assert again.status_code == 200
    assert again["Content-Type"] == "application/pdf"


def test_the_waiting_page_speaks_her_language(walked, one_slot):
    with pdf.drawing_slot():
        response = walked.get("/en" + PDF_URL)
    assert response.status_code == 202
    assert "Your PDF is being made" in response.content.decode()


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


def test_only_the_holder_frees_a_slot_however_long_it_draws(one_slot):
    """No expiry: a slow drawing keeps its slot, so that no one else's can be freed by
    its end."""
    an_hour_later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
    with pdf.drawing_slot(), time_machine.travel(an_hour_later), pytest.raises(pdf.Busy), pdf.drawing_slot():
        pass
    with pdf.drawing_slot():
        pass


def test_a_killed_workers_slot_is_free_at_once(one_slot, settings):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import django, os, sys, time;"
            "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'keuzehulp.settings');"
            "django.setup();"
            "from django.conf import settings; settings.PDF_DRAWINGS_AT_ONCE = 1;"
            "from answers import pdf\n"
            "with pdf.drawing_slot():\n"
            "    print('taken', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=settings.BASE_DIR,
    )
    try:
        assert holder.stdout.readline().strip() == "taken"
        with pytest.raises(pdf.Busy), pdf.drawing_slot():
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        with pdf.drawing_slot():  # no waiting for an expiry
            pass
    finally:
        holder.kill()
