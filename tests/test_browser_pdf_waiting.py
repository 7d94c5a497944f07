"""In a real browser without JavaScript: with every drawing slot taken, "Download de PDF"
shows "Je PDF wordt gemaakt", and the download then starts by itself."""

import threading

import pytest

from answers import pdf
from tests.browser import PHONE, axe_violations, screenshot

pytestmark = pytest.mark.browser


def test_a_busy_pdf_downloads_by_itself_after_the_waiting_page(live_server, live_aids, browser, settings):
    settings.PDF_DRAWINGS_AT_ONCE = 1
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/mijn-keuze/veiligheid/")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.goto(f"{live_server.url}/mijn-keuze/samenvatting/")

    taken, release = threading.Event(), threading.Event()

    def someone_else_drawing():
        with pdf.drawing_slot():
            taken.set()
            release.wait(10)

    other = threading.Thread(target=someone_else_drawing)
    other.start()
    taken.wait(5)
    try:
        with page.expect_download(timeout=15_000) as download:
            page.get_by_role("link", name="Download de PDF voor je arts").click()
            page.wait_for_selector("h1:has-text('Je PDF wordt gemaakt')")
            screenshot(page, "pdf-waiting-nl")
            release.set()  # the other drawing ends; the page's refresh now gets the PDF
        assert download.value.suggested_filename.endswith("-nl.pdf")
    finally:
        release.set()
        other.join()
    context.close()


def test_the_waiting_page_passes_axe(live_server, live_aids, phone, settings):
    settings.PDF_DRAWINGS_AT_ONCE = 1
    phone.goto(f"{live_server.url}/mijn-keuze/veiligheid/")
    phone.get_by_role("button", name="Opslaan en verder").click()
    with pdf.drawing_slot():
        phone.goto(f"{live_server.url}/mijn-keuze/samenvatting/pdf/")
        assert phone.locator("h1").inner_text() == "Je PDF wordt gemaakt"
        assert axe_violations(phone) == []
