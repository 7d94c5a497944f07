"""How long her path is, measured as she meets it: a typical walk on a 390 px phone, from
the intro to the summary, in both languages. Per page: the words in the main text that
are on screen (what is folded away in a closed <details> is not), the page height and
the phone screens it fills. The intro states the reading time this measures.

`make words` runs this module and prints the table (docs/benchmarks.md keeps it)."""

import pytest

from answers.steps import READING_MINUTES
from tests.browser import ARTEFACTS, screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WORDS_PER_MINUTE = 150
MOST_WORDS = 2500
MOST_SUMMARY_SCREENS = 8

# A typical walk on the shipped content: nothing calls for help now, a first miscarriage
# at 8 to 10 weeks, rhesus positive (as 85 in 100 women are), every value rated, the
# knowledge check answered, a leaning without doubts, two questions. Her ratings, one per
# statement in the content's order: four of the ten matter (very) much to her.
TYPICAL = {
    "safety": {"veel-bloedverlies": "nee", "duizelig": "nee", "koorts": "nee", "pijn": "nee"},
    "situation": {
        "bloeden-begonnen": "nee",
        "weken-zwanger": "8-tot-10",
        "rhesus": "nee",
        "bloedingsrisico": "nee",
        "vervoer": "ja",
        "traumatische-ervaring": "nee",
        "eerdere-miskramen": "geen",
        "leeftijd": "35-of-jonger",
    },
    "values": [5, 4, 3, 2, 4, 1, 3, 5, 2, 3],
    "knowledge": {
        "medicijnen-werkt": "b",
        "afwachten-veilig": "a",
        "medicijnen-curettage": "b",
        "misoprostol-wanneer": "c",
        "verklevingen": "c",
    },
    "leaning": {
        "leaning": "medicijnen",
        "sure_best_choice": "ja",
        "sure_knows_benefits_and_risks": "ja",
        "sure_clear_what_matters": "ja",
        "sure_enough_support": "ja",
    },
    "questions": ["Mag ik daarna weer sporten?", "Wie belt mij na 6 weken?"],
}

# Text only for screen readers (.visually-hidden) is not on screen: it is left out.
MEASURE = """() => {
  const main = document.querySelector("main");
  const count = text => text.split(/\\s+/).filter(Boolean).length;
  const hidden = [...main.querySelectorAll(".visually-hidden")].map(e => count(e.innerText));
  return {
    text: main.innerText,
    words: count(main.innerText) - hidden.reduce((a, b) => a + b, 0),
    height: document.documentElement.scrollHeight,
  };
}"""


def answer(page, step):
    answers = TYPICAL[step]
    if step == "values":
        for group, rating in zip(page.locator("main form fieldset").all(), answers, strict=True):
            group.locator(f"input[type=radio][value='{rating}']").check(force=True)
    elif step == "questions":
        for box, text in zip(page.locator("main form textarea").all(), answers, strict=False):
            box.fill(text)
    else:
        for name, value in answers.items():
            page.locator(f"main form input[name='{name}'][value='{value}']").check(force=True)


def walk_typically(page, base, language, visit):
    """Her typical walk from the intro to her summary; `visit(name)` on every page."""
    prefix = "" if language == "nl" else "/en"
    page.goto(f"{base}{prefix}/mijn-keuze/")
    visit("intro")
    page.locator("main a.btn-primary").first.click()
    for step in TYPICAL:
        visit(step)
        answer(page, step)
        page.locator("main form button[value=save]").click()
        # A step's result page: read it, then go on.
        while "/controleren/" not in page.url and not page.locator("main form button[value=save]").count():
            visit(page.url.rstrip("/").rsplit("/", 1)[-1])
            page.locator("main a.btn-primary").first.click()
    visit("check")
    page.goto(f"{base}{prefix}/mijn-keuze/samenvatting/")
    visit("summary")


def measured_walk(page, base, language):
    """The pages of a typical walk, each as (name, words, height)."""
    rows = []

    def measure(name):
        screenshot(page, f"words-{language}-{name}")
        numbers = page.evaluate(MEASURE)
        (ARTEFACTS / f"words-{language}-{name}.txt").write_text(numbers["text"], encoding="utf-8")
        rows.append((name, numbers["words"], numbers["height"]))

    walk_typically(page, base, language, measure)
    return rows


def report(language, rows):
    total = sum(words for _, words, _ in rows)
    lines = [
        f"Typical walk ({language}), {PHONE['width']} x {PHONE['height']} px",
        f"{'page':<28}{'words':>7}{'height':>8}{'screens':>9}",
    ]
    lines += [f"{name:<28}{words:>7}{height:>8}{height / PHONE['height']:>9.1f}" for name, words, height in rows]
    lines.append(f"{'total':<28}{total:>7}   reading time {total / WORDS_PER_MINUTE:.1f} min at {WORDS_PER_MINUTE}/min")
    print("\n" + "\n".join(lines))
    return total


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_typical_walk_is_short_and_the_intro_says_how_long(live_server, live_aids, browser, language):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    rows = measured_walk(page, live_server.url, language)
    context.close()

    total = report(language, rows)
    assert total <= MOST_WORDS
    summary_height = dict((name, height) for name, _, height in rows)["summary"]
    assert summary_height <= MOST_SUMMARY_SCREENS * PHONE["height"]
    # The intro's promise is the measured reading time in whole minutes (of the Dutch
    # walk; the English one may differ by a minute).
    minutes = total / WORDS_PER_MINUTE
    assert abs(minutes - READING_MINUTES) <= (0.5 if language == "nl" else 1.5)


# Words of four letters or more whose letters lie on more than one line. What is folded
# away is opened first; text only for screen readers is not on screen.
BROKEN_WORDS = """() => {
  document.querySelectorAll("main details").forEach(d => { d.open = true; });
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest(".visually-hidden")) continue;
    for (const match of node.data.matchAll(/\\p{L}{4,}/gu)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_word_breaks_mid_way_on_a_phone(live_server, live_aids, browser, language, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=1)
    page = context.new_page()
    broken = {}

    def look(name):
        words = page.evaluate(BROKEN_WORDS)
        if words:
            broken[name] = words

    walk_typically(page, live_server.url, language, look)
    context.close()
    assert broken == {}
