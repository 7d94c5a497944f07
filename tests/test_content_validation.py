"""Broken content is refused with a message that names the file and the place."""

import pytest
import yaml

from options.content.checks import texts_in, validate
from options.content.files import load_translations
from options.content.schema import AID, ContentError
from tests import factories


def problems_of(content, place="nl.yaml"):
    with pytest.raises(ContentError) as error:
        validate(content, place)
    return error.value.problems


def test_the_factory_content_is_valid():
    validate(factories.content(), "nl.yaml")


def test_the_shipped_content_is_valid_in_every_language(shipped_content):
    assert set(shipped_content) == {"nl", "en"}


def test_an_outcome_without_source_is_refused():
    content = factories.content()
    del content["outcomes"][0]["source"]
    assert problems_of(content) == ["nl.yaml.outcomes[0] (medicijnen-werkt).source: is missing"]


def test_a_reference_to_an_unknown_source_is_refused():
    content = factories.content()
    content["value_statements"][0]["fit"]["curettage"]["source"] = "blog"
    assert problems_of(content) == ["nl.yaml.value_statements[0] (thuis).fit.curettage.source: unknown source 'blog'"]


def test_a_comparison_row_without_a_cell_for_an_option_is_refused():
    content = factories.content()
    del content["comparison"][1]["cells"]["curettage"]
    assert problems_of(content) == ["nl.yaml.comparison[1] (kans).cells: there is no entry for option 'curettage'"]


def test_a_value_statement_without_a_fit_for_an_option_is_refused():
    content = factories.content()
    del content["value_statements"][0]["fit"]["afwachten"]
    assert problems_of(content) == ["nl.yaml.value_statements[0] (thuis).fit: there is no entry for option 'afwachten'"]


def test_an_outcome_with_another_denominator_is_refused():
    content = factories.content()
    content["outcomes"][0].update(denominator=10)
    assert "nl.yaml.outcomes[0] (medicijnen-werkt).denominator: must be 100 (one denominator throughout)" in (
        problems_of(content)
    )


@pytest.mark.parametrize(
    "text",
    ["Bij 7 van de 10 vrouwen komt de miskraam.", "Ongeveer 1 op de 5-6 zwangerschappen.", "1 in 3 women", "15% needs"],
)
def test_a_text_with_another_denominator_or_a_percentage_is_refused(text):
    content = factories.content()
    content["options"][0]["cons"][1] = text
    [problem] = problems_of(content)
    assert problem.startswith("nl.yaml.options[0] (afwachten).cons[1]: ")


def test_a_positive_framing_without_its_figure_is_refused():
    content = factories.content()
    content["outcomes"][0]["positive"] = "Bij de meeste vrouwen werkt het."
    assert problems_of(content) == [
        "nl.yaml.outcomes[0] (medicijnen-werkt).positive: must state the figure 85 (van de 100)"
    ]


def test_a_range_must_be_framed_both_ways_with_both_ends():
    content = factories.content()
    content["outcomes"][1]["negative"] = "Bij 98 van de 100 vrouwen gebeurt het niet."
    assert problems_of(content) == [
        "nl.yaml.outcomes[1] (spoed).negative: must state the other side of the figure, 99 (van de 100)"
    ]


def test_a_disagreeing_source_needs_an_uncertainty_statement():
    content = factories.content()
    content["outcomes"][0]["other_source"] = "andere"
    assert problems_of(content) == [
        "nl.yaml.outcomes[0] (medicijnen-werkt).uncertainty: "
        "say what the other source states and that the sources differ"
    ]


def test_an_unknown_key_is_refused():
    content = factories.content()
    content["options"][2]["side_effects"] = "Geen."
    assert problems_of(content) == ["nl.yaml.options[2] (curettage).side_effects: unknown key 'side_effects'"]


def test_pros_and_cons_must_be_given_in_comparable_detail():
    content = factories.content()
    content["options"][0]["pros"] = [f"Voordeel {n}." for n in range(7)]
    [problem] = problems_of(content)
    assert problem.startswith("nl.yaml.options: the pros are not given in comparable detail")


def test_a_knowledge_answer_must_be_one_of_the_choices():
    content = factories.content()
    content["knowledge_questions"][0]["answer"] = "c"
    assert problems_of(content) == ["nl.yaml.knowledge_questions[0] (werkt).answer: 'c' is not one of the choices"]


