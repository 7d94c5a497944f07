"""Staff passwords cannot be guessed: failed logins on the admin and on the clinician
login count together, per account and per address, and past the free attempts each try
waits longer (30 s, 1, 2, 4, 8 minutes, then 15 minutes each): a 429 with Retry-After
until then, whatever the password. No hour's lock-out, and colleagues behind the same
hospital address keep logging in."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from answers import throttle

PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def accounts(db):
    User.objects.create_superuser("beheer", password=PASSWORD)
    User.objects.create_user("collega", password=PASSWORD, is_staff=True)


def attempt(client, url="/admin/login/", username="beheer", password="fout", **headers):
    return client.post(url, {"username": username, "password": password}, headers=headers)


def guess(client, url="/admin/login/", password="fout", username="beheer", **headers):
    return attempt(client, url, username, password, **headers).status_code


def test_admin_logins_are_protected_against_guessing(accounts, settings):
    settings.LOGIN_ATTEMPTS_PER_HOUR = 3
    client = Client()
    assert [guess(client) for _ in range(3)] == [200, 200, 200]
    refused = attempt(client, password=PASSWORD)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "30"
    assert "Probeer het over 1 minuut opnieuw." in refused.content.decode()


def test_the_admin_and_the_clinician_login_share_the_count(accounts, settings):
    settings.LOGIN_ATTEMPTS_PER_HOUR = 2
    client = Client()
    guess(client, "/admin/login/")
    guess(client, "/zorgverlener/inloggen/")
    assert guess(client, "/admin/login/", PASSWORD) == 429
    assert guess(client, "/zorgverlener/inloggen/", PASSWORD) == 429


def test_an_account_is_counted_whatever_address_the_guesses_come_from(accounts, settings):
    settings.LOGIN_ATTEMPTS_PER_HOUR = 2
    guess(Client(REMOTE_ADDR="198.51.100.1"))
    guess(Client(REMOTE_ADDR="198.51.100.2"))
    assert guess(Client(REMOTE_ADDR="198.51.100.3"), password=PASSWORD) == 429
    assert guess(Client(REMOTE_ADDR="198.51.100.3"), password=PASSWORD, username=" BEHEER") == 429
    # A colleague on the same address is not held up by it.
    assert guess(Client(REMOTE_ADDR="198.51.100.3"), password=PASSWORD, username="collega") == 302


def test_each_try_waits_longer_and_none_locks_for_an_hour(accounts, settings):
    settings.LOGIN_ATTEMPTS_PER_HOUR = 2
    client = Client()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        guess(client)
        guess(client)
        waits = []
        for _ in range(8):
            refused = attempt(client)
            assert refused.status_code == 429
            waits.append(int(refused["Retry-After"]))
            traveller.shift(datetime.timedelta(seconds=waits[-1] - 1))
            assert guess(client) == 429  # a second early
            traveller.shift(datetime.timedelta(seconds=1))
            assert guess(client) == 200  # on time: one more try, which fails again
        assert waits == [30, 60, 120, 240, 480, 900, 900, 900]
        traveller.shift(datetime.timedelta(minutes=15))
        assert guess(client, password=PASSWORD) == 302
        # A right login clears the account's count.
        assert guess(Client()) == 200


def test_a_hospital_behind_one_address_is_not_shut_out(accounts, settings):
    settings.LOGIN_ATTEMPTS_PER_HOUR = 2
    settings.LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR = 100
    ward = Client(REMOTE_ADDR="192.0.2.10")
    for _ in range(5):
        guess(ward)  # one clinician forgot her password
    assert guess(ward, username="collega", password=PASSWORD) == 302


def test_one_address_cannot_try_many_accounts(accounts, settings):
    settings.LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR = 3
    client = Client(REMOTE_ADDR="203.0.113.7")
    for name in ["a", "b", "c"]:
        assert guess(client, username=name) == 200
    assert guess(client, username="collega", password=PASSWORD) == 429


def test_behind_the_proxy_each_client_is_counted_and_cannot_hide(accounts, settings):
    settings.LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR = 2
    settings.TRUSTED_PROXIES = 1
    client = Client(REMOTE_ADDR="10.0.0.2")  # the proxy
    guess(client, username="a", **{"X-Forwarded-For": "203.0.113.7"})
    guess(client, username="b", **{"X-Forwarded-For": "203.0.113.7"})
    assert guess(client, username="c", **{"X-Forwarded-For": "203.0.113.7"}) == 429
    # Made-up addresses in front of the one the proxy appended change nothing...
    for invented in ["198.51.100.1", "127.0.0.1", "10.0.0.2, 192.0.2.44", "unknown"]:
        headers = {"X-Forwarded-For": f"{invented}, 203.0.113.7"}
        assert guess(client, username="d", **headers) == 429
    # ...and someone else behind the same proxy can still log in.
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "beheer", "password": PASSWORD},
        headers={"X-Forwarded-For": "192.0.2.44"},
    )
    assert response.status_code == 302


def test_with_two_proxies_the_address_the_outer_one_saw_counts(accounts, settings):
    settings.LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR = 1
    settings.TRUSTED_PROXIES = 2
    client = Client(REMOTE_ADDR="10.0.0.3")  # the inner proxy; the outer one is 10.0.0.2
    guess(client, username="a", **{"X-Forwarded-For": "203.0.113.7, 10.0.0.2"})
    assert guess(client, username="b", **{"X-Forwarded-For": "192.0.2.1, 203.0.113.7, 10.0.0.2"}) == 429
    assert guess(client, username="collega", password=PASSWORD, **{"X-Forwarded-For": "192.0.2.44, 10.0.0.2"}) == 302


def test_an_ipv6_client_is_counted_by_its_64_block(accounts, settings):
    settings.LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR = 2
    guess(Client(REMOTE_ADDR="2001:db8:1:2::1"), username="a")
    guess(Client(REMOTE_ADDR="2001:db8:1:2:ffff::9"), username="b")
    assert guess(Client(REMOTE_ADDR="2001:db8:1:2:abcd::5"), username="c") == 429
    assert guess(Client(REMOTE_ADDR="2001:db8:1:3::1"), username="collega", password=PASSWORD) == 302


def test_the_delay_schedule():
    assert [throttle.delay_after(n, 10) for n in range(9, 18)] == [0, 30, 60, 120, 240, 480, 900, 900, 900]
