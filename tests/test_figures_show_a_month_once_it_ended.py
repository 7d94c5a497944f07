"""A month is shown only once it has ended: otherwise a clinician could watch a count
change right after her patient's check-in. The counts of this month are kept, and shown
from the first day of the next."""

import datetime

import time_machine
from django.contrib.auth.models import User
from django.test import Client

from tests.helpers import FIGURES_URL, arrive, clinician_client, completed_walk, text_of

NOVEMBER = datetime.datetime(2026, 11, 10, 12, 0, tzinfo=datetime.UTC)


def test_this_month_is_not_shown_until_it_ended(factory_aids, noord):
    with time_machine.travel(NOVEMBER, tick=False):
        for _patient in range(11):
            completed_walk(arrive(Client(), noord))
        client = clinician_client(hospitals=[noord])
        assert client.get(FIGURES_URL, {"maand": "2026-11"}).status_code == 404
        assert client.get(FIGURES_URL, {"maand": "2026-12"}).status_code == 404
        response = client.get(FIGURES_URL)
        assert "oktober 2026" in text_of(response)
        assert "november 2026" not in text_of(response)  # not even offered
        assert "11" not in [cell.text for figure in response.context["figures"] for cell in figure.cells]
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC), tick=False):
        client.force_login(User.objects.get(username="arts"))  # a staff session lasts hours, not weeks
        response = client.get(FIGURES_URL)
        assert "november 2026" in text_of(response)
        walks = response.context["figures"][0]
        assert [cell.text for cell in walks.cells] == ["11", "11"]
        assert client.get(FIGURES_URL, {"maand": "2026-11"}).status_code == 200
        assert client.get(FIGURES_URL, {"maand": "2026-13"}).status_code == 404
