"""A hospital's own address, /ziekenhuis/<slug>/ (printed as a QR code on its leaflets),
remembers her hospital and lands on the start page; an unknown address is a clear 404."""

import pytest

from tests import factories
from tests.helpers import text_of

# Her hospital's pages read the published content.
pytestmark = pytest.mark.usefixtures("factory_aids")


def test_the_address_remembers_her_hospital_and_lands_on_the_start_page(client, noord):
    response = client.get("/ziekenhuis/noord/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "Je ziekenhuis: Ziekenhuis Noord" in text_of(client.get("/"))


def test_the_english_address_lands_on_the_english_start_page(client, noord):
    assert client.get("/en/ziekenhuis/noord/")["Location"] == "/en/"
    assert "Your hospital: Ziekenhuis Noord" in text_of(client.get("/en/"))


@pytest.mark.parametrize("slug", ["onbekend", "concept"])
def test_an_unknown_or_unfinished_hospital_is_a_clear_404(client, noord, slug):
    factories.hospital("concept", is_live=False)  # being set up: not reachable yet
    response = client.get(f"/ziekenhuis/{slug}/")
    assert response.status_code == 404
    text = text_of(response)
    assert "Dit ziekenhuis kennen we niet" in text
    assert "Kies je ziekenhuis uit de lijst" in text
    assert "Bel je eigen ziekenhuis of je huisarts." in text
    assert "Je ziekenhuis:" not in text_of(client.get("/"))


def test_the_example_hospital_is_reachable_for_demonstrations(client, factory_aids):
    assert client.get("/ziekenhuis/voorbeeld/").status_code == 302
    assert "Let op: dit zijn voorbeeldnummers." in text_of(client.get("/"))


def test_the_qr_code_holds_the_hospitals_address(client, noord):
    response = client.get("/ziekenhuis/noord/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<?xml")
    assert "<title>Ziekenhuis Noord</title>" in svg
    assert client.get("/ziekenhuis/onbekend/qr.svg").status_code == 404


def test_the_admin_shows_the_address_and_the_qr_code(admin_client, noord):
    html = admin_client.get(f"/admin/hospitals/hospital/{noord.pk}/change/").content.decode()
    assert "<code>/ziekenhuis/noord/</code>" in html
    assert 'src="/ziekenhuis/noord/qr.svg"' in html
