"""The steps of her path, in order, and where each one leads. A step cannot be opened
before the ones before it have been answered or skipped."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .summary import Summary


def call_now_first(record, aid):
    """Safety first: whenever her saved answers say she needs help now, she is sent to
    "bel nu", also when she changes an answer on a later visit or skips the step."""
    return "answers:call_now" if Summary(record, aid).needs_call_now else None


def doubt_page(record, aid):
    return "answers:leaning_help" if record.answers.has_decisional_conflict else None


@dataclass(frozen=True)
class Step:
    number: int
    slug: str
    title: str
    # Before anything else: a page her saved answers send her to (URL name), or None.
    check: Callable | None = None
    # After a save (not a skip): the page that says what her answers mean.
    result: str | None = None

    @property
    def url(self):
        return reverse(f"answers:{self.slug}")

    @property
    def previous(self):
        """The step before this one, or None for the first (whose way back is the intro)."""
        return STEPS[self.number - 2] if self.number > 1 else None


STEPS = [
    Step(1, "safety", _("Eerst: gaat het nu goed met je?"), check=call_now_first),
    Step(2, "situation", _("Jouw situatie"), result="answers:situation_result"),
    Step(3, "values", _("Wat vind jij belangrijk?"), result="answers:values_result"),
    Step(4, "knowledge", _("Wat weet je al?"), result="answers:knowledge_result"),
    Step(5, "leaning", _("Waar neig je naar?"), check=doubt_page),
    Step(6, "questions", _("Jouw vragen voor de arts")),
    Step(7, "check", _("Controleer je antwoorden")),
]
BY_SLUG = {step.slug: step for step in STEPS}


def walk_is_complete(record):
    """She has answered or skipped every step that asks something: the last step only
    shows her answers back, and opens once the one before it is done."""
    return record.reached_step >= STEPS[-1].number - 1


def next_step(step):
    return STEPS[step.number] if step.number < len(STEPS) else None


def after(step, record, aid, skipped=False):
    """Where she goes once a step is saved or skipped, decided from `record` as the save
    left it (never from answers read before the save)."""
    special = step.check(record, aid) if step.check else None
    if special:
        return reverse(special)
    if step.result and not skipped:
        return reverse(step.result)
    return next_step(step).url


# What the intro promises: the reading time of a typical walk from the intro to her
# summary, at 150 words a minute, as tests/test_browser_words_per_walk.py measures it
# (`make words`). That test fails when the path grows or shrinks away from this figure.
READING_MINUTES = 16
