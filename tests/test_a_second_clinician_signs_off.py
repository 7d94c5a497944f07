"""A draft is published only when a second clinician with the reviewer's right approves
it: whoever made or edited it cannot publish it. The reviewer sees what the draft changes
against the published version, field by field, before approving. The roles ship as groups."""

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages

from options import actions
from options.content.schema import ContentError
from options.models import DecisionAid, Option
from tests import factories


def member_of(name, username):
    return factories.staff_member(username, groups=[name])


def post_action(client, action, aid):
    response = client.post("/admin/options/decisionaid/", {"action": action, "_selected_action": [aid.pk]}, follow=True)
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_roles_ship_as_groups(db):
    editor = member_of("Inhoud: redacteur", "redacteur")
    reviewer = member_of("Inhoud: beoordelaar", "beoordelaar")
    assert editor.has_perm("options.change_option")
    assert editor.has_perm("options.add_decisionaid")
    assert not editor.has_perm("options.publish_decisionaid")
    assert reviewer.has_perm("options.publish_decisionaid")
    assert reviewer.has_perm("options.view_outcome")
    assert not reviewer.has_perm("options.change_option")


def test_who_made_a_draft_cannot_publish_it(db):
    editor = User.objects.create_user("redacteur", is_staff=True)
    draft = actions.new_draft(factories.published_aid(), user=editor)
    with pytest.raises(ContentError) as error:
        actions.publish(draft, user=editor)
    assert error.value.readable[0].message == (
        "Je hebt versie 2 zelf gemaakt of bewerkt. Een andere beoordelaar keurt haar goed en publiceert haar."
    )
    draft.refresh_from_db()
    assert draft.status == DecisionAid.Status.DRAFT


def test_an_editor_edits_a_reviewer_approves_and_self_approval_is_refused(client, db):
    editor = member_of("Inhoud: redacteur", "redacteur")
    reviewer = member_of("Inhoud: beoordelaar", "beoordelaar")
    published = factories.published_aid()
    draft = actions.new_draft(published)  # made by the import's route, edited in the admin
    option = Option.objects.get(aid=draft, key="afwachten")

    client.force_login(reviewer)
    page = client.get(f"/admin/options/decisionaid/{draft.pk}/change/")
    assert page.status_code == 200
    client.force_login(editor)
    row = draft.comparison_rows.get(key="waar")
    data = {"question": "Waar gebeurt het precies?"}
    for index, cell in enumerate(row.cells.all()):
        data |= {f"cells-{index}-id": cell.pk, f"cells-{index}-row": row.pk, f"cells-{index}-text": cell.text}
    data |= {"cells-TOTAL_FORMS": 3, "cells-INITIAL_FORMS": 3, "cells-MIN_NUM_FORMS": 0, "cells-MAX_NUM_FORMS": 1000}
    assert client.post(f"/admin/options/comparisonrow/{row.pk}/change/", data).status_code == 302
    assert list(draft.edited_by.all()) == [editor]
    assert option.name == "Afwachten"

    # The editor has no right to publish; a reviewer who edited it may not approve it.
    assert not any("is gepubliceerd" in message for message in post_action(client, "publish", draft))
    draft.refresh_from_db()
    assert draft.status == DecisionAid.Status.DRAFT
    draft.edited_by.add(reviewer)
    client.force_login(reviewer)
    [refused] = post_action(client, "publish", draft)
    assert "zelf gemaakt of bewerkt" in refused
    draft.edited_by.remove(reviewer)

    # What changed, field by field, for the reviewer.
    page = client.get(f"/admin/options/decisionaid/{draft.pk}/change/").content.decode()
    assert "Wijzigingen ten opzichte van de gepubliceerde versie" in page
    assert f'href="/admin/options/decisionaid/{draft.pk}/wijzigingen/"' in page
    page = client.get(f"/admin/options/decisionaid/{draft.pk}/wijzigingen/").content.decode()
    assert "Vergelijkingsvraag &#x27;Waar gebeurt het precies?&#x27; – vraag" in page
    assert "Vraag waar?" in page

    [published_message] = post_action(client, "publish", draft)
    assert published_message.endswith("is gepubliceerd.")
    draft.refresh_from_db()
    assert (draft.status, draft.published_by) == (DecisionAid.Status.PUBLISHED, reviewer)
