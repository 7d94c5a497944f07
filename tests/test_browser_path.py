"""Her whole path in a real browser on a phone, in Dutch and English, with and without
JavaScript: answered, checked, left, and resumed by cookie and by code."""

import pytest
from playwright.sync_api import expect

from tests.browser import PHONE, axe_violations, screenshot, scrolls_sideways, watch_csp
from tests.helpers import clinician

pytestmark = pytest.mark.browser

SAVE = {"nl": "Opslaan en verder", "en": "Save and continue"}
CONTINUE = {"nl": "Verder", "en": "Continue"}


def check_page(page, name, js=True):
    screenshot(page, name)
    assert not scrolls_sideways(page), name
    if js:  # axe-core is a script: it runs only where scripts do (the pages are the same)
        assert axe_violations(page) == [], name


def answer_step(page, texts):
    """Choose the first answer of every question that is not a safety alarm, and type a
    text in every text box; return the labels chosen."""
    chosen = []
    for fieldset in page.locator("main form fieldset").all():
        radios = fieldset.locator("input[type=radio]")
        # In the safety check "nee" keeps her on the path; elsewhere take the first answer.
        radio = fieldset.locator("input[value=nee]") if fieldset.locator("input[value=nee]").count() else radios.first
        radio.check()
        label = page.locator(f"label[for='{radio.get_attribute('id')}']")
        # On a scale the label shows a number; what it means is what her answers show.
        meaning = label.locator(".rating-meaning")
        chosen.append(meaning.inner_text().strip(" ,") if meaning.count() else label.inner_text().strip())
    own_points = page.locator("main form details.own-concerns:not([open]) > summary")
    if own_points.count():
        own_points.click()  # her own points, folded away
    for index, box in enumerate(page.locator("main form textarea").all()):
        if index < len(texts):
            box.fill(texts[index])
    return chosen


def walk_path(page, base, language, js):
    prefix = "" if language == "nl" else "/en"
    page.goto(f"{base}{prefix}/mijn-keuze/")
    check_page(page, f"path-intro-{language}-{js}", js == "js")
    page.locator("main a.btn-primary").click()
    entered = {"chosen": [], "texts": []}
    for number in range(1, 7):
        progress = page.locator(".step-progress").inner_text().split()
        assert (progress[1], progress[-1]) == (str(number), "7")
        check_page(page, f"path-step{number}-{language}-{js}", js == "js")
        texts = [f"Mijn tekst {number}-{n}" for n in range(2)]
        chosen = answer_step(page, texts)
        # Her situation is listed in the summary's short words (test_safety_matrix pins
        # them), her knowledge answers and her four SURE answers as counts (step 5: only
        # her leaning by name).
        if number in (3, 6):
            entered["chosen"] += chosen
        elif number == 5:
            entered["chosen"] += chosen[:1]
        entered["texts"] += texts if page.locator("main form textarea").count() else []
        page.get_by_role("button", name=SAVE[language]).click()
        # Result pages after a step: read, then go on.
        while page.locator("main a.btn-primary").count() and "/controleren/" not in page.url:
            check_page(
                page, f"path-after{number}-{page.url.rstrip('/').rsplit('/', 1)[-1]}-{language}-{js}", js == "js"
            )
            page.locator("main a.btn-primary").first.click()
    assert page.url.endswith("/mijn-keuze/controleren/")
    check_page(page, f"path-check-{language}-{js}", js == "js")
    return entered


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("js", ["js", "nojs"])
def test_the_whole_path_on_a_phone(live_server, live_aids, browser, language, js):
    context = browser.new_context(viewport=PHONE, java_script_enabled=js == "js")
    page = context.new_page()
    refused = watch_csp(page)
    entered = walk_path(page, live_server.url, language, js)
    check = page.locator("main").inner_text()
    for text in entered["texts"]:
        assert text in check
    for label in entered["chosen"]:
        assert label in check
    # The walk ends with her summary and the PDF for the doctor.
    page.locator("main a.btn-primary").first.click()
    check_page(page, f"path-summary-{language}-{js}", js == "js")
    with page.expect_download() as download:
        page.locator(".summary-downloads a").first.click()
    assert download.value.suggested_filename.startswith("keuzehulp-miskraam-")
    with open(download.value.path(), "rb") as document:
        assert document.read(5) == b"%PDF-"
    assert refused == []
    context.close()


def test_an_error_is_shown_at_the_top_and_at_the_field_and_passes_axe(live_server, live_aids, phone):
    phone.goto(f"{live_server.url}/mijn-keuze/veiligheid/")
    phone.get_by_role("button", name="Sla deze stap over").click()
    phone.goto(f"{live_server.url}/mijn-keuze/situatie/")
    phone.get_by_role("button", name="Sla deze stap over").click()
    phone.goto(f"{live_server.url}/mijn-keuze/vragen/")
    assert phone.url.endswith("/mijn-keuze/wat-vind-ik-belangrijk/")
    phone.locator("main details summary").click()  # her own points, folded away
    phone.locator("textarea").first.fill("x" * 1001)
    phone.get_by_role("button", name="Opslaan en verder").click()
    summary = phone.locator(".error-summary")
    assert "Je tekst is te lang" in summary.inner_text()
    summary.locator("a").first.click()
    assert phone.evaluate("document.activeElement.tagName") == "TEXTAREA"
    assert phone.locator(".invalid-feedback, .is-invalid").count() >= 1
    check_page(phone, "path-error-nl")


