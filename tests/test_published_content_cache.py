"""The published content is kept in each worker's memory and the current version in the
shared cache: a newly published version shows on the next page, while she keeps seeing
the version she answered in."""

import pytest
from django.db import transaction
from django.test import Client

from tests import factories
from tests.helpers import walk


def test_a_new_version_shows_at_once(db, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        factories.published_aid(title="Keuzehulp miskraam")
    assert "Inhoud versie 1" in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        factories.published_aid(title="Keuzehulp miskraam, herzien")
    assert "Inhoud versie 2" in client.get("/").content.decode()


def test_she_keeps_the_version_she_answered_in(db, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        factories.published_aid()
    record = walk(client)
    with django_capture_on_commit_callbacks(execute=True):
        factories.published_aid(title="Keuzehulp miskraam, herzien")
    assert "Inhoud versie 1" in client.get("/mijn-keuze/controleren/").content.decode()
    assert record.aid.version == 1


def test_a_publication_that_is_rolled_back_changes_nothing_she_sees(db, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        factories.published_aid()
    assert "Inhoud versie 1" in client.get("/").content.decode()

    @transaction.atomic
    def a_publication_that_fails_half_way():
        factories.published_aid(title="Keuzehulp miskraam, herzien")
        raise RuntimeError("the publication fails half-way")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        a_publication_that_fails_half_way()
    assert "Inhoud versie 1" in client.get("/").content.decode()
