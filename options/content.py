"""The decision aid's content as reviewable YAML files: checks, import and export.

The format is described in docs/content-format.md. The same checks run on a YAML file
before import and on a draft edited in the admin before it is published (the draft is
exported to the same shape first), so there is one definition of valid content.
"""

import datetime
import hashlib
import json
import re
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .models import (
    AlarmSign,
    ComparisonCell,
    ComparisonRow,
    DecisionAid,
    Flag,
    InfoSection,
    KnowledgeChoice,
    KnowledgeQuestion,
    Option,
    Outcome,
    SituationChoice,
    SituationQuestion,
    Source,
    ValueStatement,
    ValueStatementFit,
)

DENOMINATOR = 100


class ContentError(Exception):
    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


# --- The schema -------------------------------------------------------------------------
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


KEY_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Key(Leaf):
    def problem(self, value, known):
        if not isinstance(value, str) or not KEY_PATTERN.match(value):
            return f"{value!r} is not an identifier (lower case letters, digits and hyphens)"


class Int(Leaf):
    def __init__(self, minimum, maximum):
        self.minimum, self.maximum = minimum, maximum

    def problem(self, value, known):
        if not isinstance(value, int) or isinstance(value, bool) or not self.minimum <= value <= self.maximum:
            return f"{value!r} is not a whole number from {self.minimum} to {self.maximum}"


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


class Ref(Leaf):
    """A reference to the key of an item elsewhere in the file (a source, an option, ...)."""

    def __init__(self, collection):
        self.collection = collection

    def problem(self, value, known):
        if value not in known[self.collection]:
            return f"unknown {self.collection[:-1]} {value!r}"


class Refs(Ref):
    def problem(self, value, known):
        if not isinstance(value, list):
            return f"a list of {self.collection} is required"
        for item in value:
            if problem := super().problem(item, known):
                return problem


class Optional(Leaf):
    optional = True

    def __init__(self, leaf):
        self.leaf = leaf

    def problem(self, value, known):
        if value not in (None, "") and value != [] and value != {}:
            return self.leaf.problem(value, known)


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
    "fit": PerOption({"match": OneOf("fits", "partly", "does_not_fit"), "reason": Text(), "source": Ref("sources")}),
}
KNOWLEDGE_QUESTION = {
    "key": Key(),
    "question": Text(),
    "choices": [{"key": Key(), "text": Text()}],
    "answer": Key(),
    "explanation": Text(),
    "source": Ref("sources"),
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
}


# --- Checking a file --------------------------------------------------------------------


def item_place(place, index, item):
    key = item.get("key") if isinstance(item, dict) else None
    return f"{place}[{index}]" + (f" ({key})" if isinstance(key, str) else "")


def known_keys(content):
    """The keys that references may point to, read leniently before the full check."""

    def keys(name):
        items = content.get(name)
        if not isinstance(items, list):
            return set()
        return {item.get("key") for item in items if isinstance(item, dict)}

    return {name: keys(name) for name in ("sources", "options", "outcomes", "flags")}


def check_shape(value, spec, place, known, problems):
    if isinstance(spec, Leaf):
        if value is None and not spec.optional:
            problems.append(f"{place}: is missing")
        elif problem := spec.problem(value, known):
            problems.append(f"{place}: {problem}")
    elif isinstance(spec, PerOption):
        if not isinstance(value, dict):
            problems.append(f"{place}: a mapping with one entry per option is required")
            return
        for option in known["options"]:
            if option not in value:
                problems.append(f"{place}: there is no entry for option {option!r}")
        for option, entry in value.items():
            if option not in known["options"]:
                problems.append(f"{place}.{option}: unknown option {option!r}")
            else:
                check_shape(entry, spec.record, f"{place}.{option}", known, problems)
    elif isinstance(spec, list):
        if not isinstance(value, list) or not value:
            problems.append(f"{place}: a non-empty list is required")
            return
        seen = set()
        for index, item in enumerate(value):
            check_shape(item, spec[0], item_place(place, index, item), known, problems)
            key = item.get("key") if isinstance(item, dict) else None
            if key in seen:
                problems.append(f"{item_place(place, index, item)}: the key {key!r} is used twice")
            seen.add(key)
    else:
        if not isinstance(value, dict):
            problems.append(f"{place}: a mapping is required")
            return
        for name in value:
            if name not in spec:
                problems.append(f"{place}.{name}: unknown key {name!r}".replace(": .", ": "))
        for name, field_spec in spec.items():
            check_shape(value.get(name), field_spec, f"{place}.{name}", known, problems)


