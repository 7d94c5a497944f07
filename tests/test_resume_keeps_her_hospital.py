"""Her hospital is kept with her answers: resumed with her code on another device, her
pages show her hospital, whatever that device chose before."""

from django.test import Client

from tests import factories
from tests.helpers import text_of, walk


def test_a_resume_code_on_another_device_brings_her_hospital(client, factory_aids):
    factories.hospital("noord", name="Ziekenhuis Noord", phone_24h="050 123 45 00")
    factories.hospital("zuid", name="Ziekenhuis Zuid", phone_24h="043 765 43 00")
    client.get("/ziekenhuis/noord/")
    walk(client)
    code = client.post("/mijn-keuze/code/").context["code"]

    other = Client()
    other.get("/ziekenhuis/zuid/")  # this device was used with another hospital before
    assert other.post("/mijn-keuze/verder/", {"code": code})["Location"].startswith("/mijn-keuze/")
    for url in ["/", "/mijn-keuze/samenvatting/"]:
        text = text_of(other.get(url))
        assert "Ziekenhuis Noord" in text
        assert "050 123 45 00" in text
        assert "Ziekenhuis Zuid" not in text


def test_her_record_wins_over_an_older_choice_in_another_session(client, factory_aids):
    factories.hospital("noord", name="Ziekenhuis Noord")
    factories.hospital("zuid", name="Ziekenhuis Zuid")
    client.get("/ziekenhuis/noord/")
    walk(client)
    cookie = client.cookies["sessionid"].value
    # The same session in a second tab changes the hospital; the first tab follows.
    other = Client()
    other.cookies["sessionid"] = cookie
    other.post("/ziekenhuis/", {"hospital": "zuid"})
    assert "Ziekenhuis Zuid" in text_of(client.get("/mijn-keuze/samenvatting/"))
