"""The clinician's way in a real browser, on a phone (390 px) and a desk computer (1280 px):
log in (first wrong), open her summary with the code she gave (first mistyped, then one
she revoked), read it, log out. Every page, with and without an error shown: no WCAG 2.1
A/AA violation found by axe-core, nothing refused by the Content-Security-Policy, no
sideways scrolling, no patient menu; one message for one mistake."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.browser import axe_violations, screenshot, scrolls_sideways, watch_csp
from tests.helpers import CLINICIAN_PASSWORD, arrive, clinician, share_code_of, walk_shipped

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "desk": {"width": 1280, "height": 900}}


def check_page(page, name):
    screenshot(page, name)
    assert page.locator("h1").count() == 1, name
    assert not scrolls_sideways(page), name
    assert page.locator("nav.site-nav a[href='/vergelijken/']").count() == 0, name
    assert page.locator(".call-now").count() == 0, name
    assert axe_violations(page) == [], name


def address(page):
    """The page's address without its #fragment: the browser keeps the one of an error
    summary's link across the form's posts and redirects."""
    return page.url.split("#")[0]


def error_messages(page):
    return page.locator("#error-summary-list li").all_inner_texts()


@pytest.mark.parametrize("size", SIZES)
def test_a_clinician_logs_in_opens_her_summary_and_logs_out(live_server, live_aids, browser, size):
    patient = arrive(Client())
    walk_shipped(patient)
    revoked = share_code_of(patient)
    patient.post("/mijn-keuze/delen/", {"action": "revoke"})
    code = share_code_of(patient)
    clinician("dr.jansen")

    context = browser.new_context(viewport=SIZES[size], device_scale_factor=1)
    page = context.new_page()
    refused = watch_csp(page)

    page.goto(f"{live_server.url}/zorgverlener/")
    assert page.url.startswith(f"{live_server.url}/zorgverlener/inloggen/")
    check_page(page, f"clinician-login-{size}")

    page.get_by_label("Gebruikersnaam").fill("dr.jansen")
    page.get_by_role("button", name="Inloggen").click()
    assert error_messages(page) == ["Vul uw wachtwoord in."]
    expect(page.get_by_label("Wachtwoord")).to_have_attribute("aria-invalid", "true")
    check_page(page, f"clinician-login-error-{size}")
    page.locator("#error-summary-list a").click()
    expect(page.get_by_label("Wachtwoord")).to_be_focused()

    page.get_by_label("Wachtwoord").fill("verkeerd-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    assert error_messages(page) == ["De gebruikersnaam of het wachtwoord is onjuist."]
    assert page.locator(".invalid-feedback, .alert-danger").count() == 0
    expect(page.get_by_label("Gebruikersnaam")).to_have_value("dr.jansen")
    expect(page.get_by_label("Wachtwoord")).to_have_value("")
    check_page(page, f"clinician-login-wrong-{size}")

    page.get_by_label("Wachtwoord").fill(CLINICIAN_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    assert address(page) == f"{live_server.url}/zorgverlener/"
    expect(page.locator("nav.site-nav")).to_contain_text("Ingelogd als dr.jansen")
    check_page(page, f"clinician-open-{size}")

    code_field = page.get_by_label("Deelcode van de patiënt")
    code_field.fill(code[:-1])
    page.get_by_role("button", name="Open de samenvatting").click()
    assert error_messages(page) == [
        "Deelcode van de patiënt: Een deelcode heeft 12 tekens, bijvoorbeeld ABCD-EFGH-JKMN."
    ]
    expect(code_field).to_have_value(code[:-1])
    check_page(page, f"clinician-open-format-{size}")

    code_field.fill(revoked)
    page.get_by_role("button", name="Open de samenvatting").click()
    assert error_messages(page) == [
        "Deelcode van de patiënt: Deze code is verlopen, ingetrokken of gewist. "
        "Vraag de patiënt zo nodig om een nieuwe code."
    ]
    check_page(page, f"clinician-open-gone-{size}")

    code_field.fill(code.lower())
    page.get_by_role("button", name="Open de samenvatting").click()
    assert address(page) == f"{live_server.url}/zorgverlener/samenvatting/"
    expect(page.locator("h1")).to_have_text("Samenvatting keuzehulp miskraam – voor de zorgverlener")
    expect(page.locator("main")).to_contain_text("Antwoorden laatst gewijzigd op")
    expect(page.locator("main")).to_contain_text("Mag ik daarna weer sporten?")
    expect(page.locator("main")).not_to_contain_text("Wanneer bel je meteen het ziekenhuis?")
    check_page(page, f"clinician-summary-{size}")

    page.get_by_role("button", name="Uitloggen").click()
    assert address(page) == f"{live_server.url}/zorgverlener/inloggen/?uitgelogd"
    expect(page.get_by_role("status")).to_have_text("U bent uitgelogd.")
    assert page.get_by_role("button", name="Uitloggen").count() == 0
    check_page(page, f"clinician-logged-out-{size}")

    # The summary is closed with the session, also by the browser's back button.
    page.go_back()
    page.goto(f"{live_server.url}/zorgverlener/samenvatting/")
    assert address(page).startswith(f"{live_server.url}/zorgverlener/inloggen/")

    assert refused == []
    context.close()


def test_the_clinicians_pages_in_english(live_server, live_aids, browser):
    clinician("dr.jansen")
    context = browser.new_context(viewport=SIZES["phone"], device_scale_factor=1)
    page = context.new_page()
    page.goto(f"{live_server.url}/zorgverlener/inloggen/")
    page.get_by_role("link", name="English").click()
    assert page.url == f"{live_server.url}/en/zorgverlener/inloggen/"
    page.get_by_role("button", name="Log in").click()
    assert error_messages(page) == ["Enter your username and password."]
    check_page(page, "clinician-login-error-en")
    page.get_by_label("Username").fill("dr.jansen")
    page.get_by_label("Password").fill(CLINICIAN_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("The patient's share code").fill("AAAA-BBBB-CCCC")
    page.get_by_role("button", name="Open the summary").click()
    assert error_messages(page) == [
        "The patient's share code: This code is not known. Check that every character was copied correctly."
    ]
    check_page(page, "clinician-open-unknown-en")
    context.close()
