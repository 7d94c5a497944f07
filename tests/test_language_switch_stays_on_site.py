"""The language switch links to the same page in the other language, and never to
another host, whatever path was asked for (the 404 page shows the switch too)."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client


def switch_links(response):
    return re.findall(r'<a class="language-link" href="([^"]*)"', response.content.decode())


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("/vergelijken/", "/en/vergelijken/"),
        ("/en/opties/medicijnen/", "/opties/medicijnen/"),
        ("/bestaat-niet/", "/bestaat-niet/"),
    ],
)
def test_the_switch_goes_to_the_same_page(factory_aids, path, link):
    assert switch_links(Client().get(path)) == [link]


@pytest.mark.parametrize(
    "path",
    ["//evil.example/", "//evil.example/vergelijken/", "/\\evil.example/", "///evil.example/"],
)
def test_a_path_that_looks_like_another_host_never_links_there(factory_aids, path):
    # As the server gets it: the test client itself would read "//host/" as a host.
    [link] = switch_links(Client().get("/", PATH_INFO=path))
    # Where a browser goes: it reads a backslash in a link as a slash.
    assert urlsplit(urljoin("https://testserver/page/", link.replace("\\", "/"))).hostname == "testserver"
    assert link.startswith("/")
    assert not link.startswith("//")