def write(directory, language, content):
    (directory / f"{language}.yaml").write_text(yaml.safe_dump(content, allow_unicode=True))


def translation_problems(tmp_path, english):
    write(tmp_path, "nl", factories.content("nl"))
    write(tmp_path, "en", english)
    with pytest.raises(ContentError) as error:
        load_translations(tmp_path)
    return error.value.problems


def test_a_missing_translation_of_an_item_is_refused(tmp_path):
    english = factories.content("en")
    english["sections"].append({"key": "extra", "title": "Extra", "body": ["More."], "sources": ["folder"]})
    assert translation_problems(tmp_path, english) == [f"{tmp_path}/en.yaml.sections: 'extra' is missing in nl.yaml"]


def test_a_missing_translated_text_is_refused(tmp_path):
    english = factories.content("en")
    english["options"][1]["steps"].pop()
    assert translation_problems(tmp_path, english) == [
        f"{tmp_path}/en.yaml.options[1] (medicijnen).steps: 1 items here, 2 in nl.yaml: a translation is missing"
    ]


def test_a_missing_translation_of_an_optional_text_is_refused(tmp_path):
    dutch = factories.content("nl")
    dutch["outcomes"][0]["uncertainty"] = "Andere folders noemen een ander getal."
    write(tmp_path, "nl", dutch)
    write(tmp_path, "en", factories.content("en"))
    with pytest.raises(ContentError) as error:
        load_translations(tmp_path)
    assert error.value.problems == [
        f"{tmp_path}/en.yaml.outcomes[0] (medicijnen-werkt).uncertainty: the translation is missing here or in nl.yaml"
    ]


def test_a_figure_that_differs_between_languages_is_refused(tmp_path):
    english = factories.content("en")
    english["outcomes"][0].update(low=80, high=80, positive="80 out of 100 women.", negative="20 out of 100 women.")
    english["comparison"][1]["cells"]["medicijnen"]["text"] = "80 out of 100 women."
    assert translation_problems(tmp_path, english) == [
        f"{tmp_path}/en.yaml.outcomes[0] (medicijnen-werkt).low: 80 here, but 85 in nl.yaml; only texts may differ",
        f"{tmp_path}/en.yaml.outcomes[0] (medicijnen-werkt).high: 80 here, but 85 in nl.yaml; only texts may differ",
    ]


def test_a_file_whose_language_does_not_match_its_name_is_refused(tmp_path):
    write(tmp_path, "en", factories.content("nl"))
    with pytest.raises(ContentError) as error:
        load_translations(tmp_path)
    assert error.value.problems == [f"{tmp_path}/en.yaml.language: 'nl' does not match the file name"]


def test_invalid_yaml_names_the_file(tmp_path):
    (tmp_path / "nl.yaml").write_text("title: [unclosed")
    with pytest.raises(ContentError) as error:
        load_translations(tmp_path)
    assert error.value.problems[0].startswith(f"{tmp_path}/nl.yaml: is not valid YAML")


# --- Safety rules on every text ----------------------------------------------------------

NSAID_DOSE = "Zo nodig neem je er een NSAID bij: naproxen 2 keer per dag 500 mg."


@pytest.mark.parametrize(
    ("language", "caution"),
    [
        ("nl", " Gebruik je bloedverdunners? Vraag dan eerst je arts of apotheker."),
        ("en", " Do you take blood thinners? Then first ask your doctor or pharmacist."),
    ],
)
def test_a_passage_that_doses_an_nsaid_must_carry_the_caution(language, caution):
    content = factories.content(language)
    content["options"][0]["prepare"] = [NSAID_DOSE]
    assert problems_of(content) == [
        "nl.yaml.options[0] (afwachten).prepare[0]: a passage that doses an NSAID must say who asks a doctor or "
        "pharmacist first (blood thinners, a bleeding disorder, ...; Bijsluiter naproxen)"
    ]
    content["options"][0]["prepare"] = [NSAID_DOSE + caution]
    validate(content, "nl.yaml")


def test_the_caution_must_be_in_the_same_passage_as_the_dose():
    content = factories.content()
    content["sections"][0]["body"] = [NSAID_DOSE, "Gebruik je bloedverdunners? Vraag dan eerst je arts of apotheker."]
    assert problems_of(content) == [
        "nl.yaml.sections[0] (hoe-vaak).body[0]: a passage that doses an NSAID must say who asks a doctor or "
        "pharmacist first (blood thinners, a bleeding disorder, ...; Bijsluiter naproxen)"
    ]


