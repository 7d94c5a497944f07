"""The first patient pages answer in Dutch and English, with sourced figures."""

import re

import pytest

from options import actions
from tests import factories
from tests.helpers import PAGES, text_of, url


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_every_page_answers_in_both_languages(client, shipped_aids, name, kwargs, language):
    response = client.get(url(name, language, **kwargs))
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    assert shipped_aids[language].title in text_of(response)


def test_english_lives_under_en_and_dutch_at_the_root(shipped_aids):
    assert url("options:comparison", "nl") == "/vergelijken/"
    assert url("options:comparison", "en") == "/en/vergelijken/"


def test_every_page_links_to_the_other_language(client, shipped_aids):
    html = client.get(url("options:comparison", "nl")).content.decode()
    assert '<a class="language-link" href="/en/vergelijken/" hreflang="en" lang="en">English</a>' in html


@pytest.mark.parametrize(
    ("language", "figures"),
    [
        (
            "nl",
            [
                "85 van de 100 vrouwen",
                "15 van de 100 vrouwen",
                "70 van de 100 vrouwen",
                "1 van de 100 vrouwen",
                "2 van de 100 vrouwen",
            ],
        ),
        (
            "en",
            [
                "85 out of 100 women",
                "15 out of 100 women",
                "70 out of 100 women",
                "1 out of 100 women",
                "2 out of 100 women",
            ],
        ),
    ],
)
def test_the_comparison_shows_the_primary_figures_with_their_source(client, shipped_aids, language, figures):
    aid = shipped_aids[language]
    response = client.get(url("options:comparison", language))
    html = response.content.decode()
    primary = aid.sources.get(key="nvog-ommelander").label
    for key, figure in [
        ("medicijnen-werkt", 85),
        ("medicijnen-alsnog-curettage", 15),
        ("afwachten-binnen-2-weken", 70),
        ("curettage-perforatie", 1),
        ("curettage-bloedtransfusie", 2),
        ("curettage-verklevingen", 2),
    ]:
        outcome = aid.outcomes.get(key=key)
        assert (outcome.low, outcome.high, outcome.source.label) == (figure, figure, primary)
        # Each figure is drawn as an icon array whose text alternative states it,
        # and its source is named beside it.
        label = re.search(rf'aria-label="([^"]*{re.escape(outcome.positive[:40])}[^"]*)"', html)
        assert label, f"no icon array for {key}"
    text = text_of(response)
    for figure in figures:
        assert figure in text
    assert text.count(primary) >= 6


def test_icon_arrays_draw_exactly_the_figure(client, shipped_aids):
    html = client.get(url("options:comparison", "nl")).content.decode()
    for key in ["medicijnen-werkt", "afwachten-spoed-bloedverlies"]:
        outcome = shipped_aids["nl"].outcomes.get(key=key)
        svg = re.search(
            rf'<svg class="icon-array"[^>]*aria-label="[^"]*{re.escape(outcome.positive[:40])}.*?</svg>', html
        )
        cells = {"affected": 0, "perhaps": 0, "unaffected": 0}
        for group, width, height in re.findall(
            r'<rect class="icon-(\w+)" x="\d+" y="\d+" width="(\d+)" height="(\d+)"', svg.group(0)
        ):
            cells[group] += int(width) * int(height) // 100
        assert cells == {
            "affected": outcome.low,
            "perhaps": outcome.high - outcome.low,
            "unaffected": 100 - outcome.high,
        }


def test_the_start_page_names_sources_date_and_the_numbers_to_call(client, shipped_aids):
    client.get("/ziekenhuis/voorbeeld/")  # the shipped example hospital
    text = text_of(client.get("/"))
    aid = shipped_aids["nl"]
    for source in aid.sources.all():
        assert source.label in text
    assert "23 november 2026" in text
    assert "012 345 67 89" in text
    assert "012 345 67 00" in text
    assert "Let op: dit zijn voorbeeldnummers." in text
    assert "Wanneer bel je meteen het ziekenhuis?" in text
    # Every sign comes from the same leaflet: it is named once, under the list.
    signs = " ".join(sign.text for sign in aid.alarm_signs)
    assert f"{signs} Bron: {aid.alarm_signs[0].source.label}" in text


