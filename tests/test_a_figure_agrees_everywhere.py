"""A figure lives in several places: the outcome, the comparison cell that shows it, a
value statement's reason and a knowledge question. A text that declares which outcome it
cites must state that outcome's figure (or its other side), so changing 15 to 16 in one
place and not in the others is refused by the import and on publish."""

import copy

import pytest

from options import actions
from options.content.checks import validate
from options.content.schema import ContentError
from options.models import ComparisonCell, DecisionAid
from tests import factories


def problems_of(content):
    with pytest.raises(ContentError) as error:
        validate(content, "nl.yaml")
    return error.value.problems


def with_outcome_figure(content, key, low):
    outcome = next(o for o in content["outcomes"] if o["key"] == key)
    outcome.update(
        low=low,
        high=low,
        positive=f"Bij {low} van de 100 vrouwen gebeurt het.",
        negative=f"Bij {100 - low} van de 100 vrouwen gebeurt het niet.",
    )
    return content


def test_a_changed_outcome_with_the_old_figure_in_its_comparison_cell_is_refused():
    content = with_outcome_figure(factories.content(), "medicijnen-werkt", 86)
    content["knowledge_questions"][0]["explanation"] = "Bij 86 van de 100."
    assert problems_of(content) == [
        "nl.yaml.comparison[1] (kans).cells.medicijnen.text: the text cites outcome 'medicijnen-werkt' "
        "with 85 van de 100, but the outcome says 86 van de 100"
    ]


def test_a_cell_may_state_the_other_side_of_the_figure():
    content = factories.content()
    content["comparison"][1]["cells"]["medicijnen"]["text"] = "Bij 15 van de 100 vrouwen werkt het niet."
    validate(content, "nl.yaml")


def test_a_knowledge_question_that_declares_its_outcome_states_it_in_explanation_and_answer():
    content = factories.content()
    content["knowledge_questions"][0]["outcome"] = "medicijnen-werkt"
    validate(copy.deepcopy(content), "nl.yaml")
    content["knowledge_questions"][0]["choices"][0]["text"] = "86 van de 100"
    content["knowledge_questions"][0]["explanation"] = "Bij 86 van de 100."
    assert problems_of(content) == [
        "nl.yaml.knowledge_questions[0] (werkt).explanation: the text cites outcome 'medicijnen-werkt' "
        "with 86 van de 100, but the outcome says 85 van de 100",
        "nl.yaml.knowledge_questions[0] (werkt).choices[0] (a).text: the text cites outcome 'medicijnen-werkt' "
        "with 86 van de 100, but the outcome says 85 van de 100",
    ]


def test_a_value_reason_that_declares_its_outcome_states_it():
    content = factories.content()
    content["value_statements"][0]["fit"]["medicijnen"].update(outcome="medicijnen-werkt", reason="Het werkt vaak.")
    assert problems_of(content) == [
        "nl.yaml.value_statements[0] (thuis).fit.medicijnen.reason: the text cites outcome 'medicijnen-werkt' "
        "with no figure, but the outcome says 85 van de 100"
    ]


def test_other_figures_in_a_text_are_left_alone():
    content = factories.content()
    content["comparison"][1]["cells"]["medicijnen"]["text"] = "Bij 85 van de 100; zonder medicijnen 50 van de 100."
    validate(content, "nl.yaml")


def test_the_shipped_content_declares_the_texts_that_cite_a_figure(shipped_content):
    content = with_outcome_figure(copy.deepcopy(shipped_content["nl"]), "medicijnen-alsnog-curettage", 16)
    places = [problem.split(": ")[0] for problem in problems_of(content)]
    assert places == [
        "nl.yaml.comparison[4] (alsnog-curettage).cells.medicijnen.text",
        "nl.yaml.value_statements[1] (weten-wanneer).fit.medicijnen.reason",
        "nl.yaml.value_statements[2] (geen-operatie).fit.medicijnen.reason",
        "nl.yaml.knowledge_questions[2] (medicijnen-curettage).explanation",
        "nl.yaml.knowledge_questions[2] (medicijnen-curettage).choices[1] (b).text",
    ]


def test_publishing_a_draft_whose_cell_disagrees_with_its_outcome_is_refused_in_dutch(db):
    draft = actions.new_draft(factories.published_aid())
    ComparisonCell.objects.filter(row__aid=draft, outcome__key="medicijnen-werkt").update(
        text="Bij 86 van de 100 vrouwen."
    )
    with pytest.raises(ContentError) as error:
        actions.publish(draft)
    assert [problem.message for problem in error.value.readable] == [
        "Vergelijkingsvraag 'Vraag kans?' – tekst bij Medicijnen: hier staat 86 van de 100, "
        "maar uitkomst 'medicijnen-werkt' zegt 85 van de 100"
    ]
    draft.refresh_from_db()
    assert draft.status == DecisionAid.Status.DRAFT
