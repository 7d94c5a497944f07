"""Answers saved before her answers became one value are carried over whole, and back."""

import pytest

from tests import factories
from tests.helpers import migrate, migrate_to_the_latest

BEFORE = [("answers", "0002_share_code")]
AFTER = [("answers", "0003_answers_as_one_value")]


@pytest.fixture
def old_record(transactional_db):
    aid = factories.published_aid()
    apps = migrate(BEFORE)
    Record = apps.get_model("answers", "Record")
    record = Record.objects.create(
        aid_id=aid.pk, leaning="medicijnen", sure_best_choice=True, sure_enough_support=False
    )
    apps.get_model("answers", "SituationAnswer").objects.create(record=record, question="rhesus", choice="ja")
    apps.get_model("answers", "ValueRating").objects.create(record=record, statement="thuis", rating=4)
    apps.get_model("answers", "KnowledgeAnswer").objects.create(record=record, question="werkt", choice="b")
    OwnText = apps.get_model("answers", "OwnText")
    OwnText.objects.create(record=record, kind="question", position=1, text="Tweede vraag")
    OwnText.objects.create(record=record, kind="question", position=0, text="Eerste vraag")
    OwnText.objects.create(record=record, kind="concern", position=0, text="Niet alleen zijn")
    yield record.pk
    migrate_to_the_latest()


EXPECTED = {
    "situation": {"rhesus": "ja"},
    "ratings": {"thuis": 4},
    "knowledge": {"werkt": "b"},
    "concerns": ["Niet alleen zijn"],
    "questions": ["Eerste vraag", "Tweede vraag"],
    "leaning": "medicijnen",
    "sure": {"best_choice": True, "enough_support": False},
}


def test_existing_answers_are_carried_over_whole(old_record):
    Record = migrate(AFTER).get_model("answers", "Record")
    assert Record.objects.get(pk=old_record).answers.to_json() == EXPECTED


def test_the_migration_can_be_reversed_without_losing_answers(old_record):
    migrate(AFTER)
    apps = migrate(BEFORE)
    record = apps.get_model("answers", "Record").objects.get(pk=old_record)
    assert (record.leaning, record.sure_best_choice, record.sure_enough_support) == ("medicijnen", True, False)
    assert record.sure_clear_what_matters is None
    texts = record.own_texts.order_by("kind", "position").values_list("kind", "text")
    assert list(texts) == [("concern", "Niet alleen zijn"), ("question", "Eerste vraag"), ("question", "Tweede vraag")]
    assert list(record.situation_answers.values_list("question", "choice")) == [("rhesus", "ja")]
    assert list(record.value_ratings.values_list("statement", "rating")) == [("thuis", 4)]
    assert list(record.knowledge_answers.values_list("question", "choice")) == [("werkt", "b")]
