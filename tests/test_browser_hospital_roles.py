"""The hospital roles in a real browser: a clinician of one hospital is refused another
hospital's share code (one clear message, nothing about her, no WCAG 2.1 A/AA violation);
a hospital's editor sees only her own hospital in the admin, and another's page is not
there for her; an account that may only look finds no button to change anything."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from playwright.sync_api import expect

from hospitals.models import Membership
from tests import factories
from tests.browser import axe_violations, screenshot, watch_csp
from tests.helpers import CLINICIAN_PASSWORD, EDITOR_GROUP, arrive, clinician, member, share_code_of, walk_shipped

pytestmark = pytest.mark.browser

DESK = {"width": 1280, "height": 900}


@pytest.fixture
def hospitals(live_aids):
    return factories.hospital("noord", name="Ziekenhuis Noord"), factories.hospital("zuid", name="Ziekenhuis Zuid")


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport=DESK, device_scale_factor=1)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, url, username):
    page.goto(url)
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(CLINICIAN_PASSWORD)
    page.locator("#id_password").press("Enter")


def test_a_clinician_of_one_hospital_is_refused_anothers_code(live_server, hospitals, desk):
    noord, zuid = hospitals
    patient = arrive(Client(), zuid)
    walk_shipped(patient)
    code = share_code_of(patient)
    clinician("dr.jansen", [noord])
    refused = watch_csp(desk)

    log_in(desk, f"{live_server.url}/zorgverlener/inloggen/", "dr.jansen")
    desk.get_by_label("Deelcode van de patiënt").fill(code)
    with desk.expect_response(f"{live_server.url}/zorgverlener/") as response:
        desk.get_by_role("button", name="Open de samenvatting").click()
    assert response.value.status == 403
    messages = desk.locator("#error-summary-list li").all_inner_texts()
    assert len(messages) == 1
    assert "hoort bij een patiënt van een ander ziekenhuis" in messages[0]
    body = desk.locator("main").inner_text()
    assert "Zuid" not in body
    assert "Ik ben bang voor veel bloed." not in body
    expect(desk.get_by_label("Deelcode van de patiënt")).to_have_attribute("aria-invalid", "true")
    screenshot(desk, "roles-clinician-refused-other-hospital")
    assert axe_violations(desk) == []
    assert refused == []


def test_a_hospitals_editor_does_not_see_another_hospital(live_server, hospitals, desk):
    noord, zuid = hospitals
    member("redacteur", [noord], EDITOR_GROUP)

    log_in(desk, f"{live_server.url}/admin/login/?next=/admin/hospitals/hospital/", "redacteur")
    expect(desk.locator("#result_list")).to_be_visible()
    rows = desk.locator("#result_list tbody tr").all_inner_texts()
    assert len(rows) == 1
    assert "Ziekenhuis Noord" in rows[0]
    assert "Ziekenhuis Zuid" not in desk.content()
    assert desk.locator("a.addlink").count() == 0
    screenshot(desk, "roles-editor-sees-her-hospital")

    desk.goto(f"{live_server.url}/admin/hospitals/hospital/{zuid.pk}/change/")
    assert desk.url == f"{live_server.url}/admin/"
    assert "Ziekenhuis Zuid" not in desk.content()
    screenshot(desk, "roles-editor-another-hospital")

    desk.goto(f"{live_server.url}/admin/hospitals/hospital/{noord.pk}/change/")
    assert desk.locator("input[name=slug], input[name=is_live]").count() == 0
    desk.get_by_label("Telefoon dag en nacht").fill("050 999 99 99")
    desk.locator("input[name=_save]").click()
    assert desk.url == f"{live_server.url}/admin/hospitals/hospital/"
    screenshot(desk, "roles-editor-saved-her-hospital")
    noord.refresh_from_db()
    assert noord.phone_24h == "050 999 99 99"


def test_a_view_only_account_is_refused_every_admin_action(live_server, hospitals, desk):
    noord, _zuid = hospitals
    viewer = member("kijker", [], EDITOR_GROUP)
    viewer.groups.clear()
    viewer.user_permissions.set(Permission.objects.filter(codename="view_hospital"))
    Membership.objects.create(user=viewer, hospital=noord)

    log_in(desk, f"{live_server.url}/admin/login/?next=/admin/hospitals/hospital/", "kijker")
    expect(desk.locator("#result_list")).to_be_visible()
    assert desk.locator("select[name=action], a.addlink").count() == 0
    desk.goto(f"{live_server.url}/admin/hospitals/hospital/{noord.pk}/change/")
    assert desk.locator("input[type=submit], a.deletelink").count() == 0
    assert desk.locator("input[name=phone_24h]").count() == 0
    screenshot(desk, "roles-view-only-hospital")
    for path in ("add/", f"{noord.pk}/delete/"):
        response = desk.goto(f"{live_server.url}/admin/hospitals/hospital/{path}")
        assert response.status == 403, path
    screenshot(desk, "roles-view-only-refused")
