"""Form controls she can see, on a phone (390 px) and a wide screen (1280 px): the values
step as one compact scale per statement that fits a phone, borders and focus rings of at
least 3:1 (WCAG 1.4.11, measured from the computed styles), the error summary focused
after a failed save, and "Vorige stap" on every step."""

import re

import pytest

from tests import factories
from tests.browser import axe_violations, screenshot, scrolls_sideways, watch_csp
from tests.helpers import STEP_URLS

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}
VIEWPORTS = {"390": PHONE_390, "1280": WIDE}
VALUES = STEP_URLS["values"]
MAX_PHONE_HEIGHT = 2500
ENDS = {"nl": ["Niet belangrijk", "Heel erg belangrijk"], "en": ["Not important", "Extremely important"]}
MEANINGS = {
    "nl": ["niet belangrijk", "een beetje belangrijk", "belangrijk", "erg belangrijk", "heel erg belangrijk"],
    "en": ["not important", "a little important", "important", "very important", "extremely important"],
}


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one, other):
    """The WCAG contrast ratio of two sRGB colours."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# A control's ring (or border) and the colour right outside it: the first element under
# that point, other than the control itself, that has a background colour.
MEASURE = """([el, part]) => {
  const rgb = value => {
    const m = value.match(/rgba?\\(([\\d.]+),? ([\\d.]+),? ([\\d.]+)(?:[,/] ?([\\d.]+))?/);
    return m ? {rgb: [+m[1], +m[2], +m[3]], alpha: m[4] === undefined ? 1 : +m[4]} : null;
  };
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const width = parseFloat(part === 'outline' ? cs.outlineWidth : cs.borderTopWidth) || 0;
  const offset = part === 'outline' ? parseFloat(cs.outlineOffset) || 0 : 0;
  const x = r.left - offset - width - 1, y = r.top + r.height / 2;
  let behind = [255, 255, 255];
  for (const under of document.elementsFromPoint(Math.max(x, 0), y)) {
    if (el.contains(under)) continue;
    const colour = rgb(getComputedStyle(under).backgroundColor);
    if (colour && colour.alpha > 0) {
      behind = colour.rgb.map(c => Math.round(c * colour.alpha + 255 * (1 - colour.alpha)));
      break;
    }
  }
  const colour = rgb(part === 'outline' ? cs.outlineColor : cs.borderTopColor);
  return {
    style: part === 'outline' ? cs.outlineStyle : cs.borderTopStyle,
    width, colour: colour.rgb, alpha: colour.alpha, behind,
    boxShadow: cs.boxShadow,
  };
}"""

# What has the keyboard's focus, in words a failing test can show.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const kind = el.matches('.skip-link') ? 'skip link'
    : el.matches('.language-link') ? 'language link'
    : el.matches('.back-link') ? 'back link'
    : el.matches('input[type=radio]') ? 'radio'
    : el.matches('input[type=checkbox]') ? 'checkbox'
    : el.matches('textarea') ? 'textarea'
    : el.matches('summary') ? 'summary'
    : el.matches('button') ? 'button'
    : el.matches('a') ? 'link' : el.tagName.toLowerCase();
  return {kind, text: (el.innerText || el.name || '').trim().slice(0, 40)};
}"""


def skip_to_values(page, base, prefix=""):
    for step in ("safety", "situation"):
        page.goto(f"{base}{prefix}{STEP_URLS[step]}")
        page.locator("button[value=skip]").click()
    page.goto(f"{base}{prefix}{VALUES}")
    assert page.url.endswith(VALUES)


@pytest.fixture
def example_hospital(live_aids):
    """The example hospital, as a demo shows it: its numbers and warning make the page's
    footer its longest."""
    return factories.hospital("demo", is_example=True, is_live=False)


@pytest.fixture
def page_at(browser):
    contexts = []

    def open_page(viewport, js=True):
        context = browser.new_context(viewport=VIEWPORTS[viewport], device_scale_factor=1, java_script_enabled=js)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("viewport", ["390", "1280"])
def test_the_values_step_is_one_compact_scale_per_statement(
    live_server, live_aids, example_hospital, page_at, viewport, language
):
    page = page_at(viewport)
    refused = watch_csp(page)
    page.goto(f"{live_server.url}/ziekenhuis/{example_hospital.slug}/")
    skip_to_values(page, live_server.url, "" if language == "nl" else "/en")
    screenshot(page, f"values-step-{viewport}-{language}")
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"values step at {viewport} px ({language}): {height} px high")
    assert page.locator(".example-warning").count()  # the footer as shipped, numbers and all
    if viewport == "390":
        assert height <= MAX_PHONE_HEIGHT, f"{height} px"
    assert not scrolls_sideways(page)
    scales = page.locator("main form fieldset:has(.rating-scale)")
    assert scales.count() == 10  # the shipped statements
    for scale in scales.all():
        boxes = [box.bounding_box() for box in scale.locator("label.rating-choice").all()]
        assert len(boxes) == 5
        assert len({round(box["y"]) for box in boxes}) == 1, "the five answers in one row"
        assert all(box["width"] >= 44 and box["height"] >= 44 for box in boxes), boxes
        # The two ends are shown; a screen reader hears every number's meaning in its name.
        assert scale.locator(".rating-ends").inner_text().split("\n") == ENDS[language]
    # (Chromium puts a space before the comma: the meaning is a separate, hidden element.)
    for number, meaning in enumerate(MEANINGS[language], start=1):
        name = re.compile(rf"^{number} ?, {meaning}$")
        assert page.get_by_role("radio", name=name).count() == 10, (number, meaning)
    assert axe_violations(page) == []
    assert refused == []


