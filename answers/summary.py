"""Her answers read against the content of one language: for the check-your-answers page
and for her summary. A question she skipped is None here, never a made-up answer."""

from dataclasses import dataclass, field

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from options.models import Flag, SituationQuestion

from .models import AGREEMENT_CHOICES, IMPORTANT, RATING_CHOICES, REGRET_ITEMS, REGRET_STATEMENTS, UNSURE

# The SURE questions as the doctor reads them, for the ones she answered "nee".
SURE_FACTS = {
    "best_choice": _("zeker van de beste keuze"),
    "knows_benefits_and_risks": _("kent de voor- en nadelen van elke mogelijkheid"),
    "clear_what_matters": _("weet welke voor- en nadelen voor haar het zwaarst wegen"),
    "enough_support": _("heeft genoeg steun en advies"),
}
# Her own questions shown in full in the doctor's box; the rest follow further on.
FIRST_QUESTIONS = 3


@dataclass
class SituationLine:
    question: object
    choice: object  # None: not answered


@dataclass
class RatingLine:
    statement: object
    rating: int | None

    @property
    def is_important(self):
        return self.rating is not None and self.rating >= IMPORTANT

    @property
    def rating_label(self):
        return dict(RATING_CHOICES).get(self.rating)


@dataclass
class OptionFit:
    option: object
    fits: list = field(default_factory=list)  # (statement, fit) pairs
    partly: list = field(default_factory=list)
    does_not_fit: list = field(default_factory=list)

    @property
    def lines(self):
        return self.fits + self.partly + self.does_not_fit


@dataclass
class KnowledgeLine:
    question: object
    chosen: object  # None: not answered
    correct: object

    @property
    def is_correct(self):
        return self.chosen is not None and self.chosen == self.correct