# A chance written with another denominator than 100 ("7 van de 10", "1 op de 5-6",
# "1 in 3", "2 out of 10") or as a percentage. Rates are shown out of 100 only, so that
# they can be compared at a glance.
OTHER_DENOMINATOR = re.compile(
    r"\b\d+(?:\s*(?:-|–|tot|to)\s*\d+)?\s+(?:van de|op de|op|in|out of|of every)\s+(\d+(?:\s*-\s*\d+)?)\b",
    re.IGNORECASE,
)
PERCENTAGE = re.compile(r"\d\s*%|\bprocent\b|\bper ?cent\b", re.IGNORECASE)


def texts_in(value, spec, place):
    """Every (place, text) of the translatable fields."""
    if isinstance(spec, Text) and isinstance(value, str):
        yield place, value
    elif isinstance(spec, Texts) and isinstance(value, list):
        for index, text in enumerate(value):
            yield f"{place}[{index}]", text
    elif isinstance(spec, PerOption) and isinstance(value, dict):
        for option, entry in value.items():
            yield from texts_in(entry, spec.record, f"{place}.{option}")
    elif isinstance(spec, list) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts_in(item, spec[0], item_place(place, index, item))
    elif isinstance(spec, dict) and isinstance(value, dict):
        for name, field_spec in spec.items():
            yield from texts_in(value.get(name), field_spec, f"{place}.{name}")
    elif isinstance(spec, Optional):
        yield from texts_in(value, spec.leaf, place)


def check_denominators(content, place, problems):
    for text_place, text in texts_in(content, AID, place):
        if not isinstance(text, str):
            continue
        for match in OTHER_DENOMINATOR.finditer(text):
            if match.group(1).replace(" ", "") != str(DENOMINATOR):
                problems.append(
                    f"{text_place}: {match.group(0)!r} uses another denominator than {DENOMINATOR}; "
                    f"write the chance as 'x van de {DENOMINATOR}'"
                )
        if PERCENTAGE.search(text):
            problems.append(f"{text_place}: write chances as 'x van de {DENOMINATOR}', not as a percentage")


def mentions(text, number):
    return isinstance(text, str) and re.search(rf"(?<![\d,.]){number}(?![\d,.]\d|\d)", text) is not None


def check_outcomes(content, place, problems):
    for index, outcome in enumerate(content.get("outcomes") or []):
        if not isinstance(outcome, dict):
            continue
        here = item_place(f"{place}.outcomes", index, outcome)
        if outcome.get("denominator") != DENOMINATOR:
            problems.append(f"{here}.denominator: must be {DENOMINATOR} (one denominator throughout)")
            continue
        low, high = outcome.get("low"), outcome.get("high")
        high = low if high is None else high
        if not isinstance(low, int) or not isinstance(high, int):
            continue
        if high < low:
            problems.append(f"{here}.high: {high} is below low ({low})")
            continue
        for number in sorted({low, high}):
            if not mentions(outcome.get("positive"), number):
                problems.append(f"{here}.positive: must state the figure {number} (van de {DENOMINATOR})")
        for number in sorted({DENOMINATOR - high, DENOMINATOR - low}):
            if not mentions(outcome.get("negative"), number):
                problems.append(
                    f"{here}.negative: must state the other side of the figure, {number} (van de {DENOMINATOR})"
                )
        if outcome.get("other_source") and not outcome.get("uncertainty"):
            problems.append(f"{here}.uncertainty: say what the other source states and that the sources differ")