@pytest.mark.parametrize("viewport", ["390", "1280"])
def test_borders_and_focus_rings_have_at_least_3_to_1_contrast(live_server, live_aids, page_at, viewport):
    page = page_at(viewport)
    skip_to_values(page, live_server.url)
    page.locator("main details summary").click()  # her own points: the text areas

    borders = {
        "radio": page.locator("main input[type=radio]").first,
        "textarea": page.locator("main textarea").first,
    }
    for kind, control in borders.items():
        border = page.evaluate(MEASURE, [control.element_handle(), "border"])
        assert border["style"] == "solid", (kind, border)
        assert border["width"] >= 1, (kind, border)
        ratio = contrast(border["colour"], border["behind"])
        print(f"{viewport} border {kind}: {border['colour']} on {border['behind']}: {ratio:.2f}:1")
        assert ratio >= 3, (kind, border, ratio)
    checked = page.locator("main input[type=radio]").nth(3)
    checked.check()
    border = page.evaluate(MEASURE, [checked.element_handle(), "border"])
    ratio = contrast(border["colour"], border["behind"])
    print(f"{viewport} border checked radio: {border['colour']} on {border['behind']}: {ratio:.2f}:1")
    assert ratio >= 3, (border, ratio)
    assert page.locator("input[type=checkbox]").count() == 0  # none on her path to measure

    # With the keyboard from the top of the page: every kind of control gets a ring.
    page.goto(page.url)
    seen = {}
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused and focused["kind"] == "summary" and not page.locator("main details[open]").count():
            page.keyboard.press("Enter")  # her own points: open, so that Tab reaches the text areas
        if focused is None or focused["kind"] in seen:
            continue
        handle = page.evaluate_handle("document.activeElement")
        ring = page.evaluate(MEASURE, [handle, "outline"])
        ratio = contrast(ring["colour"], ring["behind"])
        seen[focused["kind"]] = ratio
        print(f"{viewport} {focused['kind']} {focused['text']!r}: {ring['colour']}/{ring['behind']} {ratio:.2f}")
        if focused["kind"] in ("radio", "textarea", "button", "link"):
            screenshot(page, f"focus-{focused['kind'].replace(' ', '-')}-{viewport}")
        assert ring["style"] == "solid", (focused, ring)
        assert ring["width"] >= 2, (focused, ring)
        assert ratio >= 3, (focused, ring, ratio)
    assert {"skip link", "language link", "link", "back link", "radio", "summary", "textarea", "button"} <= set(seen)


