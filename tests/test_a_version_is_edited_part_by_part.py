"""In the admin a clinician edits a draft part by part: the version's page links to a page
per option and a list per kind of part; she changes an option's cons on the option's page
in one post; a published version's parts cannot change there; and each page reads the
database a bounded number of times, however many parts the version has."""

import pytest
from django.contrib.auth.models import User

from options import actions
from options.models import (
    AlarmSign,
    ComparisonRow,
    Flag,
    InfoSection,
    KnowledgeQuestion,
    Option,
    Outcome,
    SituationQuestion,
    Source,
    ValueStatement,
)
from tests import factories
from tests.helpers import form_data

PARTS = [Option, Outcome, ComparisonRow, ValueStatement, KnowledgeQuestion, SituationQuestion, AlarmSign, Flag]
PARTS += [InfoSection, Source]


@pytest.fixture
def editor(client, db):
    client.force_login(User.objects.create_superuser("redacteur", password="een-lang-wachtwoord"))
    return client


def version_page(aid):
    return f"/admin/options/decisionaid/{aid.pk}/change/"


def change_page(item):
    return f"/admin/options/{item._meta.model_name}/{item.pk}/change/"


def list_page(model, aid):
    return f"/admin/options/{model._meta.model_name}/?aid__id__exact={aid.pk}"


def test_the_version_page_links_to_a_page_per_option_and_a_list_per_part(editor):
    draft = actions.new_draft(factories.published_aid())
    page = editor.get(version_page(draft)).content.decode()
    for option in draft.options.all():
        assert f'<a href="{change_page(option)}">{option.name}</a>' in page
    for model in PARTS[1:]:
        assert f'href="{list_page(model, draft)}"' in page
    # No part is edited on the version's page any more: that made it some 43,000 px tall.
    assert 'name="options-0-cons"' not in page
    assert 'name="outcomes-0-positive"' not in page


@pytest.mark.parametrize("model", PARTS)
def test_a_list_holds_the_parts_of_one_version(editor, model):
    published = factories.published_aid()
    draft = actions.new_draft(published)
    response = editor.get(list_page(model, draft))
    assert response.status_code == 200
    shown = {item.pk for item in response.context["cl"].result_list}
    assert shown == set(model.objects.filter(aid=draft).values_list("pk", flat=True))
    assert shown


def test_a_clinician_changes_the_cons_of_one_option_in_one_post(editor):
    draft = actions.new_draft(factories.published_aid())
    option = draft.options.get(key="medicijnen")
    outcomes_before = list(Outcome.objects.filter(aid=draft).values())
    others_before = list(draft.options.exclude(pk=option.pk).values())

    # From the version's page, one link to the option's page; there one field and Opslaan.
    assert change_page(option) in editor.get(version_page(draft)).content.decode()
    page = editor.get(change_page(option))
    cons = "Je kunt buikpijn krijgen.\nHet kan een paar dagen duren."
    response = editor.post(change_page(option), form_data(page, cons=cons))

    assert response.status_code == 302, response.content.decode()[:3000]
    option.refresh_from_db()
    assert option.cons == ["Je kunt buikpijn krijgen.", "Het kan een paar dagen duren."]
    assert list(Outcome.objects.filter(aid=draft).values()) == outcomes_before
    assert list(draft.options.exclude(pk=option.pk).values()) == others_before
    # Whoever edits a draft may not approve it (actions.publish).
    assert list(draft.edited_by.values_list("username", flat=True)) == ["redacteur"]


def test_an_outcome_is_edited_on_its_options_page(editor):
    draft = actions.new_draft(factories.published_aid())
    option = draft.options.get(key="medicijnen")
    page = editor.get(change_page(option))
    forms = page.context["inline_admin_formsets"][0].formset.forms
    [index] = [i for i, form in enumerate(forms) if form.instance.key == "medicijnen-werkt"]
    positive = "Bij 85 van de 100 vrouwen is de miskraam na de medicijnen compleet."
    response = editor.post(change_page(option), form_data(page, **{f"outcomes-{index}-positive": positive}))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Outcome.objects.get(aid=draft, key="medicijnen-werkt").positive == positive


@pytest.mark.parametrize("model", PARTS)
def test_a_published_versions_parts_cannot_change_on_their_pages(editor, model):
    published = factories.published_aid()
    item = model.objects.filter(aid=published).first()
    page = editor.get(change_page(item))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert editor.post(change_page(item), form_data(page)).status_code == 403


def test_a_published_options_cons_stay_as_they_were(editor):
    published = factories.published_aid()
    option = published.options.get(key="medicijnen")
    before = option.cons
    page = editor.get(change_page(option))
    assert editor.post(change_page(option), {**form_data(page), "cons": ["Anders."]}).status_code == 403
    option.refresh_from_db()
    assert option.cons == before


# Measured on the shipped content (SQLite): the bounds leave room for a few queries more,
# not for one per item.
QUERIES = {"version": 10, "option": 12, "list": 7, "item": 12}


def test_the_version_and_option_pages_make_few_queries(editor, shipped_aids, django_assert_max_num_queries):
    draft = actions.new_draft(shipped_aids["nl"])
    with django_assert_max_num_queries(QUERIES["version"]):
        assert editor.get(version_page(draft)).status_code == 200
    for option in draft.options.all():
        with django_assert_max_num_queries(QUERIES["option"]):
            assert editor.get(change_page(option)).status_code == 200


@pytest.mark.parametrize("model", PARTS)
def test_each_part_page_makes_few_queries(editor, shipped_aids, django_assert_max_num_queries, model):
    draft = actions.new_draft(shipped_aids["nl"])
    with django_assert_max_num_queries(QUERIES["list"]):
        assert editor.get(list_page(model, draft)).status_code == 200
    for item in model.objects.filter(aid=draft):
        with django_assert_max_num_queries(QUERIES["item"]):
            assert editor.get(change_page(item)).status_code == 200


@pytest.mark.parametrize("model", PARTS)
def test_which_parts_a_version_has_comes_with_the_version(editor, model):
    """Adding or deleting an item would break the keys her answers and the translations
    refer to: new items come through the content files, in every language at once."""
    draft = actions.new_draft(factories.published_aid())
    item = model.objects.filter(aid=draft).first()
    assert editor.get(f"/admin/options/{model._meta.model_name}/add/").status_code == 403
    assert editor.get(f"/admin/options/{model._meta.model_name}/{item.pk}/delete/").status_code == 403
    assert 'name="_save"' in editor.get(change_page(item)).content.decode()
