"""Content in one normal form, so that equal content hashes equally whether it comes
from a file or from the database."""

import hashlib
import json


def stripped(value):
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [stripped(item) for item in value]
    if isinstance(value, dict):
        return {name: stripped(item) for name, item in value.items()}
    return value


def normalise(content):  # noqa: C901 (one setdefault per optional field)
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
    for statement in content["value_statements"]:
        for fit in statement["fit"].values():
            fit.setdefault("outcome", None)
    for question in content["knowledge_questions"]:
        question.setdefault("outcome", None)
    for question in content["situation_questions"]:
        for choice in question["choices"]:
            choice["flags"] = sorted(choice.get("flags") or [])
            choice.setdefault("outcome", None)
    for flag in content["flags"]:
        flag["only_if"] = flag.get("only_if") or {}
        flag["unless"] = flag.get("unless") or {}
    for practice in content["practices"]:
        practice.setdefault("option", None)
        for variant in practice["variants"]:
            variant["default"] = variant.get("default") is True
    return content


def content_hash(content):
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
