"""A failed clinician login shows one message, not Django's form error plus a summary plus
a "this field is required" per field: what is empty, or else that the username or the
password is wrong (not which). It stands once, in the error summary, linked to the first
field it is about; those fields are marked invalid and described by it. The username is
kept, the password never; the page is a 400."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.helpers import CLINICIAN_PASSWORD, text_of

LOGIN = "/zorgverlener/inloggen/"


@pytest.fixture
def account(db):
    User.objects.create_user("arts", password=CLINICIAN_PASSWORD, is_staff=True)


def log_in(username, password, prefix=""):
    return Client().post(prefix + LOGIN, {"username": username, "password": password})


def messages_of(response):
    """The error messages on the page, wherever they stand."""
    page = response.content.decode()
    summary = re.search(r'<ul id="error-summary-list">(.*?)</ul>', page, re.DOTALL)
    listed = re.findall(r"<li>(.*?)</li>", summary.group(1), re.DOTALL) if summary else []
    others = re.findall(r'class="(?:invalid-feedback|alert alert-danger|errorlist)[^"]*"', page)
    return [re.sub(r"<[^>]+>", "", item) for item in listed] + others


def field(response, name):
    return re.search(rf'<input [^>]*name="{name}"[^>]*>', response.content.decode()).group(0)


@pytest.mark.parametrize(
    ("username", "password", "message", "first_field"),
    [
        ("arts", "fout", "De gebruikersnaam of het wachtwoord is onjuist.", "username"),
        ("niemand", "fout", "De gebruikersnaam of het wachtwoord is onjuist.", "username"),
        ("ARTS", CLINICIAN_PASSWORD, "De gebruikersnaam of het wachtwoord is onjuist.", "username"),
        ("x" * 151, "fout", "De gebruikersnaam of het wachtwoord is onjuist.", "username"),
        ("", "", "Vul uw gebruikersnaam en wachtwoord in.", "username"),
        ("  ", "", "Vul uw gebruikersnaam en wachtwoord in.", "username"),
        ("", "fout", "Vul uw gebruikersnaam in.", "username"),
        ("arts", "", "Vul uw wachtwoord in.", "password"),
    ],
)
def test_one_failed_login_one_message(account, username, password, message, first_field):
    response = log_in(username, password)
    assert response.status_code == 400
    assert messages_of(response) == [message]
    assert text_of(response).count(message) == 1
    assert f'<a href="#id_{first_field}">{message}</a>' in response.content.decode()


def test_the_fields_the_message_is_about_are_marked_and_described_by_it(account):
    wrong = log_in("arts", "fout")
    for name in ("username", "password"):
        assert 'aria-invalid="true"' in field(wrong, name)
        assert 'aria-describedby="error-summary-list"' in field(wrong, name)
    no_password = log_in("arts", "")
    assert 'aria-invalid="true"' in field(no_password, "password")
    assert "aria-invalid" not in field(no_password, "username")
    assert "aria-describedby" not in field(no_password, "username")


def test_the_username_is_kept_and_the_password_never(account):
    response = log_in("arts", "fout-wachtwoord")
    assert 'value="arts"' in field(response, "username")
    assert "value=" not in field(response, "password")
    assert "fout-wachtwoord" not in response.content.decode()


def test_the_form_is_left_to_the_server_and_says_nothing_of_saved_answers(account):
    page = log_in("arts", "fout").content.decode()
    assert "novalidate" in page
    assert "Je andere antwoorden zijn bewaard" not in page
    assert "Verbeter dit:" in page


def test_in_english(account):
    response = log_in("arts", "fout", prefix="/en")
    assert response.status_code == 400
    assert messages_of(response) == ["The username or password is incorrect."]
    assert messages_of(log_in("", "", prefix="/en")) == ["Enter your username and password."]


def test_a_right_login_still_goes_through(account):
    response = log_in("arts", CLINICIAN_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/zorgverlener/"