def test_she_comes_back_by_cookie_and_by_code(live_server, live_aids, browser, tmp_path):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/mijn-keuze/veiligheid/")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.goto(f"{live_server.url}/mijn-keuze/code/")
    page.get_by_role("button", name="Maak een code").click()
    code = page.locator(".resume-code").inner_text()
    screenshot(page, "path-resume-code-nl")
    context.storage_state(path=tmp_path / "state.json")
    context.close()

    # The same browser, closed and opened again: the cookie brings her back.
    again = browser.new_context(viewport=PHONE, storage_state=tmp_path / "state.json")
    page = again.new_page()
    page.goto(f"{live_server.url}/mijn-keuze/situatie/")
    assert page.url.endswith("/mijn-keuze/situatie/")
    again.close()

    # Another device: only the code.
    other = browser.new_context(viewport=PHONE)
    page = other.new_page()
    page.goto(f"{live_server.url}/mijn-keuze/situatie/")
    assert page.url.endswith("/mijn-keuze/veiligheid/")
    page.goto(f"{live_server.url}/mijn-keuze/verder/")
    page.get_by_label("Jouw code").fill("ZZZZ-ZZZZ-ZZZZ")
    page.get_by_role("button", name="Verder").click()
    assert "Deze code kennen we niet" in page.locator(".error-summary").inner_text()
    check_page(page, "path-resume-wrong-nl")
    page.get_by_label("Jouw code").fill(code)
    page.get_by_role("button", name="Verder").click()
    assert page.url.endswith("/mijn-keuze/situatie/")
    other.close()


def test_she_shares_her_summary_and_a_clinician_opens_it(live_server, live_aids, browser):
    hospital = clinician("arts").hospital_memberships.get().hospital
    requested = []  # every URL either browser asks for: a code must never be in one
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/ziekenhuis/{hospital.slug}/")  # her clinician's hospital
    page.goto(f"{live_server.url}/mijn-keuze/veiligheid/")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.goto(f"{live_server.url}/mijn-keuze/delen/")
    page.get_by_role("button", name="Maak een deelcode").click()
    code = page.locator(".share-code .code").inner_text()
    assert page.locator(".share-qr svg").count() == 1
    check_page(page, "share-code-nl")
    context.close()

    desk = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = desk.new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/zorgverlener/")
    page.get_by_label("Gebruikersnaam").fill("arts")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Deelcode van de patiënt").fill(code)
    page.get_by_role("button", name="Open de samenvatting").click()
    assert page.url.endswith("/zorgverlener/samenvatting/")
    note = page.locator("#record-note").input_value()
    assert "Voorkeur: niet ingevuld" in note
    page.get_by_role("button", name="Kopieer de notitie").click()
    expect(page.locator("#copy-status")).to_have_text("Gekopieerd.")  # the clipboard answers a moment later
    assert page.evaluate("navigator.clipboard.readText()") == note
    check_page(page, "clinician-summary-nl")
    desk.close()
    assert len(requested) > 8
    assert not [url for url in requested if code in url or code.replace("-", "") in url]


@pytest.mark.parametrize("js", ["js", "no-js"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_safety_answer_changed_on_return_sends_her_to_call_now_and_back(
    live_server, live_aids, browser, language, js
):
    """The case that once failed: all "nee" at first, later heavy bleeding, later all "nee"
    again."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=js == "js")
    page = context.new_page()
    prefix = "" if language == "nl" else "/en"
    safety = f"{live_server.url}{prefix}/mijn-keuze/veiligheid/"
    save = page.get_by_role("button", name=SAVE[language])

    page.goto(safety)
    for radio in page.locator("main form input[value=nee]").all():
        radio.check()
    save.click()
    assert page.url.endswith("/mijn-keuze/situatie/")

    page.goto(safety)  # she comes back: now she bleeds heavily
    page.locator("input[name=veel-bloedverlies][value=ja]").check()
    save.click()
    assert page.url.endswith("/mijn-keuze/bel-nu/")
    assert page.locator("h1").inner_text() == {"nl": "Bel nu het ziekenhuis", "en": "Call the hospital now"}[language]
    check_page(page, f"call-now-on-return-{language}-{js}", js == "js")

    page.goto(safety)  # and later it is over
    page.locator("input[name=veel-bloedverlies][value=nee]").check()
    save.click()
    assert page.url.endswith("/mijn-keuze/situatie/")
    context.close()