def check_rules(content, place, problems):
    """The rules that span fields: answers, comparable detail."""
    for index, question in enumerate(content.get("knowledge_questions") or []):
        if not isinstance(question, dict):
            continue
        choices = [c.get("key") for c in question.get("choices") or [] if isinstance(c, dict)]
        if question.get("answer") not in choices:
            here = item_place(f"{place}.knowledge_questions", index, question)
            problems.append(f"{here}.answer: {question.get('answer')!r} is not one of the choices")

    options = [o for o in content.get("options") or [] if isinstance(o, dict)]
    if len(options) < 2:
        problems.append(f"{place}.options: a decision aid needs at least two options")
    for field in ("pros", "cons"):
        counts = {o.get("key"): len(o.get(field) or []) for o in options}
        if counts and max(counts.values()) > 2 * max(1, min(counts.values())):
            problems.append(
                f"{place}.options: the {field} are not given in comparable detail ({counts}); "
                "no option may have more than twice as many as another"
            )


def check_alarm_signs(content, place, problems):
    signs = [s for s in content.get("alarm_signs") or [] if isinstance(s, dict)]
    urgencies = [s.get("urgency") for s in signs]
    if urgencies.count(AlarmSign.Urgency.BANNER) != 1:
        problems.append(
            f"{place}.alarm_signs: exactly one sign must have urgency 'banner' (the short text of every page)"
        )
    if AlarmSign.Urgency.AT_ONCE not in urgencies:
        problems.append(f"{place}.alarm_signs: at least one sign must have urgency 'at_once'")


def check_flag_conditions(content, place, problems):
    """A flag's conditions name situation questions and choices that exist."""
    choices = {
        question.get("key"): {c.get("key") for c in question.get("choices") or [] if isinstance(c, dict)}
        for question in content.get("situation_questions") or []
        if isinstance(question, dict)
    }
    for index, flag in enumerate(content.get("flags") or []):
        if not isinstance(flag, dict):
            continue
        for field in ("only_if", "unless"):
            conditions = flag.get(field)
            if not isinstance(conditions, dict):
                continue
            for question, keys in conditions.items():
                here = f"{item_place(f'{place}.flags', index, flag)}.{field}.{question}"
                if question not in choices:
                    problems.append(f"{here}: unknown situation question {question!r}")
                    continue
                for key in keys if isinstance(keys, list) else []:
                    if key not in choices[question]:
                        problems.append(f"{here}: {key!r} is not a choice of {question!r}")


# Rules of safety that hold for every text, written per language as the words that mark
# them. A passage is one text: a paragraph, a list item, a cell, a flag's text.
NSAID_NAMES = re.compile(r"\b(?:naproxen|ibuprofen|diclofenac)\b", re.IGNORECASE)
DOSE = re.compile(r"\d\s*mg\b", re.IGNORECASE)
CAUTION_WORDS = {
    # Who must ask first before an NSAID (Bijsluiter naproxen): blood thinners; ask a
    # doctor or pharmacist.
    "nsaid": {"nl": [r"\bbloedverdunners?\b", r"\bapotheker\b"], "en": [r"\bblood thinners?\b", r"\bpharmacist\b"]},
    # Side effects that include fever: a fever above 38 °C may not be a side effect; call.
    "side_effects": {
        "nl": [r"\b38\b", r"\bbel\b", r"\bgeen bijwerking\b"],
        "en": [r"\b38\b", r"\bcall\b", r"\bnot (?:be )?a side effect\b"],
    },
}
SIDE_EFFECTS_WITH_FEVER = {
    "nl": [r"\bbijwerking(?:en)?\b", r"\bkoorts\b"],
    "en": [r"\bside effects?\b", r"\bfever\b"],
}


def has_all(text, patterns):
    return all(re.search(pattern, text, re.IGNORECASE) for pattern in patterns)


