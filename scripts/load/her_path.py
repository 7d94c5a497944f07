"""Her path through the keuzehulp, and her answers as a browser sends them: shared by the
locustfile (which walks it) and scripts/bench_stack.py (which checks every answer saved).
Imports nothing from locust (whose import patches the standard library for gevent)."""

import random
import re

STEPS = [
    ("safety", "/mijn-keuze/veiligheid/"),
    ("situation", "/mijn-keuze/situatie/"),
    ("values", "/mijn-keuze/wat-vind-ik-belangrijk/"),
    ("knowledge", "/mijn-keuze/kennis/"),
    ("leaning", "/mijn-keuze/voorkeur/"),
    ("questions", "/mijn-keuze/vragen/"),
]
READING = [("start", "/"), ("option", "/opties/medicijnen/"), ("comparison", "/vergelijken/")]
PATH_PAGES = [*STEPS, ("check", "/mijn-keuze/controleren/"), ("summary", "/mijn-keuze/samenvatting/")]
PDF = "/mijn-keuze/samenvatting/pdf/"
CODE = "/mijn-keuze/code/"
MARKER = "BENCHMARK"
BENCH_HOSPITAL = "bench-{:03d}"  # the slugs of the hospitals `make bench` loads
RESUME_CODE = re.compile(r"\b([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})\b")


def her_hospital(hospitals):
    """The slug of the hospital she arrives through, one of `hospitals` at random; None
    for none (then she reads the neutral texts)."""
    return BENCH_HOSPITAL.format(random.randrange(hospitals)) if hospitals else None


def radio_groups(html):
    groups = {}
    for name, value in re.findall(r'<input type="radio"[^>]*name="([^"]+)" value="([^"]+)"', html):
        groups.setdefault(name, []).append(value)
    return groups


def text_areas(html):
    return re.findall(r'<textarea[^>]*name="([^"]+)"', html)


def answers_for(step, html, marker):
    """Every question answered at random (the safety check mostly "nee", as for most
    women); the first two text areas hold a marker, to find her record and to grep logs."""
    answers = {}
    for name, values in radio_groups(html).items():
        calm = step == "safety" and "nee" in values and random.random() < 0.9
        answers[name] = "nee" if calm else random.choice(values)
    for name in text_areas(html)[:2]:
        answers[name] = f"{marker}-{name}"
    return answers


def csrf_token(html):
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return found.group(1) if found else ""


def stored(answers, step, name, value):
    """Whether one submitted field is in her answers (the JSON column
    answers_record.answers, answers.models.RecordAnswers)."""
    if step in ("safety", "situation", "knowledge"):
        return answers["situation" if step != "knowledge" else "knowledge"].get(name) == value
    if step == "values":
        if name.startswith("concern"):
            return value in answers["concerns"]
        return str(answers["ratings"].get(name)) == value
    if step == "leaning":
        if name == "leaning":
            return answers["leaning"] == value
        return answers["sure"].get(name.removeprefix("sure_")) == (value == "ja")
    return value in answers["questions"]
