"""Every step has its way back in the same place, above the heading: "Vorige stap" to the
step before it, and on the first step back to the intro; in Dutch and in English."""

import re

import pytest

from tests.helpers import STEP_URLS, skip

BACK = re.compile(r'<a class="back-link" href="([^"]+)">([^<]+)</a>')


@pytest.mark.parametrize(
    ("prefix", "first", "back"),
    [("", "Terug naar de uitleg", "Vorige stap"), ("/en", "Back to the introduction", "Previous step")],
)
def test_every_step_links_back_to_the_step_before(client, factory_aids, prefix, first, back):
    steps = list(STEP_URLS)
    for step in steps[:-1]:
        skip(client, step)
    for number, step in enumerate(steps):
        page = client.get(prefix + STEP_URLS[step]).content.decode()
        links = BACK.findall(page)
        expected = (f"{prefix}/mijn-keuze/", first) if number == 0 else (prefix + STEP_URLS[steps[number - 1]], back)
        assert links == [expected], step
        assert page.index('class="back-link"') < page.index("<h1")
