"""A publish error in the admin links to the page where it can be mended, at the field:
an option's text on the option's page, a comparison cell or an answer in the table of its
question's page (tests/test_publishing_runs_the_import_checks.py has an outcome's)."""

import re

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages

from options import actions
from options.models import ComparisonCell, DecisionAid, KnowledgeChoice, Option
from tests import factories


@pytest.fixture
def editor(client, db):
    client.force_login(User.objects.create_superuser("redacteur", password="een-lang-wachtwoord"))
    return client


def publish_links(editor, draft):
    """The (address, text) of each problem's link after a failed publish."""
    response = editor.post(
        "/admin/options/decisionaid/", {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith("Niet gepubliceerd")
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', message)


def assert_the_link_opens_the_field(editor, address):
    page, anchor = address.split("#")
    assert f'id="{anchor}"' in editor.get(page).content.decode()


def test_an_options_text_links_to_the_field_on_the_options_page(editor):
    draft = actions.new_draft(factories.published_aid())
    Option.objects.filter(aid=draft, key="medicijnen").update(where="")
    option = draft.options.get(key="medicijnen")
    [(address, text)] = publish_links(editor, draft)
    assert address == f"/admin/options/option/{option.pk}/change/#id_where"
    assert text.startswith("Optie &#x27;Medicijnen&#x27; – waar")
    assert_the_link_opens_the_field(editor, address)


def test_a_comparison_cell_links_to_its_row_in_the_questions_table(editor):
    draft = actions.new_draft(factories.published_aid())
    ComparisonCell.objects.filter(row__aid=draft, option__key="medicijnen").update(text="")
    links = publish_links(editor, draft)
    assert links
    for address, _text in links:
        row_page, anchor = address.split("#")
        assert re.fullmatch(r"/admin/options/comparisonrow/\d+/change/", row_page)
        # The cells are in the order of the options: medicijnen is the second.
        assert anchor == "id_cells-1-text"
        assert_the_link_opens_the_field(editor, address)


def test_a_knowledge_questions_answer_links_to_its_line(editor):
    draft = actions.new_draft(factories.published_aid())
    question = draft.knowledge_questions.first()
    choice = question.choices.all()[1]
    KnowledgeChoice.objects.filter(pk=choice.pk).update(text="")
    [(address, _text)] = publish_links(editor, draft)
    assert address == f"/admin/options/knowledgequestion/{question.pk}/change/#id_choices-1-text"
    assert_the_link_opens_the_field(editor, address)


def test_a_field_of_the_version_links_to_the_versions_page(editor):
    draft = actions.new_draft(factories.published_aid())
    DecisionAid.objects.filter(pk=draft.pk).update(funding="")
    [(address, text)] = publish_links(editor, draft)
    assert address == f"/admin/options/decisionaid/{draft.pk}/change/#id_funding"
    assert text.startswith("financiering: ")
    assert_the_link_opens_the_field(editor, address)
