"""Staff passwords cannot be guessed: failed logins on the admin and on the clinician
login count together per client and end in a 429, also behind the reverse proxy."""

from django.contrib.auth.models import User
from django.test import Client

PASSWORD = "een-lang-wachtwoord"


def guess(client, url, password="fout", **headers):
    return client.post(url, {"username": "beheer", "password": password}, headers=headers).status_code


def test_admin_logins_are_protected_against_guessing(db, settings):
    settings.LOGIN_ATTEMPTS_PER_HOUR = 3
    User.objects.create_superuser("beheer", password=PASSWORD)
    client = Client()
    assert [guess(client, "/admin/login/") for _ in range(3)] == [200, 200, 200]
    assert guess(client, "/admin/login/", PASSWORD) == 429


def test_the_admin_and_the_clinician_login_share_the_count(db, settings):
    settings.LOGIN_ATTEMPTS_PER_HOUR = 2
    User.objects.create_superuser("beheer", password=PASSWORD)
    client = Client()
    guess(client, "/admin/login/")
    guess(client, "/zorgverlener/inloggen/")
    assert guess(client, "/admin/login/", PASSWORD) == 429
    assert guess(client, "/zorgverlener/inloggen/", PASSWORD) == 429


def test_behind_the_proxy_each_client_is_counted_and_cannot_hide(db, settings):
    settings.LOGIN_ATTEMPTS_PER_HOUR = 2
    settings.TRUSTED_PROXIES = 1
    User.objects.create_superuser("beheer", password=PASSWORD)
    client = Client(REMOTE_ADDR="10.0.0.2")  # the proxy
    guesser = {"X-Forwarded-For": "203.0.113.7"}
    guess(client, "/admin/login/", **guesser)
    guess(client, "/admin/login/", **guesser)
    assert guess(client, "/admin/login/", **guesser) == 429
    # A made-up address in front of the one the proxy saw changes nothing...
    assert guess(client, "/admin/login/", **{"X-Forwarded-For": "198.51.100.1, 203.0.113.7"}) == 429
    # ...and someone else behind the same proxy can still log in.
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "beheer", "password": PASSWORD},
        headers={"X-Forwarded-For": "192.0.2.44"},
    )
    assert response.status_code == 302