def check_cautions(content, place, problems):
    language = content.get("language")
    if language not in CAUTION_WORDS["nsaid"]:
        return
    for text_place, text in texts_in(content, AID, place):
        if not isinstance(text, str) or text_place.startswith(f"{place}.sources["):
            continue  # a source's title names a product, it doses nothing
        if NSAID_NAMES.search(text) and DOSE.search(text) and not has_all(text, CAUTION_WORDS["nsaid"][language]):
            problems.append(
                f"{text_place}: a passage that doses an NSAID must say who asks a doctor or pharmacist first "
                "(blood thinners, a bleeding disorder, ...; Bijsluiter naproxen)"
            )
        if has_all(text, SIDE_EFFECTS_WITH_FEVER[language]) and not has_all(
            text, CAUTION_WORDS["side_effects"][language]
        ):
            problems.append(
                f"{text_place}: a passage that names fever as a side effect must say to call the hospital anyway "
                "with a fever above 38 °C, feeling very ill or dizzy: it may not be a side effect"
            )


def validate(content, place):
    """Raise ContentError with every problem in one language's content."""
    problems = []
    if not isinstance(content, dict):
        raise ContentError([f"{place}: the file must hold a mapping of the fields in docs/content-format.md"])
    check_shape(content, AID, place, known_keys(content), problems)
    check_denominators(content, place, problems)
    check_outcomes(content, place, problems)
    check_rules(content, place, problems)
    check_alarm_signs(content, place, problems)
    check_flag_conditions(content, place, problems)
    check_cautions(content, place, problems)
    if problems:
        raise ContentError(problems)


def stripped(value):
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [stripped(item) for item in value]
    if isinstance(value, dict):
        return {name: stripped(item) for name, item in value.items()}
    return value


def normalise(content):
    """The content with every optional field present and references in a fixed order,
    so equal content hashes equally whether it comes from a file or from the database."""
    content = stripped(json.loads(json.dumps(content, default=str)))
    for option in content["options"]:
        option["sources"] = sorted(option["sources"])
        option["contact_office_hours"] = option.get("contact_office_hours") or []
    for section in content["sections"]:
        section["sources"] = sorted(section["sources"])
    for source in content["sources"]:
        source.setdefault("year", None)
    for outcome in content["outcomes"]:
        outcome.setdefault("option", None)
        outcome["high"] = outcome.get("high") if outcome.get("high") is not None else outcome["low"]
        outcome.setdefault("other_source", None)
        outcome["uncertainty"] = outcome.get("uncertainty") or ""
    for row in content["comparison"]:
        for cell in row["cells"].values():
            cell.setdefault("outcome", None)
    for question in content["situation_questions"]:
        for choice in question["choices"]:
            choice["flags"] = sorted(choice.get("flags") or [])
            choice.setdefault("outcome", None)
    for flag in content["flags"]:
        flag["only_if"] = flag.get("only_if") or {}
        flag["unless"] = flag.get("unless") or {}
    return content


def content_hash(content):
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# --- Translations -----------------------------------------------------------------------


def compare_translations(value, other, spec, place, other_name, problems):
    """Everything but the texts must be the same in both languages, and no text may be
    missing in one of them."""
    if isinstance(spec, Optional):
        spec = spec.leaf if isinstance(spec.leaf, Translatable) else spec
    if isinstance(spec, Texts):
        if isinstance(value, list) and isinstance(other, list) and len(value) != len(other):
            problems.append(f"{place}: {len(value)} items here, {len(other)} in {other_name}: a translation is missing")
    elif isinstance(spec, Translatable):
        if bool(value) != bool(other):
            problems.append(f"{place}: the translation is missing here or in {other_name}")
    elif isinstance(spec, Leaf):
        if value != other:
            problems.append(f"{place}: {value!r} here, but {other!r} in {other_name}; only texts may differ")
    elif isinstance(spec, PerOption):
        for option in sorted(set(value) | set(other)):
            compare_translations(
                value.get(option), other.get(option), spec.record, f"{place}.{option}", other_name, problems
            )
    elif isinstance(spec, list):
        keys = [item.get("key") for item in value]
        other_keys = [item.get("key") for item in other]
        for key in keys:
            if key not in other_keys:
                problems.append(f"{place}: {key!r} is missing in {other_name}")
        for key in other_keys:
            if key not in keys:
                problems.append(f"{place}: {key!r} of {other_name} is missing here (no translation)")
        if [k for k in keys if k in other_keys] != [k for k in other_keys if k in keys]:
            problems.append(f"{place}: the order differs from {other_name}")
        by_key = {item.get("key"): item for item in other}
        for index, item in enumerate(value):
            if item.get("key") in by_key:
                compare_translations(
                    item, by_key[item["key"]], spec[0], item_place(place, index, item), other_name, problems
                )
    else:
        for name, field_spec in spec.items():
            if name != "language":
                compare_translations(
                    value.get(name), other.get(name), field_spec, f"{place}.{name}", other_name, problems
                )


