"""A page reads at most 4 queries, however much content there is: the published
version is loaded once per worker and kept in memory."""

import pytest

from tests import factories
from tests.helpers import PAGES, url


def bigger_content():
    """The factory content with many more outcomes, rows, sections and sources."""
    content = factories.content()
    content["sources"] += [
        {"key": f"bron-{n}", "label": f"Bron {n}", "title": "Titel", "publisher": "Uitgever"} for n in range(10)
    ]
    content["outcomes"] += [factories.outcome(f"uitkomst-{n}", n + 3) for n in range(20)]
    content["comparison"] += [factories.comparison_row(f"rij-{n}", f"uitkomst-{n}", n + 3) for n in range(20)]
    content["sections"] += [
        {"key": f"blok-{n}", "title": f"Blok {n}", "body": ["Tekst."], "sources": ["folder", f"bron-{n}"]}
        for n in range(10)
    ]
    for option in content["options"]:
        option["sources"] += [f"bron-{n}" for n in range(10)]
    return content


MAX_QUERIES = 4


def count_queries(client, django_assert_max_num_queries, page_url):
    client.get(page_url)  # a worker's first request loads the version into its memory
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        assert client.get(page_url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_queries_per_page_do_not_grow_with_the_content(
    db, client, django_assert_max_num_queries, django_capture_on_commit_callbacks, name, kwargs
):
    factories.published_aid()
    small = count_queries(client, django_assert_max_num_queries, url(name, "nl", **kwargs))

    with django_capture_on_commit_callbacks(execute=True):
        factories.published_aid(**{k: v for k, v in bigger_content().items() if k != "language"})
    assert count_queries(client, django_assert_max_num_queries, url(name, "nl", **kwargs)) == small
