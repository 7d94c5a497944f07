"""Who sees which hospital's figures: a hospital's clinicians and editors their own
hospitals; another hospital asked by address is one that does not exist (404); the
platform every hospital and "no hospital", never a sum beside its parts; no login: the
staff login; an account without the right: a 403 that says so; a month that is not
offered: a 404."""

import datetime

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from figures.models import MonthlyCount
from tests.helpers import (
    CLINICIAN_GROUP,
    EDITOR_GROUP,
    FIGURES_CSV_URL,
    FIGURES_URL,
    clinician_client,
    member,
    text_of,
)

PLATFORM_GROUP = "Platform: ziekenhuizen en medewerkers"


def last_month():
    return (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def walks_started(hospital, count):
    MonthlyCount.objects.create(hospital=hospital, month=last_month(), name="walk-started", count=count)


def started(response):
    """The page's "walks started" as shown, read from what the page drew."""
    assert response.status_code == 200
    walks = next(figure for figure in response.context["figures"] if figure.key == "walks")
    return walks.cells[0].text


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_clinician_sees_her_hospital_only(factory_aids, noord, zuid):
    walks_started(noord, 12)
    walks_started(zuid, 31)
    client = clinician_client(hospitals=[noord])
    response = client.get(FIGURES_URL)
    assert response.status_code == 200
    page = text_of(response)
    assert "Ziekenhuis Noord" in page
    assert started(response) == "12"
    assert "Ziekenhuis Zuid" not in page
    assert 'name="ziekenhuis"' in response.content.decode()  # kept in the form, as a hidden field
    assert client.get(FIGURES_URL, {"ziekenhuis": zuid.pk}).status_code == 404
    assert client.get(FIGURES_CSV_URL, {"ziekenhuis": zuid.pk}).status_code == 404
    assert client.get(FIGURES_URL, {"ziekenhuis": "alle"}).status_code == 404
    assert client.get(FIGURES_URL, {"ziekenhuis": "geen"}).status_code == 404
    assert client.get(FIGURES_URL, {"ziekenhuis": "999"}).status_code == 404


def test_an_editor_sees_her_hospital(factory_aids, noord, zuid):
    walks_started(noord, 14)
    client = logged_in(member("redacteur", [noord], EDITOR_GROUP))
    assert started(client.get(FIGURES_URL, {"ziekenhuis": noord.pk})) == "14"
    assert client.get(FIGURES_URL, {"ziekenhuis": zuid.pk}).status_code == 404


def test_the_platform_sees_every_hospital_and_no_hospital_but_no_sum(factory_aids, noord, zuid):
    walks_started(noord, 12)
    walks_started(zuid, 31)
    walks_started(None, 20)
    client = logged_in(member("platform", [], PLATFORM_GROUP))
    response = client.get(FIGURES_URL)
    choices = [label for _value, label in response.context["choices"]]
    assert {"Ziekenhuis Noord", "Ziekenhuis Zuid"} <= set(choices)  # and the example hospital
    assert choices[-1] == "Geen ziekenhuis gekozen"
    assert started(client.get(FIGURES_URL, {"ziekenhuis": noord.pk})) == "12"
    assert started(client.get(FIGURES_URL, {"ziekenhuis": zuid.pk})) == "31"
    assert started(client.get(FIGURES_URL, {"ziekenhuis": "geen"})) == "20"
    # A sum of 63 beside 12 and 31 would give away a hidden "no hospital" by subtraction.
    assert client.get(FIGURES_URL, {"ziekenhuis": "alle"}).status_code == 404


def test_only_the_months_offered_can_be_asked_for(factory_aids, noord):
    client = clinician_client(hospitals=[noord])
    this_month = timezone.localdate().replace(day=1)
    for month in ("1900-01", f"{this_month:%Y-%m}", "2026-13", "garbage", "2026-1"):
        assert client.get(FIGURES_URL, {"maand": month}).status_code == 404, month
        assert client.get(FIGURES_CSV_URL, {"maand": month}).status_code == 404, month
    assert client.get(FIGURES_URL, {"maand": f"{last_month():%Y-%m}"}).status_code == 200


def test_without_login_the_staff_login(factory_aids):
    response = Client().get(FIGURES_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/zorgverlener/inloggen/")


def test_an_account_without_the_right_is_told(factory_aids, noord):
    user = User.objects.create_user("zonder", password="een-lang-wachtwoord", is_staff=True)
    response = logged_in(user).get(FIGURES_URL)
    assert response.status_code == 403
    assert "alleen voor medewerkers van een ziekenhuis met toegang tot de cijfers" in text_of(response)
    # The right without a hospital: nothing to show either.
    response = logged_in(member("los", [], CLINICIAN_GROUP)).get(FIGURES_URL)
    assert response.status_code == 403


def test_the_page_in_english(factory_aids, noord):
    walks_started(noord, 12)
    client = clinician_client(hospitals=[noord])
    response = client.get("/en" + FIGURES_URL)
    assert response.status_code == 200
    page = text_of(response)
    assert "Figures of the decision aid" in page
    assert "Started" in page
    assert client.get("/en" + FIGURES_CSV_URL).content.decode().startswith("\ufeffmonth;hospital;figure;item;count")


def test_the_month_is_read_in_one_query(factory_aids, noord, django_assert_max_num_queries):
    walks_started(noord, 12)
    client = clinician_client(hospitals=[noord])
    client.get(FIGURES_URL)
    # session, user, permissions (2), membership, hospitals, the month's counts
    with django_assert_max_num_queries(8):
        assert client.get(FIGURES_URL).status_code == 200
