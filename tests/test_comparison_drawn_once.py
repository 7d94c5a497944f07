"""The comparison in her summary is the same for every patient of a content version: it
is drawn once per worker, version and language, and then only copied into the page."""

from django.test import Client

from tests.helpers import walk_shipped

TABLE = "answers/_summary/comparison.html"


def drawn(response):
    return [t.name for t in response.templates].count(TABLE)


def test_the_table_is_drawn_once_per_version_and_language(client, shipped_aids):
    walk_shipped(client)
    first = client.get("/mijn-keuze/samenvatting/")
    other_patient = Client()
    walk_shipped(other_patient)
    second = other_patient.get("/mijn-keuze/samenvatting/")
    assert (drawn(first), drawn(second)) == (1, 0)
    table = first.content.decode().split('<section class="summary-comparison">')[1].split("</section>")[0]
    assert table in second.content.decode()
    assert "85 van de 100" in table
    assert drawn(client.get("/en/mijn-keuze/samenvatting/")) == 1
    assert "85 out of 100" in client.get("/en/mijn-keuze/samenvatting/").content.decode()
