"""Small builders of test data."""

import copy
import datetime

from options.actions import import_content
from options.content.normal_form import normalise

OPTION_KEYS = ("afwachten", "medicijnen", "curettage")


def option(key, **overrides):
    return {
        "key": key,
        "name": key.capitalize(),
        "summary": f"Samenvatting van {key}.",
        "steps": ["Eerste stap.", "Tweede stap."],
        "where": "Thuis.",
        "duration": "Een paar dagen.",
        "pain_and_bleeding": "Pijn als bij een menstruatie.",
        "recovery": "Snel.",
        "pros": ["Voordeel een.", "Voordeel twee.", "Voordeel drie."],
        "cons": ["Nadeel een.", "Nadeel twee.", "Nadeel drie."],
        "prepare": ["Maandverband."],
        "contact": ["Bij koorts."],
        "sources": ["folder"],
        **overrides,
    }


def outcome(key, low, high=None, option="medicijnen", **overrides):
    high = low if high is None else high
    figure = f"{low} tot {high}" if high != low else f"{low}"
    rest = f"{100 - high} tot {100 - low}" if high != low else f"{100 - high}"
    return {
        "key": key,
        "option": option,
        "label": f"Uitkomst {key}",
        "reference_group": "vrouwen die kiezen voor medicijnen",
        "time_frame": "binnen 2 dagen",
        "low": low,
        "high": high,
        "denominator": 100,
        "positive": f"Bij {figure} van de 100 vrouwen gebeurt het.",
        "negative": f"Bij {rest} van de 100 vrouwen gebeurt het niet.",
        "source": "folder",
        **overrides,
    }


def comparison_row(key, outcome_key=None, figure=None):
    """A row; with an outcome, the medicijnen cell shows it and states its figure."""
    cells = {k: {"text": f"{key} bij {k}."} for k in OPTION_KEYS}
    if outcome_key:
        cells["medicijnen"] = {"text": f"Bij {figure} van de 100 vrouwen.", "outcome": outcome_key}
    return {"key": key, "question": f"Vraag {key}?", "cells": cells}


def value_statement(key):
    return {
        "key": key,
        "text": f"Uitspraak {key}.",
        "fit": {k: {"match": "fits", "reason": "Omdat.", "source": "folder"} for k in OPTION_KEYS},
    }


def practice(key="schema", **overrides):
    """A practice where hospitals differ: the default variant and another, each sourced."""
    return {
        "key": key,
        "title": "Wanneer gaan de tabletten in?",
        "option": "medicijnen",
        "without_hospital": ["Ziekenhuizen doen dit verschillend. Het eigen ziekenhuis zegt hoe het daar gaat."],
        "variants": [
            {
                "key": "na-een-dag",
                "label": "Na een dag",
                "text": ["Een dag later gaan de tabletten in."],
                "source": "folder",
                "default": True,
            },
            {
                "key": "na-anderhalve-dag",
                "label": "Na anderhalve dag",
                "text": ["Anderhalve dag later gaan de tabletten in."],
                "source": "andere",
            },
        ],
        **overrides,
    }


