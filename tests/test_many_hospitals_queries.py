"""With 100 hospitals loaded, a page still reads at most 4 queries: her hospital and the
list of live hospitals come from the shared cache, cleared when a hospital changes."""

import pytest
from django.test import Client

from hospitals.models import Hospital
from tests import factories
from tests.helpers import PAGES, STEP_URLS, url, walk

MAX_QUERIES = 4
HOSPITALS = 100


@pytest.fixture
def many(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        factories.published_aid()
        Hospital.objects.bulk_create(
            Hospital(
                name=f"Ziekenhuis {n:03}",
                slug=f"ziekenhuis-{n:03}",
                phone_office_hours="050 123 45 67",
                phone_24h="050 123 45 00",
                is_live=True,
            )
            for n in range(HOSPITALS)
        )
    assert Hospital.objects.live().count() == HOSPITALS


def pages():
    return [url(name, "nl", **kwargs) for name, kwargs in PAGES] + ["/ziekenhuis/"]


@pytest.mark.parametrize("chosen", [None, "ziekenhuis-042"])
def test_information_pages_read_at_most_4_queries_with_100_hospitals(many, django_assert_max_num_queries, chosen):
    client = Client()
    if chosen:
        client.get(f"/ziekenhuis/{chosen}/")
    for page in pages():
        client.get(page)  # a worker's first request fills its memory and the cache
        with django_assert_max_num_queries(MAX_QUERIES, info=page):
            response = client.get(page)
        assert response.status_code == 200
        assert ("Ziekenhuis 042" in response.content.decode()) or not chosen
    if not chosen:
        assert response.content.decode().count("<option") == HOSPITALS + 2


def test_her_path_reads_at_most_4_queries_with_100_hospitals(many, django_assert_max_num_queries):
    client = Client()
    client.get("/ziekenhuis/ziekenhuis-042/")
    walk(client)
    client.get("/")
    client.get("/mijn-keuze/samenvatting/")  # her first visit counts her walk, once: a write (figures)
    for page in [*STEP_URLS.values(), "/mijn-keuze/samenvatting/", "/mijn-keuze/bel-nu/"]:
        with django_assert_max_num_queries(MAX_QUERIES, info=page):
            response = client.get(page)
        assert response.status_code == 200
        assert "Ziekenhuis 042" in response.content.decode()


def test_a_changed_hospital_is_read_again_once_the_change_is_committed(many, django_capture_on_commit_callbacks):
    client = Client()
    client.get("/ziekenhuis/ziekenhuis-042/")
    assert "050 123 45 00" in client.get("/").content.decode()
    hospital = Hospital.objects.get(slug="ziekenhuis-042")
    hospital.phone_24h = "050 999 99 99"
    with django_capture_on_commit_callbacks(execute=True):
        hospital.save()
    assert "050 999 99 99" in client.get("/").content.decode()
