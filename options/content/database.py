"""Content to the database and back: a draft version built from checked content, and
a version exported to the same shape as a file (for a new draft, and for checking a
draft edited in the admin with the file's rules)."""

import json

from django.db.models import Max

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
from .checks import validate
from .normal_form import normalise
from .readable import describe
from .schema import AID, ContentError
from .translations import compare_translations


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
            outcome=outcomes.get(fit["outcome"]),
        )
        for statement, item in zip(statements, content["value_statements"], strict=True)
        for key, fit in item["fit"].items()
    )
    questions = KnowledgeQuestion.objects.bulk_create(
        KnowledgeQuestion(
            aid=aid,
            position=i,
            source=sources[item["source"]],
            outcome=outcomes.get(item["outcome"]),
            **plain(item, "key", "question", "explanation"),
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
    practices = Practice.objects.bulk_create(
        Practice(
            aid=aid,
            position=i,
            option=options.get(item["option"]),
            **plain(item, "key", "title", "without_hospital"),
        )
        for i, item in enumerate(content["practices"])
    )
    PracticeVariant.objects.bulk_create(
        PracticeVariant(
            practice=practice,
            position=i,
            source=sources[variant["source"]],
            is_default=variant["default"],
            **plain(variant, "key", "label", "text"),
        )
        for practice, item in zip(practices, content["practices"], strict=True)
        for i, variant in enumerate(item["variants"])
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
                    fit.option.key: {
                        "match": fit.match,
                        "reason": fit.reason,
                        "source": fit.source.key,
                        "outcome": key_or_none(fit.outcome),
                    }
                    for fit in statement.fits.select_related("option", "source", "outcome")
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
                "outcome": key_or_none(q.outcome),
            }
            for q in aid.knowledge_questions.select_related("source", "outcome").prefetch_related("choices")
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
        "practices": [
            {
                **plain(p, "key", "title", "without_hospital"),
                "option": key_or_none(p.option),
                "variants": [
                    {**plain(v, "key", "label", "text"), "source": v.source.key, "default": v.is_default}
                    for v in p.variants.select_related("source")
                ],
            }
            for p in aid.practices.select_related("option")
        ],
    }
    return json.loads(json.dumps(content, default=str))


LANGUAGE_NAMES = {"nl": "de Nederlandse", "en": "de Engelse"}


def place_of(aid):
    return f"{aid.language}, versie {aid.version}"


def name_of(aid):
    """A version as a problem names it: 'de Engelse versie 3 (gepubliceerd)'."""
    language = LANGUAGE_NAMES.get(aid.language, aid.language)
    return f"{language} versie {aid.version} ({aid.get_status_display()})"


def check_draft(aid, translations=()):
    """Check a draft edited in the admin with the same rules as a file, and against its
    translations (other versions, each in another language) as the import checks the
    files against each other. A ContentError carries `readable`: the problems in Dutch,
    each naming its field (options.content.readable)."""
    content = export(aid)
    prefix = place_of(aid)
    problems = []
    try:
        validate(content, prefix)
    except ContentError as error:
        problems.extend(error.problems)
    if not problems:
        content = normalise(content)
        for other in translations:
            compare_translations(content, normalise(export(other)), AID, prefix, name_of(other), problems)
    if problems:
        error = ContentError(problems)
        error.readable = [describe(problem, content, prefix) for problem in problems]
        raise error
    return content
