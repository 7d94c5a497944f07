"""Importing is idempotent, a published version never changes, and an edit is a new version."""

import pytest
from django.core.management import CommandError, call_command

from options import actions
from options.content.database import export
from options.content.normal_form import normalise
from options.content.schema import ContentError
from options.models import DecisionAid, Option, PublishedContentError
from tests import factories
from tests.conftest import CONTENT_DIR


def test_importing_the_same_content_twice_makes_one_version(db):
    first, created = actions.import_content(normalise(factories.content()))
    again, created_again = actions.import_content(normalise(factories.content()))
    assert (created, created_again) == (True, False)
    assert again == first
    assert DecisionAid.objects.count() == 1


def test_importing_changed_content_makes_a_new_published_version(db):
    factories.published_aid()
    changed = factories.content(title="Keuzehulp miskraam, herzien")
    aid, created = actions.import_content(normalise(changed))
    assert created
    assert aid.version == 2
    assert DecisionAid.objects.current("miskraam", "nl") == aid


def test_the_import_command_is_idempotent(db, capsys):
    call_command("import_content", str(CONTENT_DIR))
    call_command("import_content", str(CONTENT_DIR))
    output = capsys.readouterr().out
    assert "miskraam (nl): imported as version 1" in output
    assert "miskraam (nl): unchanged, still version 1" in output
    assert DecisionAid.objects.filter(language="nl").count() == 1
    assert DecisionAid.objects.filter(language="en").count() == 1


def test_the_import_command_refuses_broken_content_and_names_the_place(db, tmp_path):
    broken = factories.content()
    del broken["outcomes"][0]["source"]
    (tmp_path / "nl.yaml").write_text(__import__("yaml").safe_dump(broken))
    with pytest.raises(CommandError) as error:
        call_command("import_content", str(tmp_path / "nl.yaml"))
    assert "nl.yaml.outcomes[0] (medicijnen-werkt).source: is missing" in str(error.value)
    assert not DecisionAid.objects.exists()


def test_export_gives_back_exactly_the_imported_content(shipped_aids, shipped_content):
    for language, aid in shipped_aids.items():
        assert normalise(export(aid)) == shipped_content[language]


def test_a_published_version_cannot_be_changed(db):
    aid = factories.published_aid()
    aid.title = "Anders"
    with pytest.raises(PublishedContentError):
        aid.save()
    option = Option.objects.get(aid=aid, key="afwachten")
    option.name = "Anders"
    with pytest.raises(PublishedContentError):
        option.save()
    with pytest.raises(PublishedContentError):
        option.delete()
    aid.refresh_from_db()
    assert aid.title == "Keuzehulp miskraam"


def test_setting_a_published_version_back_to_draft_is_refused(db):
    aid = factories.published_aid()
    aid.status = DecisionAid.Status.DRAFT
    with pytest.raises(PublishedContentError):
        aid.save()


def test_editing_makes_a_new_version_and_leaves_the_published_one_as_it_was(db):
    published = factories.published_aid()
    draft = actions.new_draft(published)
    assert (draft.version, draft.status) == (2, DecisionAid.Status.DRAFT)

    option = Option.objects.get(aid=draft, key="afwachten")
    option.name = "Rustig afwachten"
    option.save()
    actions.publish(draft)

    assert DecisionAid.objects.current("miskraam", "nl") == draft
    assert Option.objects.get(aid=published, key="afwachten").name == "Afwachten"
    assert Option.objects.get(aid=draft, key="afwachten").name == "Rustig afwachten"


def test_a_draft_with_broken_content_is_not_published(db):
    draft = actions.new_draft(factories.published_aid())
    Option.objects.filter(aid=draft, key="curettage").update(cons="Een nadeel.\nNog een nadeel.")
    with pytest.raises(ContentError) as error:
        actions.publish(draft)
    assert error.value.problems == ["nl, versie 2.options[2] (curettage).cons: at least 3 items are required"]
    draft.refresh_from_db()
    assert draft.status == DecisionAid.Status.DRAFT
