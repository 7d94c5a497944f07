"""The admin is for clinicians: every content field has a Dutch label, the technical
fields (key, order, which option) cannot be edited, each option has a page of its own
(tests/test_a_version_is_edited_part_by_part.py), and a draft can be read as she would see
it before it is published."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission, User

from options import actions
from options.models import DecisionAid, Option
from tests import factories


def content_models():
    return list(apps.get_app_config("options").get_models())


# Labels that are the same word in Dutch.
SAME_IN_DUTCH = {"DecisionAid.status"}


def test_every_content_field_has_a_dutch_label():
    unlabelled = [
        f"{model.__name__}.{field.name}"
        for model in content_models()
        for field in model._meta.get_fields()
        if getattr(field, "verbose_name", None) is not None
        and field.name != "id"
        and str(field.verbose_name) == field.name.replace("_", " ")
    ]
    assert [name for name in unlabelled if name not in SAME_IN_DUTCH] == []


@pytest.fixture
def editor(client, db):
    client.force_login(User.objects.create_superuser("redacteur", password="een-lang-wachtwoord"))
    return client


def test_the_option_page_has_dutch_labels_and_no_editable_key_or_order(editor, django_assert_max_num_queries):
    draft = actions.new_draft(factories.published_aid())
    option = draft.options.get(key="medicijnen")
    with django_assert_max_num_queries(40):
        page = editor.get(f"/admin/options/option/{option.pk}/change/").content.decode()
    for label in ("Nadelen", "Laagste getal", "Onzekerheid", "Positief"):
        assert label in page
    for english in (">Cons<", ">Low<", ">Uncertainty<", ">Key<", ">Position<"):
        assert english not in page
    assert 'name="key"' not in page
    assert 'name="position"' not in page
    assert 'name="outcomes-0-key"' not in page
    assert 'name="outcomes-0-low"' in page
    assert 'name="cons"' in page


def test_a_clinician_edits_a_text_of_a_draft_in_the_admin(editor):
    draft = actions.new_draft(factories.published_aid())
    form = editor.get(f"/admin/options/decisionaid/{draft.pk}/change/").context["adminform"].form
    assert "language" not in form.fields
    page = editor.get(f"/admin/options/comparisonrow/{draft.comparison_rows.first().pk}/change/")
    assert 'name="key"' not in page.content.decode()
    assert 'name="position"' not in page.content.decode()


def test_the_preview_shows_the_draft_as_she_would_see_it(editor):
    draft = actions.new_draft(factories.published_aid())
    Option.objects.filter(aid=draft, key="afwachten").update(summary="Een nieuwe samenvatting van afwachten.")
    change_page = editor.get(f"/admin/options/decisionaid/{draft.pk}/change/").content.decode()
    assert f'href="/admin/options/decisionaid/{draft.pk}/voorbeeld/afwachten/"' in change_page

    option_page = editor.get(f"/admin/options/decisionaid/{draft.pk}/voorbeeld/afwachten/").content.decode()
    assert "Een nieuwe samenvatting van afwachten." in option_page
    assert "Voorbeeld van versie 2 (concept)" in option_page
    comparison = editor.get(f"/admin/options/decisionaid/{draft.pk}/voorbeeld/").content.decode()
    assert "Vraag kans?" in comparison
    # Patients still see the published version.
    assert "Een nieuwe samenvatting" not in editor.get("/opties/afwachten/").content.decode()
    assert DecisionAid.objects.current("miskraam", "nl").version == 1


def test_the_preview_is_for_staff_who_may_view_versions(client, db):
    draft = actions.new_draft(factories.published_aid())
    url = f"/admin/options/decisionaid/{draft.pk}/voorbeeld/"
    assert client.get(url).status_code == 302  # to the login
    staff = User.objects.create_user("balie", password="een-lang-wachtwoord", is_staff=True)
    client.force_login(staff)
    assert client.get(url).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_decisionaid"))
    assert client.get(url).status_code == 200
