"""The organisation profiles of before become hospitals: the shipped example becomes the
example hospital `voorbeeld` (not live), a real profile a live hospital with its numbers."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("options", "0005_publish_permission"), ("hospitals", "0001_hospitals")]
AFTER = [("options", "0006_organisation_profiles_are_hospitals")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def profiles(transactional_db):
    apps = migrate([("answers", "0004_erased_share_codes"), *BEFORE])
    OrganisationProfile = apps.get_model("options", "OrganisationProfile")
    OrganisationProfile.objects.all().delete()  # a flushed test database may or may not hold the shipped one
    OrganisationProfile.objects.create(
        name="Voorbeeldziekenhuis (voorbeeldprofiel: vervang dit door je eigen ziekenhuis)",
        phone_office_hours="012 345 67 89",
        phone_out_of_hours="012 345 67 00",
        is_example=True,
    )
    OrganisationProfile.objects.create(
        name="Ziekenhuis Noord", phone_office_hours="050 123 45 67", phone_out_of_hours="050 123 45 00"
    )
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # the schema the next test expects


def test_the_profiles_become_hospitals(profiles):
    Hospital = migrate(AFTER).get_model("hospitals", "Hospital")
    example = Hospital.objects.get(slug="voorbeeld")
    assert example.is_example
    assert not example.is_live
    assert example.phone_24h == "012 345 67 00"
    noord = Hospital.objects.get(slug="ziekenhuis-noord")
    assert (noord.name, noord.phone_office_hours, noord.phone_24h) == (
        "Ziekenhuis Noord",
        "050 123 45 67",
        "050 123 45 00",
    )
    assert noord.is_live
    assert not noord.is_example


def test_and_back(profiles):
    migrate(AFTER)
    OrganisationProfile = migrate(BEFORE).get_model("options", "OrganisationProfile")
    assert sorted(OrganisationProfile.objects.values_list("name", "is_example")) == [
        ("Voorbeeldziekenhuis (voorbeeldprofiel: vervang dit door je eigen ziekenhuis)", True),
        ("Ziekenhuis Noord", False),
    ]
