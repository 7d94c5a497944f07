"""The content format as data: the fields of every record and the kind of each value
(docs/content-format.md). `Translatable` values may differ between languages; all others
(identifiers, numbers, dates, references) must be the same in every language."""

import datetime
import re

from ..models import (
    AlarmSign,
    Flag,
)

DENOMINATOR = 100


class ContentError(Exception):
    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


# Leaves are small classes; a dict is a record with exactly these keys; a one-item list is
# a list of that record. `Translatable` leaves may differ between languages, all others
# (identifiers, numbers, dates, references) must be the same in every language.


class Leaf:
    optional = False

    def problem(self, value, known):
        """A message if `value` is wrong, else None."""
        raise NotImplementedError


class Translatable(Leaf):
    pass


class Text(Translatable):
    def problem(self, value, known):
        if not isinstance(value, str) or not value.strip():
            return "a text is required"
        return None


class Texts(Translatable):
    def __init__(self, minimum=1):
        self.minimum = minimum

    def problem(self, value, known):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            return "a list of texts is required"
        if any("\n" in v.strip() for v in value):
            return "each item must be a single line"
        if len(value) < self.minimum:
            return f"at least {self.minimum} items are required"
        return None


KEY_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Key(Leaf):
    def problem(self, value, known):
        if not isinstance(value, str) or not KEY_PATTERN.match(value):
            return f"{value!r} is not an identifier (lower case letters, digits and hyphens)"
        return None


class Int(Leaf):
    def __init__(self, minimum, maximum):
        self.minimum, self.maximum = minimum, maximum

    def problem(self, value, known):
        if not isinstance(value, int) or isinstance(value, bool) or not self.minimum <= value <= self.maximum:
            return f"{value!r} is not a whole number from {self.minimum} to {self.maximum}"
        return None


class Bool(Leaf):
    def problem(self, value, known):
        if not isinstance(value, bool):
            return f"{value!r} is not true or false"
        return None


class Date(Leaf):
    def problem(self, value, known):
        # YAML reads a date; exported content holds it as text.
        if isinstance(value, datetime.date):
            return None
        try:
            datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return f"{value!r} is not a date (YYYY-MM-DD)"


class OneOf(Leaf):
    def __init__(self, *values):
        self.values = values

    def problem(self, value, known):
        if value not in self.values:
            return f"{value!r} is not one of {', '.join(map(str, self.values))}"
        return None


class Ref(Leaf):
    """A reference to the key of an item elsewhere in the file (a source, an option, ...)."""

    def __init__(self, collection):
        self.collection = collection

    def problem(self, value, known):
        if value not in known[self.collection]:
            return f"unknown {self.collection[:-1]} {value!r}"
        return None


class Refs(Ref):
    def problem(self, value, known):
        if not isinstance(value, list):
            return f"a list of {self.collection} is required"
        for item in value:
            if problem := super().problem(item, known):
                return problem
        return None


class Optional(Leaf):
    optional = True

    def __init__(self, leaf):
        self.leaf = leaf

    def problem(self, value, known):
        if value not in (None, "") and value != [] and value != {}:
            return self.leaf.problem(value, known)
        return None


class Conditions(Leaf):
    """Conditions on her situation answers: {question key: [choice key, ...]}. Whether
    the keys exist is checked with the situation questions (check_rules)."""

    def problem(self, value, known):
        if not isinstance(value, dict) or not all(
            isinstance(question, str)
            and isinstance(choices, list)
            and choices
            and all(isinstance(choice, str) for choice in choices)
            for question, choices in value.items()
        ):
            return "a mapping of situation question keys to lists of their choice keys is required"
        return None


class PerOption:
    """A mapping with one entry for every option of the aid."""

    def __init__(self, record):
        self.record = record


