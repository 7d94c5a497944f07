"""Her answers raise the content's flags and tailor what she sees."""

import pytest

from tests import factories
from tests.helpers import save, text_of, walk


@pytest.fixture
def aid(db):
    return factories.published_aid()


def test_a_yes_in_the_safety_check_shows_the_call_page_with_the_hospitals_numbers(client, aid):
    factories.hospital("noord")
    client.get("/ziekenhuis/noord/")
    response = save(client, "safety", {"veel-bloedverlies": "ja"})
    assert response["Location"] == "/mijn-keuze/bel-nu/"
    page = client.get(response["Location"])
    text = text_of(page)
    assert "Bel nu het ziekenhuis" in text
    assert "Ziekenhuis Noord" in text
    assert "Dag en nacht: 050 123 45 00" in text
    assert "Tijdens kantooruren: 050 123 45 67" in text
    assert 'href="tel:0501234500"' in page.content.decode()
    assert "Verder met de keuzehulp" in text


def test_she_can_continue_after_the_call_page(client, aid):
    save(client, "safety", {"veel-bloedverlies": "ja"})
    assert client.get("/mijn-keuze/situatie/").status_code == 200


def test_rhesus_negative_shows_the_anti_d_information(client, aid):
    walk(client, ["safety"])
    response = save(client, "situation", {"rhesus": "ja"})
    text = text_of(client.get(response["Location"]))
    # The title says what it means for her; the explanation is folded under "Lees waarom".
    assert "Anti-D Lees waarom Bespreek anti-D. Bron: Folder" in text
    assert "Herhaalde miskraam" not in text


def test_two_earlier_miscarriages_show_the_recurrence_information(client, aid):
    walk(client, ["safety"])
    response = save(client, "situation", {"eerdere-miskramen": "twee"})
    text = text_of(client.get(response["Location"]))
    expected = "Herhaalde miskraam Lees waarom Na 2 miskramen is de kans op nog een miskraam ongeveer 25 van de 100."
    assert expected in text
    assert "Anti-D" not in text


def test_no_flag_without_an_answer_that_raises_one(client, aid):
    walk(client, ["safety"])
    response = save(client, "situation", {"rhesus": "nee", "eerdere-miskramen": "geen"})
    assert 'id="flags-heading"' not in client.get(response["Location"]).content.decode()


def test_the_check_page_lists_her_answers_only_and_her_summary_keeps_the_flags(client, aid):
    walk(client)
    assert "Herhaalde miskraam" not in text_of(client.get("/mijn-keuze/controleren/"))
    summary = text_of(client.get("/mijn-keuze/samenvatting/"))
    assert "Anti-D" in summary
    assert "Herhaalde miskraam" in summary


# --- Conditional flags -------------------------------------------------------------------


def test_a_flag_without_conditions_always_applies():
    from options.models import Flag

    assert Flag().applies_to({})
    assert Flag().applies_to({"rhesus": "ja"})


@pytest.mark.parametrize(
    ("situation", "applies"),
    [
        ({"weken-zwanger": "10-tot-12", "rhesus": "ja"}, True),
        ({"weken-zwanger": "12-of-meer"}, True),
        ({"weken-zwanger": "8-tot-10"}, False),
        ({}, False),  # a question she skipped is in no list
    ],
)
def test_only_if_needs_every_listed_question_answered_with_a_listed_choice(situation, applies):
    from options.models import Flag

    flag = Flag(only_if={"weken-zwanger": ["10-tot-12", "12-of-meer"]})
    assert flag.applies_to(situation) is applies


@pytest.mark.parametrize(
    ("situation", "applies"),
    [
        ({"weken-zwanger": "10-tot-12"}, False),
        ({"weken-zwanger": "minder-dan-8"}, True),
        ({"weken-zwanger": "weet-niet"}, True),
        ({}, True),  # skipped: not in the list, so not excluded
    ],
)
def test_unless_excludes_the_listed_choices_only(situation, applies):
    from options.models import Flag

    flag = Flag(unless={"weken-zwanger": ["10-tot-12", "12-of-meer"]})
    assert flag.applies_to(situation) is applies


def test_only_if_and_unless_together():
    from options.models import Flag

    flag = Flag(only_if={"rhesus": ["ja"]}, unless={"bloeden-begonnen": ["nee"]})
    assert flag.applies_to({"rhesus": "ja"})
    assert not flag.applies_to({"rhesus": "ja", "bloeden-begonnen": "nee"})
    assert not flag.applies_to({"rhesus": "nee"})


def raised_by(aid, question_key, choice_key):
    question = next(q for q in aid.situation_questions.all() if q.key == question_key)
    choice = next(c for c in question.choices.all() if c.key == choice_key)
    return list(choice.flags.all())


WEEKS = ["minder-dan-8", "8-tot-10", "10-tot-12", "12-of-meer", "weet-niet", None]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("weeks", WEEKS)
def test_rhesus_negative_gets_exactly_one_anti_d_text_for_every_weeks_answer(shipped_aids, language, weeks):
    aid = shipped_aids[language]
    situation = {"rhesus": "ja", **({"weken-zwanger": weeks} if weeks else {})}
    anti_d = [f for f in raised_by(aid, "rhesus", "ja") if f.kind == "anti_d" and f.applies_to(situation)]
    assert len(anti_d) == 1
    ten_weeks_or_more = weeks in ("10-tot-12", "12-of-meer")
    assert anti_d[0].key == ("anti-d-vanaf-10-weken" if ten_weeks_or_more else "anti-d")
    if ten_weeks_or_more:
        # Leaflet 000: after a spontaneous miscarriage after 10 weeks, with every option.
        assert anti_d[0].source.key == "jijwij-elkerliek"
        assert ("afwachten, medicijnen" if language == "nl" else "waiting, medicines") in anti_d[0].text
    else:
        # After a curettage (000), or considered with an embryo larger than 33 mm (001).
        assert "33 mm" in anti_d[0].text
        assert "curettage" in anti_d[0].text


def test_a_raised_bleeding_risk_raises_the_nsaid_caution_with_its_source(shipped_aids):
    flags = {f.key: f for f in raised_by(shipped_aids["nl"], "bloedingsrisico", "ja")}
    assert set(flags) == {"curettage-bespreken", "nsaid-voorzichtig"}
    caution = flags["nsaid-voorzichtig"]
    assert caution.kind == "nsaid_caution"
    assert caution.source.label == "Bijsluiter naproxen"
    assert "bloedverdunners" in caution.text
    assert "apotheker" in caution.text
    assert not raised_by(shipped_aids["nl"], "bloedingsrisico", "nee")


def test_the_age_answers_link_no_chance_of_a_miscarriage(shipped_aids):
    """Her chance of a miscarriage by age does not help her decide now: it stays on the
    background page."""
    for choice in next(q for q in shipped_aids["nl"].situation_questions.all() if q.key == "leeftijd").choices.all():
        assert choice.outcome is None
        assert not list(choice.flags.all())
