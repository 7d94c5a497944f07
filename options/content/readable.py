"""The loader's problems as a clinician reads them in the admin: in Dutch, naming the field
by its label and the item by its name ("Uitkomst 'Ontsteking van de baarmoeder' – positief")
instead of the file's path (`outcomes[4] (…).positive`), with what is needed to link to it.

A problem is "{place}: {message}", place being "{prefix}.{path}" as the checks write it
(options.content.checks.item_place); the labels are the models' Dutch verbose names."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import (
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
    Practice,
    PracticeVariant,
    SituationChoice,
    SituationQuestion,
    Source,
    ValueStatement,
    ValueStatementFit,
)

# The lists of the content format: the model of their items and the field that names one.
COLLECTIONS = {
    "sources": (Source, "label"),
    "alarm_signs": (AlarmSign, "text"),
    "options": (Option, "name"),
    "outcomes": (Outcome, "label"),
    "comparison": (ComparisonRow, "question"),
    "value_statements": (ValueStatement, "text"),
    "knowledge_questions": (KnowledgeQuestion, "question"),
    "situation_questions": (SituationQuestion, "question"),
    "flags": (Flag, "title"),
    "sections": (InfoSection, "title"),
    "practices": (Practice, "title"),
}
# Lists and mappings inside an item.
NESTED = {
    (KnowledgeQuestion, "choices"): (KnowledgeChoice, "text"),
    (SituationQuestion, "choices"): (SituationChoice, "text"),
    (ComparisonRow, "cells"): ComparisonCell,
    (ValueStatement, "fit"): ValueStatementFit,
    (Practice, "variants"): (PracticeVariant, "label"),
}
# Fields of the file that are not a model field of the same name.
FILE_FIELDS = {
    "answer": "het goede antwoord",
    "choices": "antwoorden",
    "cells": "cellen",
    "fit": "past bij opties",
    "variants": "varianten",
    "default": "standaard",
}

SEGMENT = re.compile(r"^(?P<name>[\w-]+)(?:\[(?P<index>\d+)\](?: \((?P<key>[^)]*)\))?)?$")

# The checks' messages (English, as the file's author reads them) in Dutch.
MESSAGES = [
    (r"is missing", "ontbreekt"),
    (r"a text is required", "een tekst is verplicht"),
    (r"a list of texts is required", "vul minstens één regel in"),
    (r"each item must be a single line", "elk punt moet op één regel"),
    (r"at least (\d+) items are required", "minstens {0} regels zijn nodig"),
    (r"a non-empty list is required", "minstens één is nodig"),
    (r"unknown \w+ '(.*)'", "'{0}' bestaat niet in deze versie"),
    (r"'(.*)' is not one of the choices", "'{0}' is niet een van de antwoorden"),
    (r"there is no entry for option '(.*)'", "er ontbreekt een invulling voor optie '{0}'"),
    (r"must state the figure (\d+) \(van de 100\)", "moet het getal {0} noemen (van de 100)"),
    (
        r"must state the other side of the figure, (\d+) \(van de 100\)",
        "moet de andere kant van het getal noemen: {0} (van de 100)",
    ),
    (r"(\d+) is below low \((\d+)\)", "{0} is lager dan het laagste getal ({1})"),
    (
        r"say what the other source states and that the sources differ",
        "zeg wat de andere bron noemt en dat de bronnen verschillen",
    ),
    (r"must be 100 \(one denominator throughout\)", "moet 100 zijn (overal dezelfde noemer)"),
    (r"'(.*)' uses another denominator than 100.*", "'{0}' gebruikt een andere noemer dan 100: schrijf 'x van de 100'"),
    (r"write chances as 'x van de 100', not as a percentage", "schrijf kansen als 'x van de 100', niet als percentage"),
    (
        r"(\d+) items here, (\d+) in (.+): a translation is missing",
        "{0} regels hier, {1} in {2}: een vertaling ontbreekt",
    ),
    (r"the translation is missing here or in (.+)", "de vertaling ontbreekt hier of in {0}"),
    (
        r"(.+) here, but (.+) in (.+); only texts may differ",
        "hier {0}, maar {1} in {2}; alleen teksten mogen verschillen",
    ),
    (r"'(.*)' is missing in (.+)", "'{0}' ontbreekt in {1}"),
    (r"'(.*)' of (.+) is missing here \(no translation\)", "'{0}' van {1} ontbreekt hier (geen vertaling)"),
    (r"the order differs from (.+)", "de volgorde verschilt van {0}"),
    (
        r"exactly one variant must be the default \((\d+) are\)",
        "precies één variant moet de standaard zijn (nu {0})",
    ),
    (r"the practices stand elsewhere than in (.+)", "de werkwijzen staan op een andere plaats dan in {0}"),
    (
        r"write a practice as '\[werkwijze: <key>\]', alone on its line",
        "schrijf een werkwijze als '[werkwijze: <sleutel>]', alleen op een regel",
    ),
    (
        r"a practice can stand only in .*",
        "een werkwijze kan alleen staan in de stappen of het voorbereiden van een optie, of in de tekst van een "
        "informatieblok",
    ),
    (r"'(.*)' is not true or false", "'{0}' is niet waar of onwaar"),
    (
        r"the (\w+) are not given in comparable detail .*",
        "de opties hebben niet evenveel {0}: geen optie mag er meer dan twee keer zoveel hebben als een andere",
    ),
    (
        r"the text cites outcome '(.*)' with (.+), but the outcome says (.+)",
        "hier staat {1}, maar uitkomst '{0}' zegt {2}",
    ),
]


@dataclass
class Problem:
    """One problem for the admin: a Dutch message, and where it is (for a link)."""

    message: str
    collection: str | None = None
    index: int | None = None
    key: str | None = None
    prefix: str | None = None  # the version's place, as the checks name it
    # Which form field of the item's admin page: the field, and for a list inside the item
    # (choices, cells, fit) that list and the entry's place or option key.
    field: str | None = None
    nested: str | None = None
    nested_index: int | str | None = None


def describe(problem, content, prefix):
    """A Problem in Dutch for one of the checks' problems in `content`."""
    place, separator, message = problem.partition(": ")
    if not separator or not (place == prefix or place.startswith(prefix + ".")):
        return Problem(problem, prefix=prefix)
    path = place[len(prefix) + 1 :]
    labels, located, field = readable_path(path, content)
    dutch = " – ".join(labels)
    text = f"{dutch}: {dutch_message(message)}" if dutch else dutch_message(message)
    return Problem(text, *located, prefix=prefix, **field)


