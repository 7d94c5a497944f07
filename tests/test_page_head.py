"""What a browser and a search engine read before the page: a title that does not repeat
itself, a description in her language, an icon (no 404), and a robots.txt that keeps her
path, the clinicians' pages and the admin out of search results."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

from tests.helpers import PAGES, url


def title_of(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def test_the_start_page_title_says_the_name_once(client, factory_aids):
    assert title_of(client.get("/")) == factory_aids["nl"].title
    assert title_of(client.get("/vergelijken/")).endswith(" – Keuzehulp miskraam")


def test_every_page_has_a_description_in_its_language(client, factory_aids):
    for name, kwargs in PAGES:
        dutch = client.get(url(name, "nl", **kwargs)).content.decode()
        english = client.get(url(name, "en", **kwargs)).content.decode()
        assert '<meta name="description" content="Een keuzehulp voor vrouwen die een miskraam krijgen' in dutch
        assert '<meta name="description" content="A decision aid for women having a miscarriage' in english


def test_the_page_names_an_icon_that_exists(client, factory_aids):
    page = client.get("/").content.decode()
    icon = re.search(r'<link rel="icon" href="/static/([^"]+)" type="image/svg\+xml">', page).group(1)
    assert "<svg" in Path(finders.find(icon)).read_text()


def test_robots_keep_her_path_out_of_search_results(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    for path in ["/mijn-keuze/", "/en/mijn-keuze/", "/zorgverlener/", "/ziekenhuis/", "/en/ziekenhuis/", "/admin/"]:
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines  # the information pages stay findable
