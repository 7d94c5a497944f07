"""Every flag her answers raise follows her latest answers, however she got there.

(Anti-D depends on two answers: rhesus negative, and the weeks pregnant; a change of
the weeks moves her from one anti-D text to the other.)

For each flag (call now, a curettage may suit her better, anti-D, recurrent miscarriage,
the NSAID caution) and each way she can arrive at it (first answer; "nee" to "ja" and
"ja" to "nee" on a later visit; the step skipped first and answered later; resumed with
her code in a fresh browser and then changed; language switched on the way), every place
that shows it agrees with her last save: where the save sends her, the step's result
page, the check page, the summary page, the PDF and the clinician's view of her code."""

import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from options.models import Flag, SituationQuestion
from tests.helpers import PDF_URL, STEP_URLS, arrive, clinician, text_of, text_of_pdf

PATH = ["safety", "situation", "values", "knowledge", "leaning", "questions"]
RESULT_PAGES = {"situation": "/mijn-keuze/situatie/wat-betekent-dit/"}
CALL_NOW_PAGE = "/mijn-keuze/bel-nu/"


@dataclass(frozen=True)
class Case:
    step: str
    question: str
    raising: str  # the choice that raises the flag
    clearing: str  # a choice that does not
    flag: str
    given: tuple = ()  # other answers of the same step, sent with it: (question, choice)

    def after_save(self, raised):
        """Where the save must send her."""
        if self.step == "safety":
            return CALL_NOW_PAGE if raised else STEP_URLS["situation"]
        return RESULT_PAGES[self.step]


CASES = {
    "call-now: heavy bleeding": Case("safety", "veel-bloedverlies", "ja", "nee", "bel-nu"),
    "call-now: dizzy or fainting": Case("safety", "duizelig", "ja", "nee", "bel-nu"),
    "call-now: fever": Case("safety", "koorts", "ja", "nee", "bel-nu"),
    "call-now: pain": Case("safety", "pijn", "ja", "nee", "bel-nu"),
    "curettage: bleeding risk": Case("situation", "bloedingsrisico", "ja", "nee", "curettage-bespreken"),
    "curettage: no transport": Case("situation", "vervoer", "nee", "ja", "curettage-bespreken"),
    "curettage: earlier trauma": Case("situation", "traumatische-ervaring", "ja", "nee", "curettage-bespreken"),
    "anti-D": Case("situation", "rhesus", "ja", "nee", "anti-d"),
    "anti-D under 10 weeks": Case(
        "situation", "weken-zwanger", "8-tot-10", "12-of-meer", "anti-d", given=(("rhesus", "ja"),)
    ),
    "anti-D from 10 weeks": Case(
        "situation", "weken-zwanger", "10-tot-12", "minder-dan-8", "anti-d-vanaf-10-weken", given=(("rhesus", "ja"),)
    ),
    "recurrence": Case("situation", "eerdere-miskramen", "een", "geen", "herhaalde-miskraam"),
    "NSAID caution": Case("situation", "bloedingsrisico", "ja", "nee", "nsaid-voorzichtig"),
}


def attention_points(text, heading="Aandachtspunten", end="Niet goed begrepen"):
    """The flags in "In het kort, voor de arts": elsewhere the page may name "bel nu" in
    its alarm signs whatever her answers."""
    return text.split(heading, 1)[1].split(end, 1)[0]


def post_step(client, step, data, prefix=""):
    return client.post(prefix + STEP_URLS[step], {**data, "action": "save" if data else "skip"})


def reach(client, step):
    """Skip the steps before `step` (her first visit)."""
    for earlier in PATH[: PATH.index(step)]:
        post_step(client, earlier, {})


def finish(client, step):
    """Skip the steps after `step`, so that the check page and summary open."""
    for later in PATH[PATH.index(step) + 1 :]:
        post_step(client, later, {})


