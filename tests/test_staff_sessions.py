"""A staff session ends when the browser closes and after a working day (9 hours), on
the clinician's pages and in the admin; a login without "next" lands on the clinician's
page. Her sessions keep living exactly as long as her record."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests import factories
from tests.helpers import CLINICIAN_PASSWORD as PASSWORD
from tests.helpers import clinician, walk

LOGIN = "/zorgverlener/inloggen/"


@pytest.fixture
def staff(db):
    return clinician("arts", is_superuser=True)


def log_in(client, url=LOGIN):
    return client.post(url, {"username": "arts", "password": PASSWORD})


def test_a_login_without_next_lands_on_the_clinicians_page(staff):
    response = log_in(Client())
    assert response.status_code == 302
    assert response["Location"] == "/zorgverlener/"


def test_the_staff_cookie_lasts_only_while_the_browser_is_open(staff):
    response = log_in(Client())
    morsel = response.cookies[settings.SESSION_COOKIE_NAME]
    assert morsel.value
    assert morsel["expires"] == ""
    assert morsel["max-age"] == ""


@pytest.mark.parametrize("url", [LOGIN, "/admin/login/?next=/admin/"])
def test_a_staff_session_ends_after_a_working_day(staff, url):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        client = Client()
        log_in(client, url)
        traveller.shift(datetime.timedelta(hours=8, minutes=59))
        assert client.get("/zorgverlener/").status_code == 200
        assert client.get("/admin/").status_code == 200
        traveller.shift(datetime.timedelta(minutes=1))
        assert client.get("/zorgverlener/")["Location"].startswith("/zorgverlener/inloggen/")
        assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_her_session_still_lives_as_long_as_her_record(db):
    factories.published_aid()
    client = Client()
    record = walk(client, ["safety"])
    assert client.cookies[settings.SESSION_COOKIE_NAME]["expires"]
    assert client.session.get_expiry_date() == record.expires_at