# --- Files ------------------------------------------------------------------------------


def load_file(path):
    path = Path(path)
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ContentError([f"{path}: cannot be read ({error.strerror})"]) from error
    except yaml.YAMLError as error:
        raise ContentError([f"{path}: is not valid YAML: {error}"]) from error
    validate(content, str(path))
    if content["language"] != path.stem:
        raise ContentError([f"{path}.language: {content['language']!r} does not match the file name"])
    return normalise(content)


def load_translations(directory):
    """Every language file of one decision aid, checked alone and against each other."""
    directory = Path(directory)
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise ContentError([f"{directory}: holds no content files (*.yaml)"])
    contents, problems = {}, []
    for path in paths:
        try:
            contents[path] = load_file(path)
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    # The other languages are translations of the default one.
    reference = next((p for p in paths if p.stem == settings.LANGUAGE_CODE), paths[0])
    for path in paths:
        if path != reference:
            compare_translations(contents[path], contents[reference], AID, str(path), reference.name, problems)
    if problems:
        raise ContentError(problems)
    return {content["language"]: content for content in contents.values()}


# --- The database -----------------------------------------------------------------------


@transaction.atomic
def import_content(content):
    """Store checked, normalised content as a new published version.

    Returns (aid, created): with the same content as the newest published version in
    that language, no new version is made.
    """
    digest = content_hash(content)
    current = DecisionAid.objects.current(content["slug"], content["language"])
    if current and current.content_hash == digest:
        return current, False
    aid = build(content)
    publish(aid)
    return aid, True


def next_version(slug, language):
    latest = DecisionAid.objects.filter(slug=slug, language=language).aggregate(Max("version"))["version__max"]
    return (latest or 0) + 1