def test_an_nsaid_named_without_a_dose_needs_no_caution():
    content = factories.content()
    content["options"][0]["contact"] = ["Je hebt meer pijn dan paracetamol en een NSAID zoals naproxen verhelpen."]
    validate(content, "nl.yaml")


def test_side_effects_with_fever_must_say_to_call_anyway():
    content = factories.content()
    content["options"][1]["cons"][0] = "Je kunt bijwerkingen krijgen, zoals koorts. Die gaan vanzelf over."
    assert problems_of(content) == [
        "nl.yaml.options[1] (medicijnen).cons[0]: a passage that names fever as a side effect must say to call the "
        "hospital anyway with a fever above 38 °C, feeling very ill or dizzy: it may not be a side effect"
    ]
    content["options"][1]["cons"][0] = (
        "Je kunt bijwerkingen krijgen, zoals koorts. Heb je koorts hoger dan 38 °C, voel je je erg ziek of ben je "
        "duizelig? Bel dan toch het ziekenhuis. Het is misschien geen bijwerking."
    )
    validate(content, "nl.yaml")


# --- Alarm signs and flag conditions -----------------------------------------------------


def test_the_alarm_signs_need_exactly_one_banner_and_a_sign_to_call_at_once():
    content = factories.content()
    content["alarm_signs"] = [{"key": "later", "urgency": "office_hours", "text": "Bel later.", "source": "folder"}]
    assert problems_of(content) == [
        "nl.yaml.alarm_signs: exactly one sign must have urgency 'banner' (the short text of every page)",
        "nl.yaml.alarm_signs: at least one sign must have urgency 'at_once'",
    ]


def test_an_alarm_sign_without_source_is_refused():
    content = factories.content()
    del content["alarm_signs"][1]["source"]
    assert problems_of(content) == ["nl.yaml.alarm_signs[1] (bloed).source: is missing"]


def test_a_flag_condition_naming_an_unknown_question_or_choice_is_refused():
    content = factories.content()
    content["flags"][1]["only_if"] = {"weken-zwanger": ["10-tot-12"]}
    content["flags"][1]["unless"] = {"rhesus": ["misschien"]}
    assert problems_of(content) == [
        "nl.yaml.flags[1] (anti-d).only_if.weken-zwanger: unknown situation question 'weken-zwanger'",
        "nl.yaml.flags[1] (anti-d).unless.rhesus: 'misschien' is not a choice of 'rhesus'",
    ]


def test_a_flag_condition_must_map_questions_to_lists_of_choices():
    content = factories.content()
    content["flags"][1]["only_if"] = {"rhesus": "ja"}
    assert problems_of(content) == [
        "nl.yaml.flags[1] (anti-d).only_if: a mapping of situation question keys to lists of their choice keys "
        "is required"
    ]


def test_a_flag_condition_must_be_the_same_in_every_language(tmp_path):
    nl, en = factories.content("nl"), factories.content("en")
    nl["flags"][1]["only_if"] = {"rhesus": ["ja"]}
    for content in (nl, en):
        (tmp_path / f"{content['language']}.yaml").write_text(yaml.safe_dump(content, allow_unicode=True))
    with pytest.raises(ContentError) as error:
        load_translations(tmp_path)
    assert any(".flags[1] (anti-d).only_if: {}" in problem for problem in error.value.problems)


# --- The shipped content ------------------------------------------------------------------


def test_every_chance_of_waiting_longer_than_2_weeks_names_its_reference_group(shipped_content):
    """30 out of 100 take longer than 2 weeks once the bleeding has started (leaflet 001):
    every passage with that figure says so."""

    for language, marks in [
        ("nl", ("30 van de 100", "2 weken", "bloeden", "begonnen")),
        ("en", ("30 out of 100", "2 weeks", "bleeding", "started")),
    ]:
        passages = [
            (place, text)
            for place, text in texts_in(shipped_content[language], AID, language)
            if marks[0] in text and marks[1] in text
        ]
        assert len(passages) >= 5
        for place, text in passages:
            assert marks[2] in text, place
            assert marks[3] in text, place


def test_the_shipped_content_keeps_one_heavy_bleeding_threshold(shipped_content):

    for place, text in texts_in(shipped_content["nl"], AID, "nl"):
        assert "vol maandverband per uur" not in text, place
        assert "38 °C of hoger" not in text, place
