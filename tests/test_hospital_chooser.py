"""On the start page she answers "Van welk ziekenhuis kreeg je deze keuzehulp?" from a
plain list of the live hospitals (a form, no JavaScript), or "staat er niet bij"."""

import re

import pytest

from tests import factories
from tests.helpers import text_of


@pytest.fixture
def hospitals(factory_aids):
    factories.hospital("noord", name="Ziekenhuis Noord")
    factories.hospital("zuid", name="Ziekenhuis Zuid")
    factories.hospital("concept", name="Ziekenhuis in oprichting", is_live=False)


def options_of(html):
    select = re.search(r"<select[^>]*>(.*?)</select>", html, re.S).group(1)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def test_the_start_page_asks_with_a_plain_list_of_live_hospitals(client, hospitals):
    html = client.get("/").content.decode()
    assert "Van welk ziekenhuis kreeg je deze keuzehulp?" in html
    assert re.search(r'<form class="hospital-choice" method="post" action="/ziekenhuis/"', html)
    assert options_of(html) == [
        "Kies je ziekenhuis",
        "Ziekenhuis Noord",
        "Ziekenhuis Zuid",
        "Mijn ziekenhuis staat er niet bij",
    ]


def test_the_list_speaks_english_on_english_pages(client, hospitals):
    html = client.get("/en/").content.decode()
    assert "Which hospital gave you this decision aid?" in html
    assert options_of(html)[-1] == "My hospital is not in the list"


def test_choosing_nothing_is_explained_in_her_language(client, hospitals):
    response = client.post("/ziekenhuis/", {"hospital": ""})
    assert response.status_code == 400
    assert "Kies je ziekenhuis, of kies „Mijn ziekenhuis staat er niet bij”." in text_of(response)
    assert 'href="#id_hospital"' in response.content.decode()
    response = client.post("/ziekenhuis/", {"hospital": "concept"})
    assert response.status_code == 400
    assert "Kies je ziekenhuis uit de lijst" in text_of(response)


def test_without_live_hospitals_the_start_page_does_not_ask(client, factory_aids):
    assert "Van welk ziekenhuis" not in text_of(client.get("/"))
