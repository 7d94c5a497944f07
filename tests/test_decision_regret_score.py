"""The Decision Regret Scale scored as its user manual says (Ottawa Hospital Research
Institute; Brehaut 2003): answers 1 (strongly agree) to 5 (strongly disagree); items 2
("I regret the choice that was made") and 4 ("The choice did me a lot of harm") reversed;
each made 0 to 4, times 25, averaged. 0 is no regret, 100 much regret."""

import pytest

from answers.models import REGRET_ITEMS, regret_score


def answers(*values):
    return dict(zip(REGRET_ITEMS, values, strict=True))


@pytest.mark.parametrize(
    ("values", "score"),
    [
        ((1, 5, 1, 5, 1), 0),  # right, wise, same again; no regret, no harm
        ((5, 1, 5, 1, 5), 100),  # the opposite of each
        ((1, 1, 1, 1, 1), 40),  # "strongly agree" to all: items 2 and 4 say regret and harm
        ((5, 5, 5, 5, 5), 60),
        ((3, 3, 3, 3, 3), 50),
        ((2, 4, 2, 4, 2), 25),
        ((1, 5, 1, 5, 2), 5),
        ((5, 5, 1, 5, 1), 20),
    ],
)
def test_known_answers_give_known_scores(values, score):
    assert regret_score(answers(*values)) == score


def test_no_score_unless_all_five_are_answered():
    assert regret_score({"right_decision": 1, "regrets_choice": 5, "same_again": 1, "did_harm": 5}) is None
    assert regret_score({}) is None
