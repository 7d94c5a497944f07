"""Two hospitals that work differently, side by side: each woman reads her hospital's
variant where the sources differ, on the option page, the background page, her summary,
her PDF (Dutch and English) and her clinician's view; never the other's. Without a
hospital she reads that hospitals differ, and neither variant. With 100 hospitals, each
with its picks, a page still reads at most 4 queries."""

import pytest
from django.test import Client

from hospitals.actions import pick_practices
from hospitals.models import Hospital
from tests import factories
from tests.helpers import (
    ANSWERS,
    PAGES,
    PDF_URL,
    clinician_client,
    pdf_of,
    save,
    share_code_of,
    text_of,
    text_of_pdf,
    url,
    walk,
)

DAY = "Een dag later gaan de tabletten in."
DAY_AND_A_HALF = "Anderhalve dag later gaan de tabletten in."
DIFFER = "Ziekenhuizen doen dit verschillend. Het eigen ziekenhuis zegt hoe het daar gaat."
NOORD = {"name": "Ziekenhuis Noord", "phone_office_hours": "050 123 45 67", "phone_24h": "050 123 45 00"}
ZUID = {"name": "Ziekenhuis Zuid", "phone_office_hours": "043 765 43 21", "phone_24h": "043 765 43 00"}


def aid_with_practices(language):
    """Factory content whose medication steps and background section show the practice."""
    options = [
        factories.option(key, steps=["Eerste stap.", "[werkwijze: schema]", "Tweede stap."])
        if key == "medicijnen"
        else factories.option(key)
        for key in factories.OPTION_KEYS
    ]
    sections = [
        {"key": "hoe-vaak", "title": "Hoe vaak?", "body": ["Vaak.", "[werkwijze: schema]"], "sources": ["folder"]}
    ]
    return factories.published_aid(language, options=options, sections=sections)


