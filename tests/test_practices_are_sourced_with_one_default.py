"""Where the sources differ by hospital, the content declares a practice with its
variants: the loader refuses a practice without exactly one default, a variant without a
source or with an unknown one, a practice standing where no page shows it, and languages
that do not declare the same practices in the same places. Refusals read in Dutch in
the admin, naming the field."""

import pytest
import yaml

from options import actions
from options.content.checks import validate
from options.content.files import load_translations
from options.content.schema import ContentError
from options.models import Practice, PracticeVariant
from tests import factories


def problems_of(content):
    with pytest.raises(ContentError) as error:
        validate(content, "nl.yaml")
    return error.value.problems


def test_a_practice_without_a_default_is_refused():
    content = factories.content()
    del content["practices"][0]["variants"][0]["default"]
    assert problems_of(content) == [
        "nl.yaml.practices[0] (schema).variants: exactly one variant must be the default (0 are)"
    ]


def test_a_practice_with_two_defaults_is_refused():
    content = factories.content()
    content["practices"][0]["variants"][1]["default"] = True
    assert problems_of(content) == [
        "nl.yaml.practices[0] (schema).variants: exactly one variant must be the default (2 are)"
    ]


def test_a_variant_without_a_source_is_refused():
    content = factories.content()
    del content["practices"][0]["variants"][1]["source"]
    assert problems_of(content) == ["nl.yaml.practices[0] (schema).variants[1] (na-anderhalve-dag).source: is missing"]


def test_a_variant_with_an_unknown_source_is_refused():
    content = factories.content()
    content["practices"][0]["variants"][1]["source"] = "forum"
    assert problems_of(content) == [
        "nl.yaml.practices[0] (schema).variants[1] (na-anderhalve-dag).source: unknown source 'forum'"
    ]


def test_a_passage_naming_an_unknown_practice_is_refused():
    content = factories.content()
    content["options"][1]["steps"].append("[werkwijze: opname]")
    assert problems_of(content) == ["nl.yaml.options[1] (medicijnen).steps[2]: unknown practice 'opname'"]


def test_a_practice_where_no_page_shows_it_is_refused():
    content = factories.content()
    content["options"][1]["pros"].append("[werkwijze: schema]")
    assert problems_of(content) == [
        "nl.yaml.options[1] (medicijnen).pros[3]: a practice can stand only in an option's steps or prepare, "
        "or a section's body"
    ]


def test_a_practice_stands_in_steps_prepare_and_section_bodies():
    content = factories.content()
    content["options"][1]["steps"].insert(1, "[werkwijze: schema]")
    content["options"][1]["prepare"].append("[werkwijze: schema]")
    content["sections"][0]["body"].append("[werkwijze: schema]")
    validate(content, "nl.yaml")


def write(directory, language, content):
    (directory / f"{language}.yaml").write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")


def translation_problems(tmp_path, dutch, english):
    write(tmp_path, "nl", dutch)
    write(tmp_path, "en", english)
    with pytest.raises(ContentError) as error:
        load_translations(tmp_path)
    return error.value.problems


def test_languages_declare_the_same_variants(tmp_path):
    english = factories.content("en")
    english["practices"][0]["variants"].pop()
    assert translation_problems(tmp_path, factories.content("nl"), english) == [
        f"{tmp_path}/en.yaml.practices[0] (schema).variants: 'na-anderhalve-dag' of nl.yaml is missing here "
        "(no translation)"
    ]


def test_languages_agree_on_the_default_and_the_source(tmp_path):
    english = factories.content("en")
    english["practices"][0]["variants"][1]["source"] = "folder"
    assert translation_problems(tmp_path, factories.content("nl"), english) == [
        f"{tmp_path}/en.yaml.practices[0] (schema).variants[1] (na-anderhalve-dag).source: 'folder' here, "
        "but 'andere' in nl.yaml; only texts may differ"
    ]


def test_languages_show_a_practice_in_the_same_place(tmp_path):
    dutch, english = factories.content("nl"), factories.content("en")
    dutch["options"][1]["steps"].insert(0, "[werkwijze: schema]")
    english["options"][1]["steps"].insert(1, "[werkwijze: schema]")
    assert translation_problems(tmp_path, dutch, english) == [
        f"{tmp_path}/en.yaml.options[1] (medicijnen).steps: the practices stand elsewhere than in nl.yaml"
    ]


def test_the_shipped_practices_each_have_one_default_and_a_source_per_variant(shipped_content):
    for content in shipped_content.values():
        sources = {source["key"] for source in content["sources"]}
        keys = [practice["key"] for practice in content["practices"]]
        assert keys == ["misoprostol-schema", "misoprostol-voor-curettage", "controle-na-medicijnen", "nagesprek"]
        for practice in content["practices"]:
            assert [variant["default"] for variant in practice["variants"]].count(True) == 1
            assert all(variant["source"] in sources for variant in practice["variants"])


def test_the_shipped_steps_state_the_misoprostol_schedule_only_as_a_practice(shipped_content):
    for content in shipped_content.values():
        steps = " ".join(line for option in content["options"] for line in option["steps"])
        assert "36 " not in steps
        assert "[werkwijze: misoprostol-schema]" in steps


def test_a_draft_without_a_default_is_refused_in_dutch_naming_the_field(db):
    factories.published_aid("en")
    draft = actions.new_draft(factories.published_aid("nl"))
    PracticeVariant.objects.filter(practice__aid=draft).update(is_default=False)
    with pytest.raises(ContentError) as error:
        actions.publish(draft)
    assert [problem.message for problem in error.value.readable] == [
        "Werkwijze 'Wanneer gaan de tabletten in?' – varianten: precies één variant moet de standaard zijn (nu 0)"
    ]


def test_a_version_keeps_its_practices_from_file_to_database_and_back(db):
    aid = factories.published_aid()
    practice = Practice.objects.get(aid=aid)
    assert practice.option.key == "medicijnen"
    assert [(v.key, v.source.key, v.is_default) for v in practice.variants.all()] == [
        ("na-een-dag", "folder", True),
        ("na-anderhalve-dag", "andere", False),
    ]
    draft = actions.new_draft(aid)
    assert [v.text for v in Practice.objects.get(aid=draft).variants.all()] == [
        ["Een dag later gaan de tabletten in."],
        ["Anderhalve dag later gaan de tabletten in."],
    ]


def test_a_clinician_edits_a_variant_s_text_in_a_draft_but_not_its_key(admin_client, db):
    draft = actions.new_draft(factories.published_aid())
    practice = Practice.objects.get(aid=draft)
    page = admin_client.get(f"/admin/options/practice/{practice.pk}/change/").content.decode()
    assert "Zonder ziekenhuis" in page
    assert 'name="variants-0-text"' in page
    assert 'name="variants-0-key"' not in page
    assert 'name="key"' not in page
