"""A hospital's numbers are Dutch phone numbers, and it goes live only with a number that
is answered day and night and only if it is not an example; refused in Dutch."""

import pytest
from django.core.exceptions import ValidationError

from hospitals.models import Hospital
from hospitals.phone import validate_dutch_phone


@pytest.mark.parametrize("number", ["050 123 45 67", "088-1234567", "+31 88 123 45 67", "0031 88 1234567", "0800 1234"])
def test_dutch_numbers_as_people_write_them_pass(number):
    validate_dutch_phone(number)


@pytest.mark.parametrize("number", ["bel maar", "050 123 45", "112", "+32 2 123 45 67", "06-1234567890"])
def test_anything_else_is_refused_in_dutch(number):
    with pytest.raises(ValidationError) as refused:
        validate_dutch_phone(number)
    assert "Vul een Nederlands telefoonnummer in" in refused.value.messages[0]


def hospital(**fields):
    return Hospital(name="Ziekenhuis Noord", slug="noord", phone_office_hours="050 123 45 67", **fields)


def test_live_needs_a_24_hour_number(db):
    with pytest.raises(ValidationError) as refused:
        hospital(is_live=True).full_clean()
    assert refused.value.message_dict == {
        "phone_24h": ["Vul een nummer in dat dag en nacht bereikbaar is voordat het ziekenhuis live gaat."]
    }
    hospital(is_live=True, phone_24h="050 123 45 00").full_clean()


def test_an_example_cannot_go_live(db):
    with pytest.raises(ValidationError) as refused:
        hospital(is_live=True, is_example=True, phone_24h="050 123 45 00").full_clean()
    assert "Een voorbeeldziekenhuis kan niet live gaan" in refused.value.message_dict["is_live"][0]


def test_the_admin_refuses_bel_maar(admin_client, db):
    response = admin_client.post(
        "/admin/hospitals/hospital/add/",
        {"name": "Ziekenhuis Noord", "slug": "noord", "phone_office_hours": "bel maar", "phone_24h": "", "website": ""},
    )
    assert response.status_code == 200
    assert "Vul een Nederlands telefoonnummer in" in response.content.decode()
    assert not Hospital.objects.filter(slug="noord").exists()
