"""`manage.py check --deploy` fails while a live hospital has no 24-hour number or an
example hospital is live: what she dials at night must be real and reachable."""

from django.core import checks

from hospitals.models import Hospital
from tests import factories


def deploy_errors():
    return [
        message
        for message in checks.run_checks(include_deployment_checks=True, tags=["hospitals"])
        if message.level >= checks.ERROR
    ]


def test_the_shipped_example_and_a_ready_live_hospital_pass(db):
    factories.hospital("noord")
    assert Hospital.objects.get(slug="voorbeeld").is_example
    assert deploy_errors() == []


def test_a_live_hospital_without_a_24_hour_number_fails(db):
    factories.hospital("noord", phone_24h="")
    [error] = deploy_errors()
    assert error.id == "hospitals.E001"
    assert "noord" in error.msg
    assert "dag en nacht" in error.msg


def test_a_live_example_fails(db):
    Hospital.objects.filter(slug="voorbeeld").update(is_live=True)
    [error] = deploy_errors()
    assert error.id == "hospitals.E002"
    assert "verzonnen" in error.msg


def test_the_check_runs_only_for_deployment(db):
    factories.hospital("noord", phone_24h="")
    assert not checks.run_checks(tags=["hospitals"])
