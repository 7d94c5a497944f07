"""Her pages get Bootstrap trimmed to the rules they use (decision 0007): a fraction of the
whole stylesheet, made at install time from the templates and our Python, and still with
every Bootstrap class that any page writes, in either language, with errors or without."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from tests.helpers import PAGES, STEP_URLS, arrive, clinician_client, url, walk_shipped

FULL = Path(settings.BASE_DIR) / "node_modules" / "bootstrap" / "dist" / "css" / "bootstrap.min.css"
REBUILD = (
    "missing from the trimmed stylesheet: run make (scripts/trim_css.mjs); a class written by a file that "
    "the script does not read (crispy-forms' templates) goes in its safelist"
)


def classes_in_selectors(css):
    """Every class that a selector of the stylesheet names (not what a declaration says)."""
    selectors = " ".join(re.findall(r"([^{}]+)\{", css))
    return set(re.findall(r"\.(-?[A-Za-z_][\w-]*)", selectors))


def classes_on(html):
    return {name for value in re.findall(r'class="([^"]*)"', html) for name in value.split()}


def stylesheets(client, path="/"):
    """The stylesheets the page links, as the static files app finds (and collects) them."""
    page = client.get(path).content.decode()
    hrefs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    found = {href: finders.find(href.removeprefix(settings.STATIC_URL)) for href in hrefs}
    return {href: Path(file).read_text() if file else "" for href, file in found.items()}


def served_bootstrap(client):
    (css,) = [css for href, css in stylesheets(client).items() if "bootstrap" in href]
    assert css, REBUILD
    return css


def test_the_pages_link_the_trimmed_stylesheet_not_the_whole_one(client, factory_aids):
    hrefs = list(stylesheets(client))
    assert [href for href in hrefs if "bootstrap" in href] == ["/static/vendor/bootstrap/bootstrap.trimmed.css"]
    assert all(href.startswith(settings.STATIC_URL) for href in hrefs)


def test_it_is_a_fraction_of_bootstraps_whole_stylesheet(client, factory_aids):
    trimmed = served_bootstrap(client)
    assert len(trimmed.encode()) < FULL.stat().st_size / 5


def test_it_keeps_the_rules_the_pages_need(client, factory_aids):
    kept = classes_in_selectors(served_bootstrap(client))
    for name in ["container", "btn", "btn-primary", "visually-hidden-focusable", "form-check-input", "form-control"]:
        assert name in kept, name
    assert ".form-check-input:checked[type=radio]" in served_bootstrap(client)


def test_it_leaves_out_what_no_page_writes(client, factory_aids):
    """Bootstrap's components that need its JavaScript, which the app does not ship."""
    kept = classes_in_selectors(served_bootstrap(client))
    for name in ["carousel", "modal", "offcanvas", "popover", "toast", "tooltip"]:
        assert name not in kept, name


def her_pages(client, prefix=""):
    """Every page of her path after her whole walk, and the forms with their errors."""
    walk_shipped(client, prefix=prefix)
    paths = [*STEP_URLS.values(), "/mijn-keuze/"]
    paths += [f"/mijn-keuze/{page}/" for page in ("bel-nu", "samenvatting", "delen", "code", "verder", "wissen")]
    paths += [f"/mijn-keuze/{page}/" for page in ("situatie/wat-betekent-dit", "wat-vind-ik-belangrijk/wat-past")]
    paths += [f"/mijn-keuze/{page}/" for page in ("kennis/antwoorden", "voorkeur/twijfel")]
    pages = [client.get(prefix + path) for path in paths]
    pages.append(client.post(prefix + STEP_URLS["situation"], {"rhesus": "misschien", "action": "save"}))
    pages.append(client.post(prefix + "/mijn-keuze/verder/", {"code": "ABCD"}))
    pages.append(client.post(prefix + "/mijn-keuze/code/"))
    # Her pages above without a hospital; her code is for a clinician of hers.
    share = arrive(client).post(prefix + "/mijn-keuze/delen/", {"action": "create"})
    pages.append(share)
    return pages, share.context["share"]["code"]


def clinician_pages(code):
    stranger = Client()
    pages = [stranger.get("/zorgverlener/inloggen/")]
    pages.append(stranger.post("/zorgverlener/inloggen/", {"username": "arts", "password": "fout"}))
    clinician = clinician_client()
    pages.append(clinician.get("/zorgverlener/"))
    pages.append(clinician.post("/zorgverlener/", {"code": "ABCD"}))
    pages.append(clinician.post("/zorgverlener/", {"code": code}, follow=True))
    return pages


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_bootstrap_class_a_page_writes_is_in_it(client, shipped_aids, language):
    """The trimmed stylesheet keeps up with markup added anywhere: a Bootstrap class on
    any page (from a template, from Python, from crispy-forms) has its rules."""
    prefix = "" if language == "nl" else "/en"
    pages = [client.get(url(name, language, **kwargs)) for name, kwargs in PAGES]
    path_pages, code = her_pages(Client(), prefix)
    pages += path_pages + clinician_pages(code)
    statuses = [(page.request["REQUEST_METHOD"], page.request["PATH_INFO"], page.status_code) for page in pages]
    assert {status for *_, status in statuses} <= {200, 400}, statuses
    written = set().union(*(classes_on(page.content.decode()) for page in pages))
    bootstrap = classes_in_selectors(FULL.read_text())
    missing = (written & bootstrap) - classes_in_selectors(served_bootstrap(client))
    assert missing == set(), REBUILD