def dutch_message(message):
    for pattern, dutch in MESSAGES:
        if match := re.fullmatch(pattern, message, re.DOTALL):
            return dutch.format(*match.groups())
    return message.replace("no figure", "geen getal")


def label(model, name):
    if name in FILE_FIELDS:
        return FILE_FIELDS[name]
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a name the model does not know: show it as it is in the file
        return name


def item_name(model, name_field, item, index):
    name = item.get(name_field) if isinstance(item, dict) else None
    if isinstance(name, str) and name.strip():
        shown = name.strip() if len(name) <= 60 else name.strip()[:57] + "…"
        return f"{str(model._meta.verbose_name).capitalize()} '{shown}'"
    return f"{str(model._meta.verbose_name).capitalize()} {index + 1}"


def option_name(content, key):
    for option in content.get("options") or []:
        if isinstance(option, dict) and option.get("key") == key:
            return option.get("name") or key
    return key


def readable_path(path, content):
    """The Dutch labels of a path's parts, (collection, index, key) of its top item, and
    which form field it is ({field, nested, nested_index}, for Problem)."""
    labels, located = [], (None, None, None)
    field_of = {"field": None, "nested": None, "nested_index": None}
    model, value = DecisionAid, content
    per_option, option = False, None
    for number, segment in enumerate(path.split(".")):
        match = SEGMENT.match(segment)
        if match is None:
            labels.append(segment)
            continue
        name, index, key = match["name"], match["index"], match["key"]
        index = int(index) if index is not None else None
        nested = NESTED.get((model, name))
        if number == 0 and name in COLLECTIONS and index is not None:
            model, name_field = COLLECTIONS[name]
            value = value.get(name, []) if isinstance(value, dict) else []
            item = value[index] if index < len(value) else {}
            labels.append(item_name(model, name_field, item, index))
            located, value = (name, index, key), item
        elif isinstance(nested, tuple) and index is not None:
            model, name_field = nested
            items = value.get(name, []) if isinstance(value, dict) else []
            item = items[index] if index < len(items) else {}
            labels.append(item_name(model, name_field, item, index))
            value = item
            if field_of["nested"] is None:
                field_of.update(nested=name, nested_index=index)
        elif nested is not None and index is None:
            # A mapping per option ("cells", "fit"): the next segment is the option's key.
            model, value, per_option = nested, value.get(name) if isinstance(value, dict) else None, True
            field_of["nested"] = field_of["nested"] or name
            labels.append(label(DecisionAid, name))
        elif per_option and isinstance(value, dict) and name in value:
            labels[-1] = _("bij %(option)s") % {"option": option_name(content, name)}
            value, per_option, option = value.get(name), False, labels.pop()
            if field_of["nested_index"] is None:
                field_of["nested_index"] = name
        else:
            if field_of["field"] is None:
                field_of["field"] = name
            field = label(model, name)
            if index is not None:
                field = _("%(field)s, regel %(line)s") % {"field": field, "line": index + 1}
            if option:
                field, option = f"{field} {option}", None
            labels.append(field)
            value = value.get(name) if isinstance(value, dict) else None
    return labels, located, field_of
