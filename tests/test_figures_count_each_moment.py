"""Each figure is counted at the moment it happens, once, under the hospital on her record:
her first save starts a walk; reaching her summary after the last step completes it (with
its time, SURE test and knowledge score); a decision is counted against her leaning, a
later one with another option as a switch; a check-in by its regret band."""

import datetime

import time_machine
from django.test import Client

from answers import actions
from answers.models import SURE_ITEMS, Record
from figures import names
from tests.helpers import CHECK_IN, CHECK_IN_URL, arrive, completed_walk, counted, decide, decided_days_ago, save, walk


def test_a_walk_counts_started_once_and_completed_once(factory_aids, noord):
    patient = arrive(Client(), noord)
    save(patient, "safety")
    assert counted(noord) == {names.WALK_STARTED: 1}
    walk(patient)  # the other steps: the same record, no second start
    assert counted(noord) == {names.WALK_STARTED: 1}

    patient.get("/mijn-keuze/samenvatting/")
    patient.get("/mijn-keuze/samenvatting/")
    save(patient, "leaning", {"leaning": "curettage"})  # changed afterwards
    patient.get("/mijn-keuze/samenvatting/")

    assert counted(noord) == {
        names.WALK_STARTED: 1,
        names.WALK_COMPLETED: 1,
        "minutes-to-complete:0": 1,
        names.SURE_NOT_FULL: 1,  # three times "ja", one "nee"
        "knowledge:0-of-1": 1,  # she chose "b"; "a" is right
    }
    assert counted(None) == {}


def test_the_summary_before_the_last_step_completes_nothing(factory_aids, noord):
    patient = arrive(Client(), noord)
    walk(patient, steps=("safety", "situation", "values"))
    patient.get("/mijn-keuze/samenvatting/")
    assert names.WALK_COMPLETED not in counted(noord)


def test_time_to_complete_sure_and_knowledge_are_binned(factory_aids, noord):
    start = datetime.datetime(2026, 10, 5, 9, 0, tzinfo=datetime.UTC)
    patient = arrive(Client(), noord)
    with time_machine.travel(start, tick=False):
        save(patient, "safety")
    with time_machine.travel(start + datetime.timedelta(minutes=17), tick=False):
        walk(patient, steps=("situation", "values"))
        save(patient, "knowledge", {"werkt": "a"})
        save(patient, "leaning", {"leaning": "medicijnen", **{f"sure_{item}": "ja" for item in SURE_ITEMS}})
        save(patient, "questions")
        patient.get("/mijn-keuze/samenvatting/")
    assert counted(noord)["minutes-to-complete:15"] == 1
    assert counted(noord)[names.SURE_FULL] == 1
    assert counted(noord)["knowledge:1-of-1"] == 1
    assert names.minutes(9) == "minutes-to-complete:0"
    assert names.minutes(60 * 30) == "minutes-to-complete:1440"


def test_decisions_count_against_her_leaning_then_as_switches(factory_aids, noord):
    patient = arrive(Client(), noord)
    completed_walk(patient)  # leaning: medicijnen
    decide(patient, "curettage")
    decide(patient, "curettage")  # the same again: nothing new
    decide(patient, "afwachten")
    counts = counted(noord)
    assert counts["leaning-decision:medicijnen:curettage"] == 1
    assert counts["switched:curettage:afwachten"] == 1
    assert sum(count for name, count in counts.items() if name.startswith(("leaning-decision", "switched"))) == 2


def test_a_decision_without_a_leaning_counts_under_none(factory_aids):
    patient = Client()
    walk(patient, steps=("safety",))
    decide(patient, "medicijnen")
    assert counted(None)["leaning-decision:none:medicijnen"] == 1


def test_a_check_in_counts_its_regret_band_and_a_switch_once_per_decision(factory_aids, noord):
    patient = arrive(Client(), noord)
    completed_walk(patient)
    decide(patient, "medicijnen")
    decided_days_ago(7)
    switched = {**CHECK_IN, "switched_to": "curettage"}  # no regret at all, and a switch
    assert patient.post(CHECK_IN_URL, switched).status_code == 302
    mild = {**CHECK_IN, "regret_right_decision": "2"}  # 5: a little regret
    assert patient.post(CHECK_IN_URL, mild).status_code == 302  # she looks back again: one woman still
    counts = counted(noord)
    assert counts[names.CHECK_IN] == 1
    assert counts["regret:none"] == 1
    assert "regret:mild" not in counts
    assert counts["switched:medicijnen:curettage"] == 1
    # She writes down the curettage she named at her check-in: the same switch, once.
    decide(patient, "curettage")
    assert counted(noord)["switched:medicijnen:curettage"] == 1
    # A switch after that one counts; the check-in of the new decision counts again.
    decide(patient, "afwachten")
    decided_days_ago(7)
    assert patient.post(CHECK_IN_URL, mild).status_code == 302
    counts = counted(noord)
    assert counts["switched:curettage:afwachten"] == 1
    assert counts[names.CHECK_IN] == 2
    assert counts["regret:mild"] == 1
    assert names.regret_band(25) == "regret:mild"
    assert names.regret_band(30) == "regret:moderate-to-strong"


def test_a_check_in_without_every_statement_counts_no_band(factory_aids, noord):
    patient = arrive(Client(), noord)
    completed_walk(patient)
    decide(patient, "medicijnen")
    decided_days_ago(7)
    assert patient.post(CHECK_IN_URL, {**CHECK_IN, "regret_wise": ""}).status_code == 302
    counts = counted(noord)
    assert counts[names.CHECK_IN] == 1
    assert not [name for name in counts if name.startswith("regret:")]


def test_counts_go_under_her_hospital_at_that_moment(factory_aids, noord, zuid):
    patient = arrive(Client(), noord)
    record = completed_walk(patient)
    actions.choose_hospital(Record.objects.get(pk=record.pk), zuid)
    decide(patient, "medicijnen")
    assert counted(noord)[names.WALK_COMPLETED] == 1
    assert "leaning-decision:medicijnen:medicijnen" in counted(zuid)
    assert "leaning-decision:medicijnen:medicijnen" not in counted(noord)