def test_an_unknown_option_is_a_404(client, shipped_aids):
    assert client.get("/opties/aspirine/").status_code == 404


def test_without_published_content_the_pages_say_so_with_a_503(client, db):
    response = client.get("/")
    assert response.status_code == 503
    assert "De keuzehulp is even niet beschikbaar" in text_of(response)


def test_a_draft_is_never_shown_to_patients(client, db):
    published = factories.published_aid()
    draft = actions.new_draft(published)
    draft.title = "Concepttitel"
    draft.save()
    assert "Concepttitel" not in text_of(client.get("/"))


def test_the_alarm_banner_comes_from_the_content_with_its_source(client, shipped_aids):
    text = text_of(client.get(url("options:option", "nl", key="afwachten")))
    banner = shipped_aids["nl"].alarm_banner
    assert banner.text in text
    assert "pijn" in banner.text
    assert "koorts" in banner.text
    assert f"{banner.text} Bron: {banner.source.label}" in text
    english = shipped_aids["en"].alarm_banner
    assert english.text in text_of(client.get(url("options:comparison", "en")))


def test_without_content_the_banner_still_names_the_signs(client, db):
    text = text_of(client.get("/"))
    assert "Veel bloedverlies, flauwvallen, koorts of veel pijn? Bel nu." in text


def contact_lists(html):
    """The items of the 'call' section and of the office-hours section of an option page."""
    sections = {}
    for name in ("contact-box", "office-hours"):
        match = re.search(rf'<section class="{name}".*?</section>', html, re.S)
        sections[name] = re.findall(r"<li>(.*?)</li>", match.group(0), re.S) if match else []
    return sections


def test_the_office_hours_call_is_shown_apart_on_the_medication_page(client, shipped_aids):
    lists = contact_lists(client.get(url("options:option", "nl", key="medicijnen")).content.decode())
    assert lists["office-hours"] == [
        "48 uur nadat je de misoprostol in je vagina hebt gedaan, is er nog niets gebeurd. "
        "Bel dan het ziekenhuis, liefst tijdens kantooruren."
    ]
    assert lists["contact-box"]
    assert not any("48 uur" in item for item in lists["contact-box"])
    # The other options have no office-hours section.
    assert not contact_lists(client.get(url("options:option", "nl", key="afwachten")).content.decode())["office-hours"]


def test_the_start_page_shows_the_office_hours_sign_apart_from_the_alarm_signs(client, shipped_aids):
    html = client.get("/").content.decode()
    alarm = re.search(r'<section class="alarm-signs".*?</section>', html, re.S).group(0)
    office = re.search(r'<section class="office-hours".*?</section>', html, re.S).group(0)
    assert "48 uur" not in alarm
    assert "kantooruren" not in alarm.replace("Tijdens kantooruren", "").replace("Dag en nacht", "")
    assert "48 uur" in office
    assert "Bron: Folder Ommelander Ziekenhuis, gebaseerd op NVOG" in office


def test_the_about_page_names_authors_reviewers_and_where_the_figures_come_from(client, shipped_aids):
    text = text_of(client.get(url("options:about", "nl")))
    aid = shipped_aids["nl"]
    assert "Wie keek de inhoud na?" in text
    for person in [*aid.authors, *aid.reviewers]:
        assert person in text
    assert "[voorbeeld]" in aid.reviewers[0]
    assert "gynaecoloog" in aid.reviewers[0]
    assert "Ze komen niet uit een eigen overzicht van wetenschappelijk onderzoek." in text


def test_safety_is_qualified_where_her_choice_is_described(client, shipped_aids):
    for page in ("/", url("options:comparison", "nl")):
        text = text_of(client.get(page))
        assert "medisch veilig" not in text
        assert "Maar voor sommige vrouwen past een curettage beter." in text
        assert "een operatie heeft meer risico" in text
