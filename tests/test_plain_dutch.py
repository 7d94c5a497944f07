"""Plain Dutch (B1): every Dutch information page reads at Flesch-Douma 60 or more.

The score of each page is printed (run with `-s` to see it). The pages of her own path
(/mijn-keuze/) are measured and printed too, but not asserted here.
"""

import pytest

from options.readability import flesch_douma, main_text, page_score, syllables
from tests.helpers import PAGES, STEP_URLS, WALK, url

PLAIN_DUTCH = 60


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("je", 1),
        ("bij", 1),
        ("miskraam", 2),
        ("bloedverlies", 3),
        ("ziekenhuis", 3),
        ("gynaecoloog", 4),
        ("ideeën", 3),
        ("nieuw", 1),
        ("100", 3),
    ],
)
def test_dutch_syllables_are_counted_by_vowel_groups(word, count):
    assert syllables(word) == count


def test_short_sentences_of_short_words_score_high_and_long_ones_low():
    assert flesch_douma("Je kiest zelf. Dat mag. Neem de tijd.") > 90
    long = (
        "De verloskundige of gynaecoloog bespreekt samen met jou uitgebreid welke behandelingsmogelijkheden "
        "er zijn en welke oplossing het beste past bij jouw persoonlijke situatie en voorkeuren."
    )
    assert flesch_douma(long) < 30


def test_only_the_visible_text_of_main_counts():
    html = (
        "<html><body><header>Menu</header><main><h1>Titel</h1><p>Een zin. Nog een zin.</p>"
        '<span class="visually-hidden">Verborgen</span><svg><title>Tekening</title></svg>'
        "<ul><li>Punt een</li><li>Punt twee</li></ul></main><footer>Voet</footer></body></html>"
    )
    assert main_text(html) == "Titel\n\nEen zin. Nog een zin.\n\nPunt een\n\nPunt twee"


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_every_dutch_information_page_is_plain_dutch(client, shipped_aids, name, kwargs):
    response = client.get(url(name, "nl", **kwargs))
    assert response.status_code == 200
    score = page_score(response.content.decode())
    print(f"\nFlesch-Douma {url(name, 'nl', **kwargs)}: {score}")
    assert score >= PLAIN_DUTCH, f"{url(name, 'nl', **kwargs)} reads at Flesch-Douma {score}"


# Her path, with answers that raise flags on the situation result.
SITUATION = {
    "bloeden-begonnen": "ja",
    "weken-zwanger": "10-tot-12",
    "rhesus": "ja",
    "bloedingsrisico": "ja",
    "eerdere-miskramen": "twee",
    "leeftijd": "36-tot-40",
}
PATH_PAGES = [
    ("safety", STEP_URLS["safety"], "safety"),
    ("situation", STEP_URLS["situation"], "situation"),
    ("situation result", "/mijn-keuze/situatie/wat-betekent-dit/", None),
    ("values", STEP_URLS["values"], "values"),
    ("knowledge", STEP_URLS["knowledge"], "knowledge"),
    ("leaning", STEP_URLS["leaning"], "leaning"),
    ("questions", STEP_URLS["questions"], "questions"),
    ("check", STEP_URLS["check"], None),
    ("summary", "/mijn-keuze/samenvatting/", None),
]


def test_the_scores_of_her_path_are_reported(client, shipped_aids):
    """Measured for the report, not asserted: these pages belong to her path (answers)."""
    answers = {**WALK, "situation": SITUATION}
    scores = {}
    for name, page_url, step in PATH_PAGES:
        response = client.get(page_url)
        assert response.status_code == 200, page_url
        scores[name] = page_score(response.content.decode())
        if step:
            saved = client.post(page_url, {**answers[step], "action": "save"})
            assert saved.status_code == 302, (step, saved.content.decode()[:2000])
    print("\nFlesch-Douma of her path (not asserted):")
    for name, score in scores.items():
        print(f"  {name}: {score}")
