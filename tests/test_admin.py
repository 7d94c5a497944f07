"""In the admin a clinician edits a draft, publishes it after the checks, and cannot
change a published version."""

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages

from options import actions
from options.models import DecisionAid, Option
from tests import factories


@pytest.fixture
def admin_client(client, db):
    user = User.objects.create_superuser("redacteur", password="een-lang-wachtwoord")
    client.force_login(user)
    return client


def run_action(admin_client, action, aid):
    return admin_client.post(
        "/admin/options/decisionaid/",
        {"action": action, "_selected_action": [aid.pk]},
        follow=True,
    )


def test_a_published_version_is_read_only_in_the_admin(admin_client):
    aid = factories.published_aid()
    page = admin_client.get(f"/admin/options/decisionaid/{aid.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert admin_client.post(f"/admin/options/decisionaid/{aid.pk}/change/", {"title": "Anders"}).status_code == 403
    aid.refresh_from_db()
    assert aid.title == "Keuzehulp miskraam"


def test_a_clinician_makes_a_draft_edits_it_and_publishes_it(admin_client):
    published = factories.published_aid()
    run_action(admin_client, "make_new_draft", published)
    draft = DecisionAid.objects.get(version=2)
    assert draft.status == DecisionAid.Status.DRAFT

    page = admin_client.get(f"/admin/options/decisionaid/{draft.pk}/change/")
    assert 'name="_save"' in page.content.decode()
    option = Option.objects.get(aid=draft, key="afwachten")
    option.summary = "Je wacht thuis tot de miskraam vanzelf komt."
    option.save()

    # A second clinician approves it by publishing it (tests/test_a_second_clinician_signs_off.py).
    admin_client.force_login(factories.staff_member("beoordelaar", is_superuser=True))
    response = run_action(admin_client, "publish", draft)
    assert [str(m) for m in get_messages(response.wsgi_request)][-1].endswith("is gepubliceerd.")
    assert DecisionAid.objects.current("miskraam", "nl") == draft


def test_publishing_a_broken_draft_shows_the_problems_and_keeps_it_a_draft(admin_client):
    draft = actions.new_draft(factories.published_aid())
    Option.objects.filter(aid=draft, key="medicijnen").update(where="")
    response = run_action(admin_client, "publish", draft)
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Niet gepubliceerd" in message
    assert "Optie &#x27;Medicijnen&#x27; – waar: een tekst is verplicht" in message
    draft.refresh_from_db()
    assert draft.status == DecisionAid.Status.DRAFT
