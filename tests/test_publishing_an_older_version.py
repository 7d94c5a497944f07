"""The current version is the published one with the highest number. Publishing a draft
older than it is refused (it would say "gepubliceerd" while the site kept the newer one),
and a draft of an older version is refused unless she means to go back to it, with a
warning that it undoes the newer changes."""

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages

from options import actions
from options.content.schema import ContentError
from options.models import DecisionAid
from tests import factories


def test_a_draft_older_than_the_published_version_is_not_published(db):
    first = factories.published_aid()
    older_draft = actions.new_draft(first)  # version 2
    newer_draft = actions.new_draft(first)  # version 3
    actions.publish(newer_draft)
    with pytest.raises(ContentError) as error:
        actions.publish(older_draft)
    assert [problem.message for problem in error.value.readable] == [
        "Versie 2 is ouder dan de gepubliceerde versie 3 en wordt niet gepubliceerd: ze zou de nieuwere "
        "wijzigingen ongedaan maken. Maak een nieuw concept van versie 3."
    ]
    older_draft.refresh_from_db()
    assert older_draft.status == DecisionAid.Status.DRAFT
    assert DecisionAid.objects.current("miskraam", "nl") == newer_draft


def test_a_draft_of_an_older_version_needs_the_intent_to_go_back(db):
    first = factories.published_aid()
    factories.published_aid(title="Keuzehulp miskraam, herzien")  # version 2
    with pytest.raises(ContentError) as error:
        actions.new_draft(first)
    assert "Versie 1 is ouder dan de gepubliceerde versie 2" in error.value.readable[0].message
    assert DecisionAid.objects.count() == 2

    going_back = actions.new_draft(first, undo_newer=True)
    assert (going_back.version, going_back.based_on, going_back.title) == (3, first, "Keuzehulp miskraam")
    actions.publish(going_back)
    assert DecisionAid.objects.current("miskraam", "nl") == going_back


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("redacteur", password="een-lang-wachtwoord"))
    return client


def messages_of(admin_client, action, aid):
    response = admin_client.post(
        "/admin/options/decisionaid/", {"action": action, "_selected_action": [aid.pk]}, follow=True
    )
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def test_the_admin_refuses_a_plain_draft_of_an_older_version_and_warns_when_going_back(admin_client):
    first = factories.published_aid()
    factories.published_aid(title="Keuzehulp miskraam, herzien")
    [(level, message)] = messages_of(admin_client, "make_new_draft", first)
    assert level == "error"
    assert "Concept maken van een oudere versie" in message
    assert DecisionAid.objects.count() == 2

    made, warning = messages_of(admin_client, "make_draft_of_older_version", first)
    assert made[0] == "success"
    assert warning == (
        "warning",
        "Let op: dit concept is gemaakt van versie 1. Publiceren maakt de wijzigingen van de nieuwere versies "
        "(nu versie 2) ongedaan.",
    )
