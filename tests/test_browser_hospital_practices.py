"""Two women of two hospitals that work differently, on their phones (390 px) side by
side with the shipped content: each reads her hospital's misoprostol schedule on the
medication page and walks on to her PDF, which holds her hospital's practices and never
the other's. The screenshots of both medication pages, and the two side by side, are for
the issue note (test-artefacts/practices-*.png)."""

import pytest

from hospitals.actions import pick_practices
from tests import factories
from tests.browser import ARTEFACTS, axe_violations, screenshot, scrolls_sideways
from tests.helpers import STEP_URLS, text_of_pdf
from tests.test_browser_hospitals import side_by_side
from tests.test_browser_path import walk_path

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# Hospital A works as the Elkerliek leaflet describes; hospital B has picked nothing and
# shows the defaults (the NVOG-based leaflet).
HOSPITALS = {
    "hospital-a": {
        "slug": "noord",
        "name": "Ziekenhuis Noord",
        "phone_24h": "050 123 45 00",
        "picks": {
            "misoprostol-schema": "na-36-uur-zo-nodig-tweede-keer",
            "controle-na-medicijnen": "altijd-na-een-week",
            "nagesprek": "bellen-bij-vragen",
        },
        "schedule": "Ongeveer 36 uur later doe je 4 tabletten misoprostol",
        "follow_up": "Dan maakt de arts een controleafspraak een week nadat je de medicijnen hebt ingenomen.",
    },
    "hospital-b": {
        "slug": "zuid",
        "name": "Ziekenhuis Zuid",
        "phone_24h": "043 765 43 00",
        "picks": {},
        "schedule": "Minimaal 24 uur en maximaal 48 uur later doe je 4 tabletten misoprostol tegelijk",
        "follow_up": "Een controleafspraak is wel nodig als de medicijnen niet hebben gewerkt.",
    },
}


@pytest.fixture
def hospitals(live_aids):
    for own in HOSPITALS.values():
        hospital = factories.hospital(own["slug"], name=own["name"], phone_24h=own["phone_24h"])
        pick_practices(hospital, own["picks"])


def others(name):
    return next(other for key, other in HOSPITALS.items() if key != name)


def test_two_hospitals_practices_side_by_side_to_the_pdf(live_server, hospitals, browser):
    phones = {}
    for name, own in HOSPITALS.items():
        context = browser.new_context(viewport=PHONE, device_scale_factor=1)
        page = context.new_page()
        page.goto(f"{live_server.url}/ziekenhuis/{own['slug']}/")
        page.goto(f"{live_server.url}/opties/medicijnen/")
        steps = page.locator("main ol").first.inner_text()
        assert own["schedule"] in steps
        assert others(name)["schedule"] not in steps
        assert "[werkwijze" not in page.locator("main").inner_text()
        assert not scrolls_sideways(page)
        assert axe_violations(page) == []
        screenshot(page, f"practices-{name}-medicijnen-full")
        # The part to look at: the steps, with her hospital's schedule.
        page.locator("main h2").first.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTEFACTS / f"practices-{name}-medicijnen.png"))
        phones[name] = page
    side_by_side([f"practices-{name}-medicijnen" for name in HOSPITALS], "practices-side-by-side-medicijnen")

    for name, page in phones.items():
        own, other = HOSPITALS[name], others(name)
        walk_path(page, live_server.url, "nl", "js")
        # She leans to medication: her summary shows its practices (the walk chose the first option).
        page.goto(f"{live_server.url}{STEP_URLS['leaning']}")
        page.get_by_label("Medicijnen", exact=True).check()
        page.get_by_role("button", name="Opslaan en verder").click()
        page.goto(f"{live_server.url}/mijn-keuze/controleren/")
        page.locator("main a.btn-primary").first.click()
        assert page.url.endswith("/mijn-keuze/samenvatting/")
        summary = page.locator("main").inner_text()
        assert own["follow_up"] in summary
        assert other["follow_up"] not in summary
        page.locator(".summary-practices").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTEFACTS / f"practices-{name}-summary.png"))
        with page.expect_download() as download:
            page.locator(".summary-downloads a").first.click()
        with open(download.value.path(), "rb") as document:
            pdf = text_of_pdf(document.read())
        for shown in (own["name"], own["phone_24h"], own["schedule"], own["follow_up"]):
            assert shown in pdf
        for hidden in (other["name"], other["phone_24h"], other["schedule"], other["follow_up"]):
            assert hidden not in pdf
        page.context.close()
    side_by_side([f"practices-{name}-summary" for name in HOSPITALS], "practices-side-by-side-summary")