class Summary:
    """Reads the content's parts with `.all()` only: the published version comes with
    every part loaded (options.published); her answers are one value on her record."""

    def __init__(self, record, aid):
        self.record = record
        self.aid = aid
        self.options = list(aid.options.all())
        self.answers = answers = record.answers
        self.safety, self.situation = [], []
        for question in aid.situation_questions.all():
            chosen = next((c for c in question.choices.all() if c.key == answers.situation.get(question.key)), None)
            group = self.safety if question.group == SituationQuestion.Group.SAFETY else self.situation
            group.append(SituationLine(question, chosen))

        self.ratings = [RatingLine(s, answers.ratings.get(s.key)) for s in aid.value_statements.all()]
        self.concerns = answers.concerns
        self.questions = answers.questions

        self.knowledge = []
        for question in aid.knowledge_questions.all():
            choices = list(question.choices.all())
            self.knowledge.append(
                KnowledgeLine(
                    question,
                    next((c for c in choices if c.key == answers.knowledge.get(question.key)), None),
                    next(c for c in choices if c.is_correct),
                )
            )

    def answered_lines(self):
        return [line for line in self.safety + self.situation if line.choice is not None]

    @cached_property
    def flags(self):
        """The flags her answers raise, each once, in the content's order; a flag with
        conditions (anti-D depends on how many weeks she is pregnant) only where they hold."""
        situation = self.answers.situation
        raised = {f.pk: f for line in self.answered_lines() for f in line.choice.flags.all() if f.applies_to(situation)}
        return sorted(raised.values(), key=lambda flag: flag.position)

    @property
    def situation_outcomes(self):
        """Figures that apply to her answers, such as how soon the miscarriage comes once
        the bleeding has started, or the chance of another after earlier miscarriages."""
        return [line.choice.outcome for line in self.answered_lines() if line.choice.outcome]

    @property
    def suits_curettage_better(self):
        return any(flag.kind == Flag.Kind.DISCUSS_CURETTAGE for flag in self.flags)

    @property
    def needs_call_now(self):
        return any(flag.kind == Flag.Kind.CALL_NOW for flag in self.flags)

    def option_fits(self):
        """Per option: which of the statements she finds important it fits, and which not."""
        by_option = {option.pk: OptionFit(option) for option in self.options}
        for line in self.ratings:
            if not line.is_important:
                continue
            for fit in line.statement.fits.all():
                getattr(by_option[fit.option_id], fit.match).append((line.statement, fit))
        return list(by_option.values())

    @property
    def has_ratings(self):
        return any(line.rating is not None for line in self.ratings)

    @property
    def has_important_ratings(self):
        return any(line.is_important for line in self.ratings)

    @property
    def has_decisional_conflict(self):
        return self.answers.has_decisional_conflict

    @property
    def answered_knowledge(self):
        return any(line.chosen is not None for line in self.knowledge)

    @property
    def knowledge_score(self):
        """How many of the knowledge questions she answered right, or None if she answered none."""
        if not self.answered_knowledge:
            return None
        return sum(line.is_correct for line in self.knowledge)

    @property
    def wrong_answers(self):
        return [line for line in self.knowledge if line.chosen is not None and not line.is_correct]

    @property
    def leaning(self):
        """The option she leans to, UNSURE, or None when she did not say."""
        if self.answers.leaning == UNSURE:
            return UNSURE
        return next((o for o in self.options if o.key == self.answers.leaning), None)

    @property
    def leaning_label(self):
        leaning = self.leaning
        if leaning == UNSURE:
            return _("Nog niet zeker")
        return leaning.name if leaning else None

    @property
    def sure_score(self):
        return self.answers.sure_score

    @property
    def sure_doubts(self):
        """What she said "nee" to in the SURE test, in the doctor's words."""
        return [str(SURE_FACTS[item]) for item in self.answers.sure_doubts]

    @property
    def clinical_facts(self):
        """Her situation as the doctor writes it down: (label, fact) in the content's
        order, the fact None where she did not answer. The safety check is left to the
        flags: any "ja" there raises "bel nu"."""
        return [
            (line.question.clinical_label, line.choice.clinical if line.choice else None) for line in self.situation
        ]

    @property
    def first_questions(self):
        return self.questions[:FIRST_QUESTIONS]

    @property
    def later_questions(self):
        return self.questions[FIRST_QUESTIONS:]


@dataclass
class CheckInLine:
    check_in: object
    switched_to: object  # the option's name, "Nee" when she did not switch, None: not answered
    about: object = None  # the DecisionLine it looks back on

    @property
    def regret_answers(self):
        """Each statement of the Decision Regret Scale with her answer (None: skipped)."""
        labels = dict(AGREEMENT_CHOICES)
        return [(REGRET_STATEMENTS[item], labels.get(self.check_in.regret.get(item))) for item in REGRET_ITEMS]


@dataclass
class DecisionLine:
    decision: object
    option_name: str
    check_ins: list  # CheckInLines, newest first


def decision_lines(record, aid):
    """Her decisions after the consultation, newest first, with the options' names in the
    page's language (an option no longer in the content keeps its key)."""
    names = {option.key: option.name for option in aid.options.all()}
    lines = []
    for decision in record.decisions.prefetch_related("check_ins"):
        line = DecisionLine(decision, names.get(decision.option_key, decision.option_key), [])
        line.check_ins = [
            CheckInLine(check_in, switched_name(check_in, names), line) for check_in in decision.check_ins.all()
        ]
        lines.append(line)
    return lines


def switched_name(check_in, names):
    if check_in.switched_to == check_in.NOT_SWITCHED:
        return _("Nee")
    return names.get(check_in.switched_to, check_in.switched_to) or None


def check_in_lines(decisions):
    """All her check-ins, newest first, each with the decision it looks back on: writing
    down a new decision (often the switch her check-in told of) hides none of them."""
    lines = [line for decision in decisions for line in decision.check_ins]
    return sorted(lines, key=lambda line: (line.check_in.recorded_at, line.check_in.pk), reverse=True)
