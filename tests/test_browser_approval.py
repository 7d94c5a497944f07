"""The reviewer's approval in a real browser: from the draft's page to its changes, the
button approves and publishes it, the trace lists it, and the about page names her."""

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from options import actions
from tests import factories
from tests.browser import screenshot
from tests.helpers import CLINICIAN_PASSWORD

pytestmark = pytest.mark.browser


def test_a_reviewer_reads_the_changes_approves_and_patients_see_her_name(live_server, live_aids, browser):
    draft = actions.new_draft(live_aids["nl"])
    draft.title = "Keuzehulp bij een miskraam"
    draft.save()
    factories.staff_member("jansen", is_superuser=True)

    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "jansen")
    page.fill("#id_password", CLINICIAN_PASSWORD)
    page.click("input[type=submit]")

    page.goto(f"{live_server.url}/admin/options/decisionaid/{draft.pk}/change/")
    page.get_by_role("link", name="Bekijk de wijzigingen, veld voor veld, en keur goed").click()
    assert page.locator("td", has_text="Keuzehulp bij een miskraam").count() == 1
    assert page.locator("h1").count() == 1
    screenshot(page, "approval-changes")

    page.get_by_role("button", name="Goedkeuren en publiceren").click()
    assert page.url.endswith("/admin/options/decisionaid/geschiedenis/")
    assert "is gepubliceerd." in page.locator(".messagelist").inner_text()
    approved = page.locator("#content tr", has_text="(nl) versie 2")
    assert "A. Jansen, gynaecoloog, Ziekenhuis Noord" in approved.inner_text()
    assert page.locator("h1").count() == 1
    screenshot(page, "approval-trace")

    page.goto(f"{live_server.url}/over-deze-keuzehulp/")
    today = date_format(timezone.localdate(), "j F Y")
    assert f"medisch goedgekeurd op {today} door A. Jansen, gynaecoloog, Ziekenhuis Noord." in page.inner_text(
        ".approval"
    )
    screenshot(page, "approval-about")
    context.close()
