"""Who sees which hospital's figures: a hospital's clinicians and editors their own
hospitals; another hospital asked by address is one that does not exist (404); the
platform every hospital, "no hospital" and the sum of all; no login: the staff login;
an account without the right: a 403 that says so."""

import datetime

from django.contrib.auth.models import User
from django.test import Client

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
    return (datetime.date.today().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def walks_started(hospital, count):
    MonthlyCount.objects.create(hospital=hospital, month=last_month(), name="walk-started", count=count)


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
    assert "12" in page
    assert "Ziekenhuis Zuid" not in page
    assert "31" not in page
    assert 'name="ziekenhuis"' in response.content.decode()  # kept in the form, as a hidden field
    assert client.get(FIGURES_URL, {"ziekenhuis": zuid.pk}).status_code == 404
    assert client.get(FIGURES_CSV_URL, {"ziekenhuis": zuid.pk}).status_code == 404
    assert client.get(FIGURES_URL, {"ziekenhuis": "alle"}).status_code == 404
    assert client.get(FIGURES_URL, {"ziekenhuis": "geen"}).status_code == 404
    assert client.get(FIGURES_URL, {"ziekenhuis": "999"}).status_code == 404


def test_an_editor_sees_her_hospital(factory_aids, noord, zuid):
    walks_started(noord, 14)
    client = logged_in(member("redacteur", [noord], EDITOR_GROUP))
    response = client.get(FIGURES_URL, {"ziekenhuis": noord.pk})
    assert response.status_code == 200
    assert "14" in text_of(response)
    assert client.get(FIGURES_URL, {"ziekenhuis": zuid.pk}).status_code == 404


def test_the_platform_sees_every_hospital_no_hospital_and_the_sum(factory_aids, noord, zuid):
    walks_started(noord, 12)
    walks_started(zuid, 31)
    walks_started(None, 20)
    client = logged_in(member("platform", [], PLATFORM_GROUP))
    page = text_of(client.get(FIGURES_URL))
    assert "Alle ziekenhuizen samen" in page
    assert "63" in page
    assert "Ziekenhuis Noord" in page
    assert "Ziekenhuis Zuid" in page
    assert "Geen ziekenhuis gekozen" in page
    assert "31" in text_of(client.get(FIGURES_URL, {"ziekenhuis": zuid.pk}))
    assert "20" in text_of(client.get(FIGURES_URL, {"ziekenhuis": "geen"}))


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
    assert client.get("/en" + FIGURES_CSV_URL).content.decode().startswith("month,hospital,figure,item,count")


def test_the_month_is_read_in_one_query(factory_aids, noord, django_assert_max_num_queries):
    walks_started(noord, 12)
    client = clinician_client(hospitals=[noord])
    client.get(FIGURES_URL)
    # session, user, permissions (2), membership, hospitals, the month's counts
    with django_assert_max_num_queries(8):
        assert client.get(FIGURES_URL).status_code == 200