def answer(client, case, choice, prefix=""):
    response = post_step(client, case.step, {case.question: choice, **dict(case.given)}, prefix)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def first_answer(client, case):
    reach(client, case.step)
    response = answer(client, case, case.raising)
    finish(client, case.step)
    return client, response, "", True


def changed_to_raising(client, case):
    reach(client, case.step)
    answer(client, case, case.clearing)
    finish(client, case.step)
    return client, answer(client, case, case.raising), "", True


def changed_to_clearing(client, case):
    reach(client, case.step)
    answer(client, case, case.raising)
    finish(client, case.step)
    return client, answer(client, case, case.clearing), "", False


def skipped_then_answered(client, case):
    reach(client, case.step)
    post_step(client, case.step, {})
    finish(client, case.step)
    return client, answer(client, case, case.raising), "", True


def resumed_then_changed(client, case):
    reach(client, case.step)
    answer(client, case, case.clearing)
    finish(client, case.step)
    code = client.post("/mijn-keuze/code/").context["code"]
    other_device = Client()
    assert other_device.post("/mijn-keuze/verder/", {"code": code}).status_code == 302
    return other_device, answer(other_device, case, case.raising), "", True


def language_switched(client, case):
    reach(client, case.step)
    answer(client, case, case.clearing)
    finish(client, case.step)
    return client, answer(client, case, case.raising, prefix="/en"), "/en", True


ARRIVALS = {
    "first answer": first_answer,
    "nee to ja": changed_to_raising,
    "ja to nee": changed_to_clearing,
    "skipped, then answered": skipped_then_answered,
    "resumed on another device, then changed": resumed_then_changed,
    "language switched": language_switched,
}


def clinician_view(patient):
    code = arrive(patient).post("/mijn-keuze/delen/", {"action": "create"}).context["share"]["code"]
    reader = Client()
    reader.force_login(User.objects.filter(username="arts").first() or clinician())
    response = reader.post("/zorgverlener/", {"code": code}, follow=True)
    assert response.status_code == 200
    return text_of(response)


def check_page_row(aid, case, choice):
    """Her answer as the check page lists it: in the summary's own short words."""
    question = SituationQuestion.objects.get(aid=aid, key=case.question)
    return question.clinical_label, question.choices.get(key=choice).clinical


@pytest.mark.parametrize("arrival", ARRIVALS.values(), ids=ARRIVALS.keys())
@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_every_place_agrees_with_her_latest_answer(client, shipped_aids, case, arrival):
    patient, response, prefix, raised = arrival(client, case)
    nl = shipped_aids["nl"]
    flag, english_flag = (Flag.objects.get(aid=aid, key=case.flag) for aid in (nl, shipped_aids["en"]))

    assert response["Location"] == prefix + case.after_save(raised)
    if case.step in RESULT_PAGES:
        result = text_of(patient.get(prefix + RESULT_PAGES[case.step]))
        assert ((english_flag if prefix else flag).title in result) is raised

    question, chosen = check_page_row(nl, case, case.raising if raised else case.clearing)
    assert re.search(
        re.escape(question) + r"\s+" + re.escape(chosen) + r"\s+Wijzig",
        text_of(patient.get("/mijn-keuze/controleren/")),
    )

    summary = text_of(patient.get("/mijn-keuze/samenvatting/"))
    assert (flag.clinical in attention_points(summary)) is raised
    assert (flag.title in summary.split("Situatie", 1)[1].split("Wat belangrijk is", 1)[0]) is raised
    english = text_of(patient.get("/en/mijn-keuze/samenvatting/"))
    assert (english_flag.clinical in attention_points(english, "Points to note", "Not understood")) is raised
    assert (flag.clinical in attention_points(text_of_pdf(patient.get(PDF_URL).content))) is raised
    assert (flag.clinical in attention_points(clinician_view(patient))) is raised


def test_skipping_the_safety_check_still_sends_her_to_call_now_when_her_saved_answer_says_so(client, shipped_aids):
    answer(client, CASES["call-now: fever"], "ja")
    assert post_step(client, "safety", {})["Location"] == CALL_NOW_PAGE
