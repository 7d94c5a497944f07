"""Helpers to walk her path with Django's test client."""

from answers.models import Record

STEP_URLS = {
    "safety": "/mijn-keuze/veiligheid/",
    "situation": "/mijn-keuze/situatie/",
    "values": "/mijn-keuze/wat-vind-ik-belangrijk/",
    "knowledge": "/mijn-keuze/kennis/",
    "leaning": "/mijn-keuze/voorkeur/",
    "questions": "/mijn-keuze/vragen/",
    "check": "/mijn-keuze/controleren/",
}

# Answers for the factory content, step by step.
ANSWERS = {
    "safety": {"veel-bloedverlies": "nee"},
    "situation": {"rhesus": "ja", "eerdere-miskramen": "twee"},
    "values": {"thuis": "5", "concern_1": "Ik wil niet alleen zijn."},
    "knowledge": {"werkt": "b"},
    "leaning": {
        "leaning": "medicijnen",
        "sure_best_choice": "ja",
        "sure_knows_benefits_and_risks": "ja",
        "sure_clear_what_matters": "nee",
        "sure_enough_support": "ja",
    },
    "questions": {"question_1": "Mag ik daarna weer werken?", "question_2": "Wie belt mij na 6 weken?"},
}


def save(client, step, data=None):
    return client.post(STEP_URLS[step], {**(ANSWERS[step] if data is None else data), "action": "save"})


def skip(client, step):
    return client.post(STEP_URLS[step], {"action": "skip"})


def walk(client, steps=tuple(ANSWERS)):
    for step in steps:
        response = save(client, step)
        assert response.status_code == 302, (step, response.content.decode()[:2000])
    return Record.objects.latest("pk")
