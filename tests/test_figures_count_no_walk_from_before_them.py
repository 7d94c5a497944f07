"""A walk completed before the figures began (its start never counted) is marked completed
by the migration, so that her next visit of her summary counts nothing; a walk still on
its way then is counted when she completes it."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.helpers import migrate, migrate_to_the_latest

BEFORE = [("answers", "0007_walk_completed_at")]
AFTER = [("answers", "0008_walks_completed_before_the_figures")]


@pytest.fixture
def records_from_before(transactional_db):
    aid = factories.published_aid()
    apps = migrate(BEFORE)
    Record = apps.get_model("answers", "Record")
    saved = timezone.now() - datetime.timedelta(days=3)
    done = Record.objects.create(aid_id=aid.pk, reached_step=6, updated_at=saved)
    on_the_way = Record.objects.create(aid_id=aid.pk, reached_step=3, updated_at=saved)
    yield done.pk, on_the_way.pk, saved
    migrate_to_the_latest()


def test_a_walk_completed_before_the_figures_is_never_counted(records_from_before):
    done, on_the_way, saved = records_from_before
    Record = migrate(AFTER).get_model("answers", "Record")
    assert Record.objects.get(pk=done).completed_at == saved
    assert Record.objects.get(pk=on_the_way).completed_at is None