SOURCE = {"key": Key(), "label": Text(), "title": Text(), "publisher": Text(), "year": Optional(Int(1900, 2100))}
OPTION = {
    "key": Key(),
    "name": Text(),
    "summary": Text(),
    "steps": Texts(),
    "where": Text(),
    "duration": Text(),
    "pain_and_bleeding": Text(),
    "recovery": Text(),
    "pros": Texts(3),
    "cons": Texts(3),
    "prepare": Texts(),
    "contact": Texts(),
    "contact_office_hours": Optional(Texts()),
    "sources": Refs("sources"),
}
OUTCOME = {
    "key": Key(),
    "option": Optional(Ref("options")),
    "label": Text(),
    "reference_group": Text(),
    "time_frame": Text(),
    "low": Int(0, DENOMINATOR),
    "high": Optional(Int(0, DENOMINATOR)),
    "denominator": Int(1, 1_000_000),
    "positive": Text(),
    "negative": Text(),
    "source": Ref("sources"),
    "other_source": Optional(Ref("sources")),
    "uncertainty": Optional(Text()),
}
COMPARISON_ROW = {
    "key": Key(),
    "question": Text(),
    "cells": PerOption({"text": Text(), "outcome": Optional(Ref("outcomes"))}),
}
VALUE_STATEMENT = {
    "key": Key(),
    "text": Text(),
    "fit": PerOption(
        {
            "match": OneOf("fits", "partly", "does_not_fit"),
            "reason": Text(),
            "source": Ref("sources"),
            "outcome": Optional(Ref("outcomes")),
        }
    ),
}
KNOWLEDGE_QUESTION = {
    "key": Key(),
    "question": Text(),
    "choices": [{"key": Key(), "text": Text()}],
    "answer": Key(),
    "explanation": Text(),
    "source": Ref("sources"),
    "outcome": Optional(Ref("outcomes")),
}
SITUATION_QUESTION = {
    "key": Key(),
    "group": OneOf("safety", "situation"),
    "question": Text(),
    "hint": Text(),
    "clinical_label": Text(),
    "choices": [
        {
            "key": Key(),
            "text": Text(),
            "clinical": Text(),
            "flags": Optional(Refs("flags")),
            "outcome": Optional(Ref("outcomes")),
        }
    ],
}
FLAG = {
    "key": Key(),
    "kind": OneOf(*Flag.Kind.values),
    "title": Text(),
    "clinical": Text(),
    "text": Text(),
    "source": Ref("sources"),
    "only_if": Optional(Conditions()),
    "unless": Optional(Conditions()),
}
ALARM_SIGN = {"key": Key(), "urgency": OneOf(*AlarmSign.Urgency.values), "text": Text(), "source": Ref("sources")}
# A hospital's way of working where the sources differ (docs/decisions/0010-local-practices.md):
# each variant is one hospital practice with its source, one of them the default. A
# passage shows it where a line is only its marker (options.models.PRACTICE_MARKER).
PRACTICE_VARIANT = {
    "key": Key(),
    "label": Text(),
    "text": Texts(),
    "source": Ref("sources"),
    "default": Optional(Bool()),
}
PRACTICE = {
    "key": Key(),
    "title": Text(),
    "option": Optional(Ref("options")),
    "without_hospital": Texts(),
    "variants": [PRACTICE_VARIANT],
}
# A line that is only "[werkwijze: <key>]" (options.models.PRACTICE_MARKER) stands for that practice:
# her hospital's variant, or the text for no hospital.
# The lists where a practice may stand: those the pages show through the practices.
PRACTICE_PLACES = {("options", "steps"), ("options", "prepare"), ("sections", "body")}
SECTION = {"key": Key(), "title": Text(), "body": Texts(), "sources": Refs("sources")}
AID = {
    "slug": Key(),
    "language": OneOf("nl", "en"),
    "title": Text(),
    "intro": Texts(),
    "choice_is_yours": Texts(),
    "production_date": Date(),
    "next_review_date": Date(),
    "update_policy": Text(),
    "authors": Texts(),
    "reviewers": Texts(),
    "evidence": Text(),
    "funding": Text(),
    "alarm_signs": [ALARM_SIGN],
    "sources": [SOURCE],
    "options": [OPTION],
    "outcomes": [OUTCOME],
    "comparison": [COMPARISON_ROW],
    "value_statements": [VALUE_STATEMENT],
    "knowledge_questions": [KNOWLEDGE_QUESTION],
    "situation_questions": [SITUATION_QUESTION],
    "flags": [FLAG],
    "sections": [SECTION],
    "practices": [PRACTICE],
}
