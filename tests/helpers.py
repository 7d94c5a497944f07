"""What many tests share: her path walked with the test client (on factory content or on
the shipped content), the pages, and the text of a page or a PDF as she reads it."""

import datetime
import html
import importlib
import io
import re
from html.parser import HTMLParser

from django.contrib.auth.models import User
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from answers.models import Record
from tests import factories

STEP_URLS = {
    "safety": "/mijn-keuze/veiligheid/",
    "situation": "/mijn-keuze/situatie/",
    "values": "/mijn-keuze/wat-vind-ik-belangrijk/",
    "knowledge": "/mijn-keuze/kennis/",
    "leaning": "/mijn-keuze/voorkeur/",
    "questions": "/mijn-keuze/vragen/",
    "check": "/mijn-keuze/controleren/",
}
PDF_URL = "/mijn-keuze/samenvatting/pdf/"

# Answers for the factory content (tests/factories.py), step by step.
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


def save(client, step, data=None, **request_options):
    data = ANSWERS[step] if data is None else data
    return client.post(STEP_URLS[step], {**data, "action": "save"}, **request_options)


def skip(client, step):
    return client.post(STEP_URLS[step], {"action": "skip"})


def walk(client, steps=tuple(ANSWERS), **request_options):
    for step in steps:
        response = save(client, step, **request_options)
        assert response.status_code == 302, (step, response.content.decode()[:2000])
    return Record.objects.latest("pk")


# Answers for the shipped content (content/miskraam), step by step.
WALK = {
    "safety": {},
    "situation": {"rhesus": "ja", "eerdere-miskramen": "twee"},
    "values": {"thuis": "5", "geen-operatie": "4", "snel-voorbij": "1", "concern_1": "Ik ben bang voor veel bloed."},
    "knowledge": {"medicijnen-werkt": "a", "afwachten-veilig": "c"},
    "leaning": {
        "leaning": "medicijnen",
        "sure_best_choice": "nee",
        "sure_knows_benefits_and_risks": "ja",
        "sure_clear_what_matters": "ja",
        "sure_enough_support": "ja",
    },
    "questions": {"question_1": "Mag ik daarna weer sporten?", "question_2": "Wie belt mij na 6 weken?"},
}


def walk_shipped(client, steps=WALK, prefix="", **request_options):
    for step, data in steps.items():
        response = client.post(prefix + STEP_URLS[step], {**data, "action": "save"}, **request_options)
        assert response.status_code == 302, (step, response.content.decode()[:3000])


def pdf_of(client, url=PDF_URL):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


PAGES = [
    ("options:start", {}),
    ("options:option", {"key": "afwachten"}),
    ("options:option", {"key": "medicijnen"}),
    ("options:option", {"key": "curettage"}),
    ("options:comparison", {}),
    ("options:background", {}),
    ("options:about", {}),
]


CLINICIAN_PASSWORD = "een-lang-wachtwoord"


def share_code_of(patient):
    """A new share code for the patient whose client this is (her path walked)."""
    response = patient.post("/mijn-keuze/delen/", {"action": "create"})
    assert response.status_code == 200
    return response.context["share"]["code"]


def hospital_role(name):
    """One of the hospital groups that ship with the app; made again as its migration makes
    it after a test with a live server, whose tables are emptied afterwards."""
    from django.contrib.auth.models import Group, Permission

    shipped = importlib.import_module("hospitals.migrations.0005_hospital_roles")
    figures = importlib.import_module("figures.migrations.0002_figures_roles")
    group, made = Group.objects.get_or_create(name=name)
    if made:
        rights = Permission.objects.filter(content_type__app_label="hospitals", codename__in=shipped.ROLES[name])
        group.permissions.set(rights)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="figures", codename__in=figures.ROLES.get(name, []))
        )
    return group


def member(username, hospitals, group, **account):
    """A staff account in one of the groups that ship with the app, working for the hospitals."""
    from hospitals.models import Membership

    user = User.objects.create_user(username, password=CLINICIAN_PASSWORD, **{"is_staff": True, **account})
    user.groups.add(hospital_role(group))
    Membership.objects.bulk_create(Membership(user=user, hospital=hospital) for hospital in hospitals)
    return user


def clinician(username="arts", hospitals=None, **account):
    """A clinician of the hospitals (by default the one her patients arrive through, see
    `arrive`)."""
    return member(username, hospitals or [patients_hospital()], CLINICIAN_GROUP, **account)


def clinician_client(username="arts", hospitals=None, **account):
    """A client logged in as a clinician of the hospitals."""
    client = Client()
    client.force_login(clinician(username, hospitals, **account))
    return client


