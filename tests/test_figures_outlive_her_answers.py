"""The counts hold nothing of hers: deleting her answers, or the purge after retention,
leaves every count as it was, and no column of a count could lead back to a record."""

import datetime

import time_machine
from django.test import Client

from answers import actions
from answers.models import Record
from figures.models import MonthlyCount
from tests.helpers import CHECK_IN, CHECK_IN_URL, arrive, completed_walk, counted, decide, decided_days_ago


def everything_counted(noord):
    patient = arrive(Client(), noord)
    completed_walk(patient)
    decide(patient, "medicijnen")
    decided_days_ago(7)
    assert patient.post(CHECK_IN_URL, CHECK_IN).status_code == 302
    return patient


def test_deleting_her_answers_leaves_the_counts(factory_aids, noord):
    patient = everything_counted(noord)
    before = counted(noord)
    assert patient.post("/mijn-keuze/wissen/").status_code == 200
    assert not Record.objects.exists()
    assert counted(noord) == before


def test_the_purge_leaves_the_counts(factory_aids, noord):
    everything_counted(noord)
    before = counted(noord)
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=400)):
        assert actions.purge_expired()[0] == 1
    assert not Record.objects.exists()
    assert counted(noord) == before


def test_a_count_has_no_column_that_leads_to_her():
    columns = {field.name: type(field).__name__ for field in MonthlyCount._meta.get_fields()}
    assert columns == {
        "id": "BigAutoField",
        "hospital": "ForeignKey",
        "month": "DateField",
        "name": "CharField",
        "count": "PositiveIntegerField",
    }
    assert MonthlyCount._meta.get_field("hospital").related_model.__name__ == "Hospital"