def assert_error_summary_takes_the_focus(page):
    # The browser runs autofocus in its next rendering step, not at load: wait for it, briefly.
    page.wait_for_function("() => document.activeElement.classList.contains('error-summary')", timeout=3000)


@pytest.mark.parametrize("viewport", ["390", "1280"])
def test_after_a_failed_save_the_error_summary_has_the_focus(live_server, live_aids, page_at, viewport):
    page = page_at(viewport)
    skip_to_values(page, live_server.url)
    assert page.evaluate("document.activeElement === document.body")  # no error: nothing taken
    page.locator("input[name=geen-operatie][value='4']").check()
    # An answer no button offers (as a changed page could send), and a text too long.
    page.locator("input[name=thuis][value='1']").evaluate("el => { el.value = '9'; el.checked = true; }")
    page.locator("main details summary").click()
    page.locator("textarea[name=concern_2]").fill("x" * 1001)
    page.get_by_role("button", name="Opslaan en verder").click()

    summary = page.locator(".error-summary")
    assert_error_summary_takes_the_focus(page)
    ring = page.evaluate(MEASURE, [summary.element_handle(), "outline"])
    assert contrast(ring["colour"], ring["behind"]) >= 3, ring  # where her focus is, seen
    assert page.title().startswith("Fout:")
    assert page.locator("input[name=geen-operatie][value='4']").is_checked()  # kept
    assert page.locator("details.own-concerns").get_attribute("open") is not None
    screenshot(page, f"values-step-error-{viewport}")
    assert axe_violations(page) == []

    links = summary.locator("a")
    assert links.count() == 2
    links.nth(0).click()
    assert page.evaluate("document.activeElement.id") == "id_thuis_0"
    links.nth(1).click()
    assert page.evaluate("document.activeElement.id") == "id_concern_2"


def test_the_error_summary_has_the_focus_without_javascript(live_server, live_aids, page_at):
    page = page_at("390", js=False)
    skip_to_values(page, live_server.url)
    page.locator("main details summary").click()
    page.locator("textarea[name=concern_1]").fill("x" * 1001)
    page.get_by_role("button", name="Opslaan en verder").click()
    assert_error_summary_takes_the_focus(page)
    page.locator(".error-summary a").click()
    assert page.evaluate("document.activeElement.id") == "id_concern_1"


BACK = {
    "nl": ("Terug naar de uitleg", "Vorige stap", "Jouw vragen voor de arts"),
    "en": ("Back to the introduction", "Previous step", "Your questions for the doctor"),
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_step_has_a_way_back_above_its_heading(live_server, live_aids, page_at, language):
    first_back, back, questions_title = BACK[language]
    page = page_at("390")
    prefix = "" if language == "nl" else "/en"
    steps = list(STEP_URLS)
    for number, step in enumerate(steps, start=1):
        page.goto(f"{live_server.url}{prefix}/mijn-keuze/{STEP_URLS[step].split('/mijn-keuze/')[1]}")
        assert page.url.endswith(STEP_URLS[step]), step
        link = page.locator("main a.back-link")
        assert link.count() == 1
        heading = page.locator("main h1").bounding_box()
        assert link.bounding_box()["y"] < heading["y"], "above the heading"
        expected = f"{prefix}/mijn-keuze/" if number == 1 else f"{prefix}{STEP_URLS[steps[number - 2]]}"
        assert link.inner_text().strip() == (first_back if number == 1 else back)
        assert link.get_attribute("href") == expected
        if step != "check":
            page.locator("button[value=skip]").click()
    screenshot(page, f"step-check-back-link-{language}")
    page.locator("main a.back-link").click()
    assert page.url.endswith(STEP_URLS["questions"])
    assert page.locator("main h1").inner_text() == questions_title
