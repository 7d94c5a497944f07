"""The loader's checks of one language's content: its shape against the schema, one
denominator, both framings of every figure, and the safety rules (an NSAID dose carries
its caution, a side effect that is also an alarm sign says to call). Problems are
collected and raised together, each with its place."""

import re

from ..models import (
    PRACTICE_MARKER,
    AlarmSign,
)
from .schema import (
    AID,
    DENOMINATOR,
    PRACTICE_PLACES,
    ContentError,
    Leaf,
    Optional,
    PerOption,
    Text,
    Texts,
)


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

    return {name: keys(name) for name in ("sources", "options", "outcomes", "flags", "practices")}


def check_shape(value, spec, place, known, problems):
    """Every problem of `value` against its `spec`, each with its place."""
    if isinstance(spec, Leaf):
        check_leaf(value, spec, place, known, problems)
    elif isinstance(spec, PerOption):
        check_per_option(value, spec, place, known, problems)
    elif isinstance(spec, list):
        check_list(value, spec[0], place, known, problems)
    else:
        check_record(value, spec, place, known, problems)


def check_leaf(value, spec, place, known, problems):
    if value is None and not spec.optional:
        problems.append(f"{place}: is missing")
    elif problem := spec.problem(value, known):
        problems.append(f"{place}: {problem}")


def check_per_option(value, spec, place, known, problems):
    if not isinstance(value, dict):
        problems.append(f"{place}: a mapping with one entry per option is required")
        return
    problems.extend(f"{place}: there is no entry for option {o!r}" for o in known["options"] if o not in value)
    for option, entry in value.items():
        if option not in known["options"]:
            problems.append(f"{place}.{option}: unknown option {option!r}")
        else:
            check_shape(entry, spec.record, f"{place}.{option}", known, problems)


def check_list(value, item_spec, place, known, problems):
    if not isinstance(value, list) or not value:
        problems.append(f"{place}: a non-empty list is required")
        return
    seen = set()
    for index, item in enumerate(value):
        check_shape(item, item_spec, item_place(place, index, item), known, problems)
        key = item.get("key") if isinstance(item, dict) else None
        if key in seen:
            problems.append(f"{item_place(place, index, item)}: the key {key!r} is used twice")
        seen.add(key)


def check_record(value, spec, place, known, problems):
    if not isinstance(value, dict):
        problems.append(f"{place}: a mapping is required")
        return
    problems.extend(f"{place}.{name}: unknown key {name!r}".replace(": .", ": ") for name in value if name not in spec)
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


# A chance as a text states it: "85 van de 100", "1 tot 2 van de 100", "1 to 2 out of 100".
CITED_FIGURE = re.compile(
    rf"(?<![\d,.])(\d+)(?:\s*(?:-|–|tot|to)\s*(\d+))?\s+(?:van de|out of)\s+{DENOMINATOR}\b", re.IGNORECASE
)


def cited_figures(text):
    """The numbers a text states as 'x van de 100' (both ends of a range)."""
    return {int(n) for match in CITED_FIGURE.finditer(text) for n in match.groups() if n is not None}


def figure_of(outcome):
    """The outcome's figure both ways: ({low, high}, {100 - high, 100 - low}), or None."""
    low, high = outcome.get("low"), outcome.get("high")
    high = low if high is None else high
    if not isinstance(low, int) or not isinstance(high, int):
        return None
    return {low, high}, {DENOMINATOR - high, DENOMINATOR - low}


def shown(numbers, joiner=" tot "):
    return joiner.join(str(n) for n in sorted(numbers)) + f" van de {DENOMINATOR}"