def build(content):
    """Create a draft version from normalised content."""
    aid = DecisionAid.objects.create(
        slug=content["slug"],
        language=content["language"],
        version=next_version(content["slug"], content["language"]),
        **{
            name: content[name]
            for name in (
                "title",
                "intro",
                "choice_is_yours",
                "production_date",
                "next_review_date",
                "update_policy",
                "authors",
                "reviewers",
                "evidence",
                "funding",
            )
        },
    )

    def plain(item, *names):
        return {name: item[name] for name in names}

    sources = {
        s.key: s
        for s in Source.objects.bulk_create(
            Source(aid=aid, position=i, **plain(item, "key", "label", "title", "publisher", "year"))
            for i, item in enumerate(content["sources"])
        )
    }
    AlarmSign.objects.bulk_create(
        AlarmSign(aid=aid, position=i, source=sources[item["source"]], **plain(item, "key", "urgency", "text"))
        for i, item in enumerate(content["alarm_signs"])
    )
    options = {
        o.key: o
        for o in Option.objects.bulk_create(
            Option(
                aid=aid,
                position=i,
                **plain(
                    item,
                    *("key", "name", "summary", "steps", "where", "duration", "pain_and_bleeding", "recovery"),
                    *("pros", "cons", "prepare", "contact", "contact_office_hours"),
                ),
            )
            for i, item in enumerate(content["options"])
        )
    }
    Option.sources.through.objects.bulk_create(
        Option.sources.through(option=options[item["key"]], source=sources[key])
        for item in content["options"]
        for key in item["sources"]
    )
    outcomes = {
        o.key: o
        for o in Outcome.objects.bulk_create(
            Outcome(
                aid=aid,
                position=i,
                option=options.get(item["option"]),
                source=sources[item["source"]],
                other_source=sources.get(item["other_source"]),
                **plain(
                    item,
                    *("key", "label", "reference_group", "time_frame", "low", "high", "denominator"),
                    *("positive", "negative", "uncertainty"),
                ),
            )
            for i, item in enumerate(content["outcomes"])
        )
    }
    rows = ComparisonRow.objects.bulk_create(
        ComparisonRow(aid=aid, position=i, key=item["key"], question=item["question"])
        for i, item in enumerate(content["comparison"])
    )
    ComparisonCell.objects.bulk_create(
        ComparisonCell(row=row, option=options[key], text=cell["text"], outcome=outcomes.get(cell["outcome"]))
        for row, item in zip(rows, content["comparison"], strict=True)
        for key, cell in item["cells"].items()
    )
    statements = ValueStatement.objects.bulk_create(
        ValueStatement(aid=aid, position=i, key=item["key"], text=item["text"])
        for i, item in enumerate(content["value_statements"])
    )
    ValueStatementFit.objects.bulk_create(
        ValueStatementFit(
            statement=statement,
            option=options[key],
            match=fit["match"],
            reason=fit["reason"],
            source=sources[fit["source"]],
        )
        for statement, item in zip(statements, content["value_statements"], strict=True)
        for key, fit in item["fit"].items()
    )
    questions = KnowledgeQuestion.objects.bulk_create(
        KnowledgeQuestion(
            aid=aid, position=i, source=sources[item["source"]], **plain(item, "key", "question", "explanation")
        )
        for i, item in enumerate(content["knowledge_questions"])
    )
    KnowledgeChoice.objects.bulk_create(
        KnowledgeChoice(
            question=question,
            position=i,
            key=choice["key"],
            text=choice["text"],
            is_correct=choice["key"] == item["answer"],
        )
        for question, item in zip(questions, content["knowledge_questions"], strict=True)
        for i, choice in enumerate(item["choices"])
    )
    flags = {
        f.key: f
        for f in Flag.objects.bulk_create(
            Flag(
                aid=aid,
                position=i,
                source=sources[item["source"]],
                **plain(item, "key", "kind", "title", "clinical", "text", "only_if", "unless"),
            )
            for i, item in enumerate(content["flags"])
        )
    }
    situation_questions = SituationQuestion.objects.bulk_create(
        SituationQuestion(aid=aid, position=i, **plain(item, "key", "group", "question", "hint", "clinical_label"))
        for i, item in enumerate(content["situation_questions"])
    )
    choice_items = [
        (
            SituationChoice(
                question=question,
                position=i,
                key=choice["key"],
                text=choice["text"],
                clinical=choice["clinical"],
                outcome=outcomes.get(choice["outcome"]),
            ),
            choice["flags"],
        )
        for question, item in zip(situation_questions, content["situation_questions"], strict=True)
        for i, choice in enumerate(item["choices"])
    ]
    SituationChoice.objects.bulk_create(choice for choice, _ in choice_items)
    SituationChoice.flags.through.objects.bulk_create(
        SituationChoice.flags.through(situationchoice=choice, flag=flags[key])
        for choice, keys in choice_items
        for key in keys
    )
    sections = InfoSection.objects.bulk_create(
        InfoSection(aid=aid, position=i, **plain(item, "key", "title", "body"))
        for i, item in enumerate(content["sections"])
    )
    InfoSection.sources.through.objects.bulk_create(
        InfoSection.sources.through(infosection=section, source=sources[key])
        for section, item in zip(sections, content["sections"], strict=True)
        for key in item["sources"]
    )
    return aid


