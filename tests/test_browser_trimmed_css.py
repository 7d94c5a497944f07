"""The trimmed Bootstrap (decision 0007) in a real browser on a phone: the rules the pages
rely on still apply — the grid's container, the skip link hidden until it has the focus,
buttons, radio buttons and crispy's form fields."""

import pytest

from tests.browser import screenshot, watch_csp

pytestmark = pytest.mark.browser

ACCENT = "rgb(107, 36, 82)"  # app.css's --kh-accent, drawn by Bootstrap's .btn rules


def style(page, selector, *properties):
    return page.locator(selector).first.evaluate(
        "(element, names) => names.map(name => getComputedStyle(element).getPropertyValue(name))", list(properties)
    )


def test_the_start_page_has_its_layout_and_buttons(live_server, live_aids, phone):
    refused = watch_csp(phone)
    phone.goto(f"{live_server.url}/")
    screenshot(phone, "trimmed-css-start")
    assert style(phone, "main.container", "padding-left", "padding-right") == ["12px", "12px"]
    assert style(phone, ".site-header .d-flex", "display", "flex-wrap") == ["flex", "wrap"]
    assert style(phone, ".site-nav ul.list-unstyled", "list-style-type", "padding-left") == ["none", "0px"]
    button = style(phone, "main a.btn.btn-primary", "background-color", "color", "text-decoration-line")
    assert button == [ACCENT, "rgb(255, 255, 255)", "none"]
    assert refused == []


def test_the_skip_link_is_hidden_until_it_has_the_focus(live_server, live_aids, phone):
    phone.goto(f"{live_server.url}/")
    assert style(phone, ".visually-hidden-focusable", "position", "width", "height") == ["absolute", "1px", "1px"]
    phone.keyboard.press("Tab")
    width, height = style(phone, ".visually-hidden-focusable:focus", "width", "height")
    assert float(width.removesuffix("px")) > 50
    assert float(height.removesuffix("px")) > 10


def test_the_radio_buttons_of_a_step_are_drawn_by_bootstrap(live_server, live_aids, phone):
    phone.goto(f"{live_server.url}/mijn-keuze/veiligheid/")
    radio = phone.locator("input.form-check-input[type=radio]").first
    assert style(phone, "input.form-check-input[type=radio]", "appearance", "border-radius") == ["none", "50%"]
    radio.check()
    checked = radio.evaluate("element => getComputedStyle(element).getPropertyValue('background-image')")
    assert checked.startswith('url("data:image/svg+xml')
    screenshot(phone, "trimmed-css-safety")


def test_crispys_form_fields_on_the_clinician_login(live_server, live_aids, phone):
    phone.goto(f"{live_server.url}/zorgverlener/inloggen/")
    screenshot(phone, "trimmed-css-clinician-login")
    field = style(phone, "input.form-control", "display", "border-top-width", "border-top-style", "border-radius")
    # The border is app.css's (2 px, at least 3:1); the rest is Bootstrap's.
    assert field == ["block", "2px", "solid", "6px"]
    assert style(phone, "div.mb-3", "margin-bottom") == ["16px"]
    assert style(phone, "label.form-label", "margin-bottom") == ["8px"]
