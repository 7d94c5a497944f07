"""A made-up phone number is never something she can dial: an example hospital's numbers
are shown as text, marked as examples; a live hospital's own numbers are tel: links."""

from tests import factories
from tests.helpers import text_of


def test_example_numbers_are_not_links(client, factory_aids):
    client.get("/ziekenhuis/voorbeeld/")  # the shipped example hospital
    page = client.get("/")
    assert "tel:" not in page.content.decode()
    assert "012 345 67 89" in text_of(page)
    assert "Let op: dit zijn voorbeeldnummers." in text_of(page)


def test_a_hospitals_own_numbers_are_links(client, factory_aids):
    factories.hospital("noord", phone_office_hours="050 123 45 67", phone_24h="050 123 45 00")
    client.get("/ziekenhuis/noord/")
    html = client.get("/").content.decode()
    assert 'href="tel:0501234567"' in html
    assert 'href="tel:0501234500"' in html
    assert "voorbeeldnummers" not in html


def test_the_example_profiles_name_speaks_her_language(client, shipped_aids):
    client.get("/ziekenhuis/voorbeeld/")
    english = text_of(client.get("/en/"))
    assert "Example hospital (example profile: replace it with your own hospital)" in english
    assert "Voorbeeldziekenhuis" not in english
    assert "Voorbeeldziekenhuis (voorbeeldprofiel" in text_of(client.get("/"))