@pytest.fixture
def patients(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for language in ("nl", "en"):
            aid_with_practices(language)
        # Noord picked the other variant; Zuid has not picked: it shows the default.
        pick_practices(factories.hospital("noord", **NOORD), {"schema": "na-anderhalve-dag"})
        factories.hospital("zuid", **ZUID)
    noord, zuid = Client(), Client()
    noord.get("/ziekenhuis/noord/")
    zuid.get("/ziekenhuis/zuid/")
    return {"noord": (noord, NOORD, DAY_AND_A_HALF, DAY), "zuid": (zuid, ZUID, DAY, DAY_AND_A_HALF)}


def shows_only(text, own_hospital, own_variant, other_variant):
    assert own_hospital["name"] in text
    assert own_hospital["phone_24h"] in text
    assert own_variant in text
    assert other_variant not in text
    assert DIFFER not in text
    assert "[werkwijze" not in text


@pytest.mark.parametrize("which", ["noord", "zuid"])
def test_each_reads_her_hospital_s_variant_where_the_practice_stands(patients, which):
    client, hospital, own, other = patients[which]
    page = text_of(client.get(url("options:option", "nl", key="medicijnen")))
    shows_only(page, hospital, own, other)
    assert page.index("Eerste stap.") < page.index(own) < page.index("Tweede stap.")
    shows_only(text_of(client.get(url("options:background", "nl"))), hospital, own, other)


def test_each_reads_her_hospital_s_variant_in_her_summary_her_pdf_and_her_clinician_s_view(patients):
    for client, hospital, own, other in patients.values():
        walk(client)
        summary = text_of(client.get("/mijn-keuze/samenvatting/"))
        shows_only(summary, hospital, own, other)
        assert f"Wanneer gaan de tabletten in? {own}" in summary
        shows_only(text_of_pdf(pdf_of(client, PDF_URL)), hospital, own, other)
        shows_only(text_of_pdf(pdf_of(client, "/en" + PDF_URL)), hospital, own, other)
    # A clinician of both hospitals (one of only one of them opens only its patients' codes).
    clinician = clinician_client(hospitals=list(Hospital.objects.filter(slug__in=["noord", "zuid"])))
    for client, hospital, own, other in patients.values():
        response = clinician.post("/zorgverlener/", {"code": share_code_of(client)}, follow=True)
        shows_only(text_of(response), hospital, own, other)


def test_without_a_hospital_she_reads_that_hospitals_differ(patients):
    client = Client()
    for page in [url("options:option", "nl", key="medicijnen"), url("options:background", "nl")]:
        text = text_of(client.get(page))
        assert DIFFER in text
        assert DAY not in text
        assert DAY_AND_A_HALF not in text
    walk(client)
    summary = text_of(client.get("/mijn-keuze/samenvatting/"))
    assert f"Waar ziekenhuizen verschillen Wanneer gaan de tabletten in? {DIFFER}" in summary
    pdf = text_of_pdf(pdf_of(client, PDF_URL))
    assert DIFFER in pdf
    assert DAY not in pdf
    assert DAY_AND_A_HALF not in pdf


def test_her_summary_shows_the_practices_of_the_option_she_leans_to(patients):
    client, _hospital, own, _other = patients["zuid"]
    walk(client)
    assert own in text_of(client.get("/mijn-keuze/samenvatting/"))
    save(client, "leaning", {**ANSWERS["leaning"], "leaning": "afwachten"})
    summary = text_of(client.get("/mijn-keuze/samenvatting/"))
    assert own not in summary
    assert "Zo werkt jouw ziekenhuis" not in summary  # the only practice is of another option


def test_a_changed_pick_shows_once_committed_also_in_a_pdf_drawn_before(patients, django_capture_on_commit_callbacks):
    client, _hospital, own, other = patients["zuid"]
    walk(client)
    assert own in text_of_pdf(pdf_of(client, PDF_URL))
    with django_capture_on_commit_callbacks(execute=True):
        pick_practices(Hospital.objects.get(slug="zuid"), {"schema": "na-anderhalve-dag"})
    assert other in text_of(client.get(url("options:option", "nl", key="medicijnen")))
    assert other in text_of_pdf(pdf_of(client, PDF_URL))


def test_a_pick_this_version_does_not_know_shows_the_default(patients, django_capture_on_commit_callbacks):
    client, *_ = patients["zuid"]
    with django_capture_on_commit_callbacks(execute=True):
        pick_practices(Hospital.objects.get(slug="zuid"), {"schema": "na-een-week", "opname": "dagdeel"})
    assert DAY in text_of(client.get(url("options:option", "nl", key="medicijnen")))


MAX_QUERIES = 4


@pytest.fixture
def many(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        aid_with_practices("nl")
        for n in range(100):
            hospital = factories.hospital(f"ziekenhuis-{n:03}", name=f"Ziekenhuis {n:03}")
            pick_practices(hospital, {"schema": ["na-een-dag", "na-anderhalve-dag"][n % 2]})


@pytest.mark.parametrize(("chosen", "variant"), [("ziekenhuis-042", DAY), ("ziekenhuis-043", DAY_AND_A_HALF)])
def test_pages_with_practices_read_at_most_4_queries_with_100_hospitals(
    many, django_assert_max_num_queries, chosen, variant
):
    client = Client()
    client.get(f"/ziekenhuis/{chosen}/")
    walk(client)
    for page in [
        url("options:option", "nl", key="medicijnen"),
        url("options:background", "nl"),
        "/mijn-keuze/samenvatting/",
    ]:
        client.get(page)  # a worker's first request fills its memory and the cache
        with django_assert_max_num_queries(MAX_QUERIES, info=page):
            response = client.get(page)
        assert variant in text_of(response)


def test_the_shipped_pages_show_her_hospital_s_practice_in_both_languages_and_never_a_marker(
    shipped_aids, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pick_practices(factories.hospital("noord"), {"misoprostol-schema": "na-36-uur-zo-nodig-tweede-keer"})
    chosen, neutral = Client(), Client()
    chosen.get("/ziekenhuis/noord/")
    expected = {
        "nl": ("Ongeveer 36 uur later doe je 4 tabletten misoprostol", "Ziekenhuizen doen dit verschillend."),
        "en": ("About 36 hours later, you put 4 tablets of misoprostol", "Hospitals do this differently."),
    }
    for language, (variant, differ) in expected.items():
        medication = url("options:option", language, key="medicijnen")
        assert variant in text_of(chosen.get(medication))
        assert differ not in text_of(chosen.get(medication))
        assert differ in text_of(neutral.get(medication))
        assert variant not in text_of(neutral.get(medication))
        for name, kwargs in PAGES:
            for client in (chosen, neutral):
                assert "[werkwijze" not in client.get(url(name, language, **kwargs)).content.decode()
