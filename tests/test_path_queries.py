"""Her pages read at most 4 queries, however much content there is and however much she
answered: the content comes from the worker's memory, her answers in one query."""

import pytest
from django.test import Client

from tests import factories
from tests.helpers import STEP_URLS, walk

RESULT_PAGES = [
    "/mijn-keuze/situatie/wat-betekent-dit/",
    "/mijn-keuze/wat-vind-ik-belangrijk/wat-past/",
    "/mijn-keuze/kennis/antwoorden/",
    "/mijn-keuze/samenvatting/",
    "/mijn-keuze/delen/",
]
MAX_QUERIES = 4


def bigger_content():
    content = factories.content()
    content["value_statements"] += [factories.value_statement(f"uitspraak-{n}") for n in range(10)]
    content["knowledge_questions"] += [{**content["knowledge_questions"][0], "key": f"vraag-{n}"} for n in range(5)]
    content["situation_questions"] += [{**content["situation_questions"][-1], "key": f"situatie-{n}"} for n in range(6)]
    return content


def queries_per_page(django_assert_max_num_queries, django_capture_on_commit_callbacks, overrides):
    with django_capture_on_commit_callbacks(execute=True):
        factories.published_aid(**overrides)
    client = Client()
    walk(client)
    client.get("/")  # a worker's first page loads what every page shows into the cache
    client.get("/mijn-keuze/samenvatting/")  # her first visit counts her walk, once: a write (figures)
    counts = {}
    for url in [*STEP_URLS.values(), *RESULT_PAGES]:
        with django_assert_max_num_queries(MAX_QUERIES, info=url) as captured:
            assert client.get(url).status_code == 200
        counts[url] = len(captured)
    return counts


@pytest.mark.django_db
def test_queries_per_step_do_not_grow_with_the_content(
    django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    small = queries_per_page(django_assert_max_num_queries, django_capture_on_commit_callbacks, {})
    big = queries_per_page(
        django_assert_max_num_queries,
        django_capture_on_commit_callbacks,
        {k: v for k, v in bigger_content().items() if k != "language"},
    )
    assert big == small