def texts_citing_outcomes(content, place):
    """(place, text, outcome key) of every text that declares which outcome it cites: a
    comparison cell with `outcome`, a value statement's fit with `outcome` (its reason),
    a knowledge question with `outcome` (its explanation, and its right answer when that
    states a figure)."""
    for index, row in enumerate(content.get("comparison") or []):
        cells = row.get("cells") if isinstance(row, dict) else None
        for option, cell in (cells or {}).items() if isinstance(cells, dict) else ():
            if isinstance(cell, dict) and cell.get("outcome"):
                yield (
                    f"{item_place(f'{place}.comparison', index, row)}.cells.{option}.text",
                    cell.get("text"),
                    cell["outcome"],
                )
    for index, statement in enumerate(content.get("value_statements") or []):
        fits = statement.get("fit") if isinstance(statement, dict) else None
        for option, fit in (fits or {}).items() if isinstance(fits, dict) else ():
            if isinstance(fit, dict) and fit.get("outcome"):
                here = f"{item_place(f'{place}.value_statements', index, statement)}.fit.{option}.reason"
                yield here, fit.get("reason"), fit["outcome"]
    for index, question in enumerate(content.get("knowledge_questions") or []):
        if not isinstance(question, dict) or not question.get("outcome"):
            continue
        here = item_place(f"{place}.knowledge_questions", index, question)
        yield f"{here}.explanation", question.get("explanation"), question["outcome"]
        for number, choice in enumerate(question.get("choices") or []):
            text = choice.get("text") if isinstance(choice, dict) else None
            if choice.get("key") == question.get("answer") and isinstance(text, str) and cited_figures(text):
                yield f"{item_place(f'{here}.choices', number, choice)}.text", text, question["outcome"]


def check_cited_figures(content, place, problems):
    """A figure lives in several places; a text that cites an outcome states that
    outcome's figure (or its other side, 100 minus it), so that changing 15 to 16 in one
    place and not in another is caught."""
    outcomes = {o.get("key"): o for o in content.get("outcomes") or [] if isinstance(o, dict)}
    for here, text, key in texts_citing_outcomes(content, place):
        outcome = outcomes.get(key)
        figure = figure_of(outcome) if outcome else None
        if figure is None or not isinstance(text, str):
            continue
        cited = cited_figures(text)
        if not any(side <= cited for side in figure):
            stated = shown(cited, " en ") if cited else "no figure"
            problems.append(
                f"{here}: the text cites outcome {key!r} with {stated}, but the outcome says {shown(figure[0])}"
            )


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


def check_practices(content, place, problems):
    """Every practice has exactly one default variant: what a hospital shows until it
    picks one."""
    for index, practice in enumerate(content.get("practices") or []):
        if not isinstance(practice, dict) or not isinstance(practice.get("variants"), list):
            continue
        defaults = [v for v in practice["variants"] if isinstance(v, dict) and v.get("default") is True]
        if len(defaults) != 1:
            problems.append(
                f"{item_place(f'{place}.practices', index, practice)}.variants: "
                f"exactly one variant must be the default ({len(defaults)} are)"
            )


def practice_markers(lines):
    """(line number, practice key) of each line that stands for a practice."""
    if not isinstance(lines, list):
        return []
    return [
        (number, match.group(1))
        for number, line in enumerate(lines)
        if isinstance(line, str) and (match := PRACTICE_MARKER.match(line.strip()))
    ]


def check_practice_markers(content, place, problems):
    """A practice stands only where the pages show it (an option's steps or what to
    prepare, a section's text), and only a practice of this content."""
    known = known_keys(content)["practices"]
    for text_place, text in texts_in(content, AID, place):
        if not isinstance(text, str) or not text.strip().startswith("[werkwijze"):
            continue
        match = PRACTICE_MARKER.match(text.strip())
        path = text_place[len(place) + 1 :]
        collection, _, rest = path.partition("[")
        field = rest.partition(".")[2].partition("[")[0]
        if match is None:
            problems.append(f"{text_place}: write a practice as '[werkwijze: <key>]', alone on its line")
        elif (collection, field) not in PRACTICE_PLACES:
            problems.append(
                f"{text_place}: a practice can stand only in an option's steps or prepare, or a section's body"
            )
        elif match.group(1) not in known:
            problems.append(f"{text_place}: unknown practice {match.group(1)!r}")


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
    check_cited_figures(content, place, problems)
    check_practices(content, place, problems)
    check_practice_markers(content, place, problems)
    if problems:
        raise ContentError(problems)