def content(language="nl", **overrides):
    """A small, valid decision aid in the shape of a content file."""
    data = {
        "slug": "miskraam",
        "language": language,
        "title": "Keuzehulp miskraam",
        "intro": ["Voor wie deze keuzehulp is."],
        "choice_is_yours": ["Jij kiest. Alle mogelijkheden zijn veilig."],
        "production_date": datetime.date(2026, 11, 23),
        "next_review_date": datetime.date(2027, 11, 23),
        "update_policy": "Elk jaar.",
        "authors": ["Het team."],
        "reviewers": ["Een gynaecoloog, klinisch beoordelaar."],
        "evidence": "Uit folders.",
        "funding": "Geen.",
        "alarm_signs": [
            {"key": "kort", "urgency": "banner", "text": "Veel bloed of koorts? Bel nu.", "source": "folder"},
            {"key": "bloed", "urgency": "at_once", "text": "Veel bloedverlies.", "source": "folder"},
        ],
        "sources": [
            {"key": "folder", "label": "Folder", "title": "Een folder", "publisher": "Een ziekenhuis", "year": None},
            {"key": "andere", "label": "Andere folder", "title": "Nog een", "publisher": "Elders"},
        ],
        "options": [option(key) for key in OPTION_KEYS],
        "outcomes": [outcome("medicijnen-werkt", 85), outcome("spoed", 1, 2, option="afwachten")],
        "comparison": [comparison_row("waar"), comparison_row("kans", "medicijnen-werkt", 85)],
        "value_statements": [value_statement("thuis")],
        "knowledge_questions": [
            {
                "key": "werkt",
                "question": "Hoe vaak werkt het?",
                "choices": [{"key": "a", "text": "85 van de 100"}, {"key": "b", "text": "50 van de 100"}],
                "answer": "a",
                "explanation": "Bij 85 van de 100.",
                "source": "folder",
            }
        ],
        "situation_questions": [
            {
                "key": "veel-bloedverlies",
                "group": "safety",
                "question": "Verlies je nu veel bloed?",
                "hint": "Een paar keer per uur een dik verband vol.",
                "clinical_label": "Nu veel bloedverlies",
                "choices": [
                    {"key": "ja", "text": "Ja", "clinical": "ja", "flags": ["bel-nu"]},
                    {"key": "nee", "text": "Nee", "clinical": "nee"},
                ],
            },
            {
                "key": "eerdere-miskramen",
                "group": "situation",
                "question": "Hoe vaak had je al een miskraam?",
                "hint": "Na 2 of meer is er meer informatie.",
                "clinical_label": "Eerdere miskramen",
                "choices": [
                    {"key": "geen", "text": "Nooit", "clinical": "0"},
                    {"key": "twee", "text": "2 keer", "clinical": "2", "flags": ["herhaalde-miskraam"]},
                ],
            },
            {
                "key": "rhesus",
                "group": "situation",
                "question": "Rhesus negatief?",
                "hint": "Voor anti-D.",
                "clinical_label": "Rhesus",
                "choices": [
                    {"key": "ja", "text": "Ja", "clinical": "negatief", "flags": ["anti-d"]},
                    {"key": "nee", "text": "Nee", "clinical": "positief"},
                ],
            },
        ],
        "flags": [
            {
                "key": "bel-nu",
                "kind": "call_now",
                "title": "Bel nu",
                "clinical": "Alarmsymptoom",
                "text": "Bel nu het ziekenhuis.",
                "source": "folder",
            },
            {
                "key": "anti-d",
                "kind": "anti_d",
                "title": "Anti-D",
                "clinical": "Anti-D",
                "text": "Bespreek anti-D.",
                "source": "folder",
            },
            {
                "key": "herhaalde-miskraam",
                "kind": "recurrence",
                "title": "Herhaalde miskraam",
                "clinical": "Herhaalde miskraam",
                "text": "Na 2 miskramen is de kans op nog een miskraam ongeveer 25 van de 100.",
                "source": "folder",
            },
        ],
        "sections": [{"key": "hoe-vaak", "title": "Hoe vaak?", "body": ["Vaak."], "sources": ["folder"]}],
        "practices": [practice()],
    }
    data.update(overrides)
    return copy.deepcopy(data)


def published_aid(language="nl", **overrides):
    aid, _ = import_content(normalise(content(language, **overrides)))
    return aid


def hospital(slug="noord", **overrides):
    """A live hospital with its own numbers (a real hospital's numbers are tel: links)."""
    from hospitals.models import Hospital

    fields = {
        "name": f"Ziekenhuis {slug.capitalize()}",
        "phone_office_hours": "050 123 45 67",
        "phone_24h": "050 123 45 00",
        "is_live": True,
        **overrides,
    }
    return Hospital.objects.create(slug=slug, **fields)


def staff_member(username, role="gynaecoloog, Ziekenhuis Noord", groups=(), **account):
    """A staff account with the name and role an approval shows (empty role: none kept)."""
    from django.contrib.auth.models import Group, User

    from options.models import StaffProfile

    account = {"is_staff": True, "first_name": "A.", "last_name": username.capitalize(), **account}
    user = User.objects.create_user(username, password="een-lang-wachtwoord", **account)
    user.groups.set(Group.objects.filter(name__in=groups))
    if role:
        StaffProfile.objects.create(user=user, role=role)
    return user
