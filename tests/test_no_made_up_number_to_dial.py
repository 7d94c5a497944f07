"""A made-up phone number is never something she can dial: the shipped example profile's
numbers are shown as text, marked as examples; a hospital's own numbers are tel: links."""

from options.models import OrganisationProfile
from tests.helpers import text_of


def test_example_numbers_are_not_links(client, factory_aids):
    example = OrganisationProfile.current()
    assert example.is_example
    page = client.get("/")
    html = page.content.decode()
    assert "tel:" not in html
    assert example.phone_office_hours in text_of(page)
    assert "Let op: dit zijn voorbeeldnummers." in text_of(page)


def test_a_hospitals_own_numbers_are_links(client, factory_aids, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationProfile.objects.create(
            name="Ziekenhuis Noord", phone_office_hours="050 123 45 67", phone_out_of_hours="050 123 45 00"
        )
    html = client.get("/").content.decode()
    assert 'href="tel:0501234567"' in html
    assert 'href="tel:0501234500"' in html
    assert "voorbeeldnummers" not in html


def test_the_example_profiles_name_speaks_her_language(client, shipped_aids):
    english = text_of(client.get("/en/"))
    assert "Example hospital (example profile: replace it with your own hospital)" in english
    assert "Voorbeeldziekenhuis" not in english
    assert "Voorbeeldziekenhuis (voorbeeldprofiel" in text_of(client.get("/"))
