"""Broken content is refused with a message that names the file and the place."""

import pytest
import yaml

from options.content import ContentError, load_translations, validate
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
