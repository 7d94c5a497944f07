"""A date that does not exist, or one far from today (more than 60 days back or 21 days
ahead), is refused with a clear message and her input kept: a 400, never a 500, and
nothing saved. The two edges of the window are accepted."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from answers.models import Decision
from tests.helpers import DECISION_URL, decide, walk


@pytest.fixture
def patient(factory_aids):
    client = Client()
    walk(client, ["safety"])
    return client


@pytest.mark.parametrize(
    ("on_date", "message"),
    [
        ("", "Vul de datum in."),
        ("2026-02-30", "Vul een bestaande datum in"),
        ("morgen", "Vul een bestaande datum in"),
        (-61, "meer dan 60 dagen terug"),
        (22, "meer dan 21 dagen vooruit"),
        ("99999-01-01", "Vul een bestaande datum in"),
    ],
)
def test_a_bad_date_is_refused_and_kept(patient, on_date, message):
    if isinstance(on_date, int):  # days from her today, read when the test runs
        on_date = (timezone.localdate() + datetime.timedelta(days=on_date)).isoformat()
    response = patient.post(DECISION_URL, {"option": "curettage", "on_date": on_date})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'href="#id_on_date"' in page  # the error summary links to the field
    assert f'value="{on_date}"' in page
    assert 'value="curettage" id="id_option_2" checked' in page
    assert not Decision.objects.exists()


def test_no_option_is_refused(patient):
    response = patient.post(DECISION_URL, {"on_date": timezone.localdate().isoformat()})
    assert response.status_code == 400
    assert "Kies wat jullie hebben besloten." in response.content.decode()


@pytest.mark.parametrize("days", [-60, 21])
def test_the_edges_of_the_window_are_accepted(patient, days):
    decide(patient, on_date=timezone.localdate() + datetime.timedelta(days=days))
    assert Decision.objects.get().on_date == timezone.localdate() + datetime.timedelta(days=days)


def test_a_dutch_written_date_is_read_too(patient):
    """A browser without a date picker shows a text box: 14-03-2026 is read as written."""
    on_date = timezone.localdate() - datetime.timedelta(days=2)
    patient.post(DECISION_URL, {"option": "afwachten", "on_date": on_date.strftime("%d-%m-%Y")})
    assert Decision.objects.get().on_date == on_date


def test_her_today_is_the_dutch_date_also_after_midnight_there(patient):
    """At 00:30 in the Netherlands (23:30 UTC, where the server's clock may run) her today
    is already the next day: the window's edges move with the Dutch date."""
    with time_machine.travel(datetime.datetime(2026, 11, 29, 23, 30, tzinfo=datetime.UTC), tick=False):
        refused = patient.post(DECISION_URL, {"option": "curettage", "on_date": "2026-12-22"})
        decide(patient, "curettage", datetime.date(2026, 12, 21))
    assert refused.status_code == 400
    assert Decision.objects.get().on_date == datetime.date(2026, 12, 21)