def export(aid):
    """The version as normalised content: the shape of a YAML file."""

    def plain(obj, *names):
        return {name: getattr(obj, name) for name in names}

    def key_or_none(obj):
        return obj.key if obj is not None else None

    content = {
        **plain(aid, "slug", "language", "title", "intro", "choice_is_yours"),
        **plain(aid, "production_date", "next_review_date", "update_policy", "authors", "reviewers", "evidence"),
        "funding": aid.funding,
        "alarm_signs": [
            {**plain(sign, "key", "urgency", "text"), "source": sign.source.key}
            for sign in aid.alarm_sign_items.select_related("source")
        ],
        "sources": [plain(s, "key", "label", "title", "publisher", "year") for s in aid.sources.all()],
        "options": [
            {
                **plain(o, "key", "name", "summary", "steps", "where", "duration", "pain_and_bleeding", "recovery"),
                **plain(o, "pros", "cons", "prepare", "contact", "contact_office_hours"),
                "sources": [s.key for s in o.sources.order_by("position")],
            }
            for o in aid.options.all()
        ],
        "outcomes": [
            {
                **plain(o, "key", "label", "reference_group", "time_frame", "low", "high", "denominator"),
                **plain(o, "positive", "negative", "uncertainty"),
                "option": key_or_none(o.option),
                "source": o.source.key,
                "other_source": key_or_none(o.other_source),
            }
            for o in aid.outcomes.select_related("option", "source", "other_source")
        ],
        "comparison": [
            {
                "key": row.key,
                "question": row.question,
                "cells": {
                    cell.option.key: {"text": cell.text, "outcome": key_or_none(cell.outcome)}
                    for cell in row.cells.select_related("option", "outcome")
                },
            }
            for row in aid.comparison_rows.all()
        ],
        "value_statements": [
            {
                "key": statement.key,
                "text": statement.text,
                "fit": {
                    fit.option.key: {"match": fit.match, "reason": fit.reason, "source": fit.source.key}
                    for fit in statement.fits.select_related("option", "source")
                },
            }
            for statement in aid.value_statements.all()
        ],
        "knowledge_questions": [
            {
                **plain(q, "key", "question", "explanation"),
                "choices": [plain(c, "key", "text") for c in q.choices.all()],
                "answer": next((c.key for c in q.choices.all() if c.is_correct), None),
                "source": q.source.key,
            }
            for q in aid.knowledge_questions.select_related("source").prefetch_related("choices")
        ],
        "situation_questions": [
            {
                **plain(q, "key", "group", "question", "hint", "clinical_label"),
                "choices": [
                    {
                        **plain(c, "key", "text", "clinical"),
                        "flags": [f.key for f in c.flags.order_by("position")],
                        "outcome": key_or_none(c.outcome),
                    }
                    for c in q.choices.select_related("outcome")
                ],
            }
            for q in aid.situation_questions.prefetch_related("choices")
        ],
        "flags": [
            {**plain(f, "key", "kind", "title", "clinical", "text", "only_if", "unless"), "source": f.source.key}
            for f in aid.flags.select_related("source")
        ],
        "sections": [
            {**plain(s, "key", "title", "body"), "sources": [src.key for src in s.sources.order_by("position")]}
            for s in aid.sections.all()
        ],
    }
    return json.loads(json.dumps(content, default=str))


def check_draft(aid):
    """Check a draft edited in the admin with the same rules as a file."""
    content = export(aid)
    validate(content, f"{aid.language}, versie {aid.version}")
    return normalise(content)


@transaction.atomic
def publish(aid):
    content = check_draft(aid)
    aid.content_hash = content_hash(content)
    aid.status = DecisionAid.Status.PUBLISHED
    aid.published_at = timezone.now()
    aid.save()
    return aid


@transaction.atomic
def new_draft(aid):
    """A draft copy of a version, to edit: the published version itself never changes."""
    return build(export(aid))
