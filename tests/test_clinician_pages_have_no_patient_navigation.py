"""The clinician's pages carry no patient navigation: not her menu (Start, Vergelijken, Mijn
keuze, ...) and not her "call now" banner. They carry the site name (leading to the
clinician's start), the language switch and, when someone is logged in, who that is and a
log-out button."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.helpers import arrive, clinician_client, share_code_of, text_of, walk

HER_MENU = ['href="/"', 'href="/vergelijken/"', 'href="/mijn-keuze/"', 'href="/over-een-miskraam/"']
LOG_OUT_FORM = re.compile(r'<form method="post" action="/zorgverlener/uitloggen/">\s*<input type="hidden" name="csrf')


@pytest.fixture
def pages(client, factory_aids, settings):
    """Every clinician page as someone sees it: (name, response)."""
    walk(arrive(client))
    code = share_code_of(client)
    clinician = clinician_client()
    anonymous = Client()
    no_staff = Client()
    no_staff.force_login(User.objects.create_user("iemand", password="een-lang-wachtwoord"))
    pages = [
        ("login", anonymous.get("/zorgverlener/inloggen/")),
        ("login-error", anonymous.post("/zorgverlener/inloggen/", {"username": "arts", "password": "fout"})),
        ("open", clinician.get("/zorgverlener/")),
        ("open-error", clinician.post("/zorgverlener/", {"code": "ABC"})),
        ("summary", clinician.post("/zorgverlener/", {"code": code}, follow=True)),
        ("summary-en", clinician.get("/en/zorgverlener/samenvatting/")),
        ("not-staff", no_staff.get("/zorgverlener/")),
    ]
    settings.SHARE_ATTEMPTS_PER_HOUR = 1
    blocked = clinician_client("geblokkeerd")
    blocked.post("/zorgverlener/", {"code": "AAAA-BBBB-CCCC"})
    pages.append(("too-many-codes", blocked.post("/zorgverlener/", {"code": "AAAA-BBBB-CCCD"})))
    assert [response.status_code for _name, response in pages] == [200, 400, 200, 400, 200, 200, 403, 429]
    return pages


def test_no_clinician_page_shows_her_menu_or_her_call_now_banner(pages):
    for name, response in pages:
        page = response.content.decode()
        assert [link for link in HER_MENU if link in page] == [], name
        assert 'aria-label="Hoofdmenu"' not in page, name
        assert 'aria-label="Main menu"' not in page, name
        assert 'class="call-now"' not in page, name


def test_the_site_name_leads_to_the_clinicians_start(pages):
    for name, response in pages:
        start = "/en/zorgverlener/" if name.endswith("-en") else "/zorgverlener/"
        assert f'<a class="site-name" href="{start}">' in response.content.decode(), name


def test_every_clinician_page_has_the_language_switch(pages):
    for name, response in pages:
        assert 'class="language-link"' in response.content.decode(), name


def test_whoever_is_logged_in_sees_who_and_can_log_out(pages):
    shown = {name: response.content.decode() for name, response in pages}
    for name in ["open", "open-error", "summary", "not-staff", "too-many-codes"]:
        assert LOG_OUT_FORM.search(shown[name]), name
    assert "Ingelogd als arts" in text_of(dict(pages)["summary"])
    assert "Logged in as arts" in text_of(dict(pages)["summary-en"])
    for name in ["login", "login-error"]:
        assert "uitloggen" not in shown[name], name


def test_her_pages_keep_her_menu_and_her_call_now_banner(client, factory_aids):
    page = client.get("/vergelijken/").content.decode()
    assert all(link in page for link in HER_MENU)
    assert 'aria-label="Hoofdmenu"' in page
    assert 'class="call-now"' in page
    assert 'href="/zorgverlener/uitloggen/"' not in page