CLINICIAN_GROUP = "Ziekenhuis: arts"
EDITOR_GROUP = "Ziekenhuis: redacteur"
PATIENTS_HOSPITAL = "noord"


def patients_hospital():
    from hospitals.models import Hospital

    hospital = Hospital.objects.filter(slug=PATIENTS_HOSPITAL).first()
    return hospital or factories.hospital(PATIENTS_HOSPITAL)


def arrive(client, hospital=None):
    """She comes in through her hospital's address (its QR code): the hospital is kept on
    her record, so that its clinicians can open her share code."""
    hospital = hospital or patients_hospital()
    assert client.get(f"/ziekenhuis/{hospital.slug}/").status_code == 302
    return client


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def text_of(response):
    """A page's text as she reads it: without tags, with entities resolved, white space
    folded."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def kept_pdf(response, name, artefact, language="nl"):
    """A PDF she downloaded: its file name says what, today's date and the language; kept
    in test-artefacts/ to look at. Its number of pages."""
    from django.utils import timezone

    from tests.browser import ARTEFACTS

    filename = f"{name}-{timezone.localdate().isoformat()}-{language}.pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    ARTEFACTS.mkdir(exist_ok=True)
    (ARTEFACTS / artefact).write_bytes(response.content)
    return len(PdfReader(io.BytesIO(response.content)).pages)


def text_of_pdf(content):
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


class FormReader(HTMLParser):
    """What a browser would send for the page's form as it is: its inputs, text areas and
    chosen options (unchecked boxes and buttons send nothing)."""

    def __init__(self):
        super().__init__()
        self.data, self.textarea, self.select = [], None, None

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        name = attributes.get("name")
        if tag == "input" and name and attributes.get("type") not in ("submit", "button", "image"):
            box = attributes.get("type") in ("checkbox", "radio")
            if not box or "checked" in attributes:
                self.data.append((name, attributes.get("value", "on" if box else "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attributes:
            self.data.append((self.select, attributes.get("value", "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            # A browser drops the one newline that follows <textarea>.
            name, text = self.textarea
            self.data.append((name, text[1:] if text.startswith("\n") else text))
            self.textarea = None
        elif tag == "select":
            self.select = None


def form_data(response, **changes):
    """The page's form as a browser would post it unchanged, with `changes` made: a dict
    of lists (as QueryDict), so that repeated names (checkboxes) are kept."""
    reader = FormReader()
    reader.feed(response.content.decode())  # the parser resolves entities
    data = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    for name, value in changes.items():
        data[name] = [value]
    return data


DECISION_URL = "/mijn-keuze/besluit/"
CHECK_IN_URL = "/mijn-keuze/besluit/terugblik/"
# A check-in with every question answered: medication went as expected, no regret at all
# (each statement answered the way that means none).
CHECK_IN = {
    "went_as_expected": "ja",
    "switched_to": "nee",
    "feeling": "wisselend",
    "regret_right_decision": "1",
    "regret_regrets_choice": "5",
    "regret_same_again": "1",
    "regret_did_harm": "5",
    "regret_wise": "1",
    "note": "Het bloeden duurde langer dan ik dacht.",
}


def decide(client, option="medicijnen", on_date=None, prefix=""):
    """She records what she and her doctor decided (by default: today)."""
    on_date = on_date or timezone.localdate()
    response = client.post(prefix + DECISION_URL, {"option": option, "on_date": on_date.isoformat()})
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def decided_days_ago(days):
    """Her latest decision's date moved back, as if she had decided `days` ago."""

    from answers.models import Decision

    decision = Decision.objects.latest("recorded_at", "pk")
    decision.on_date = timezone.localdate() - datetime.timedelta(days=days)
    decision.save(update_fields=["on_date"])
    return decision


FIGURES_URL = "/zorgverlener/cijfers/"
FIGURES_CSV_URL = "/zorgverlener/cijfers/cijfers.csv"


def counted(hospital=None):
    """The hospital's counts of every month, {name: count} (hospital None: "no hospital")."""
    from figures.models import MonthlyCount

    rows = MonthlyCount.objects.filter(hospital=hospital).values_list("name", "count")
    totals = {}
    for name, count in rows:
        totals[name] = totals.get(name, 0) + count
    return totals


def completed_walk(client, hospital=None):
    """A patient through her hospital's address, every step answered, at her summary."""
    if hospital is not None:
        arrive(client, hospital)
    record = walk(client)
    assert client.get("/mijn-keuze/samenvatting/").status_code == 200
    return record


def migrate(targets):
    """The database migrated to `targets` ([(app, migration)]); the apps as they were then."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_the_latest():
    """After a migration test: the schema the next test expects."""
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
