"""Every admin action asks for its own right: a staff member who may only look at the
versions sees no action, and a POST of one is refused and changes nothing. Making a
draft needs the right to add a version, publishing the right to publish."""

import pytest
from django.contrib.auth.models import Permission, User

from options import actions
from options.models import DecisionAid, StaffProfile
from tests import factories

LIST = "/admin/options/decisionaid/"


def staff_with(*codenames):
    user = User.objects.create_user("kijker", password="een-lang-wachtwoord", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="options", codename__in=codenames))
    return user


def run_action(client, action, aid):
    return client.post(LIST, {"action": action, "_selected_action": [aid.pk]})


def offered_actions(client):
    form = client.get(LIST).context["action_form"]  # None when no action is left
    return [] if form is None else [choice[0] for choice in form.fields["action"].choices if choice[0]]


@pytest.fixture
def viewer(client, db):
    client.force_login(staff_with("view_decisionaid"))
    return client


def test_a_view_only_staff_member_is_offered_no_action(viewer):
    factories.published_aid()
    assert offered_actions(viewer) == []


@pytest.mark.parametrize("action", ["make_new_draft", "make_draft_of_older_version", "publish", "delete_selected"])
def test_a_view_only_staff_member_cannot_run_an_action(viewer, action):
    published = factories.published_aid()
    draft = actions.new_draft(published)
    before = list(DecisionAid.objects.values_list("pk", "status", "version"))
    for aid in (published, draft):
        response = run_action(viewer, action, aid)
        assert response.status_code in (200, 302, 403)
    assert list(DecisionAid.objects.values_list("pk", "status", "version")) == before


def test_each_action_is_offered_only_with_its_own_right(client, db):
    factories.published_aid()
    client.force_login(staff_with("view_decisionaid", "add_decisionaid"))
    assert offered_actions(client) == ["make_new_draft", "make_draft_of_older_version"]
    User.objects.all().delete()
    client.force_login(staff_with("view_decisionaid", "change_decisionaid", "publish_decisionaid"))
    assert offered_actions(client) == ["publish"]


def test_the_right_to_publish_publishes(client, db):
    draft = actions.new_draft(factories.published_aid())
    reviewer = staff_with("view_decisionaid", "publish_decisionaid")
    StaffProfile.objects.create(user=reviewer, role="gynaecoloog")
    reviewer.first_name, reviewer.last_name = "A.", "Jansen"
    reviewer.save()
    client.force_login(reviewer)
    run_action(client, "publish", draft)
    draft.refresh_from_db()
    assert draft.status == DecisionAid.Status.PUBLISHED


def test_a_view_only_staff_member_can_neither_edit_nor_approve_a_draft(viewer):
    draft = actions.new_draft(factories.published_aid())
    before = list(DecisionAid.objects.values_list("pk", "status", "version", "title"))
    edit = viewer.post(f"{LIST}{draft.pk}/change/", {"title": "Een andere titel"})
    approve = viewer.post(f"{LIST}{draft.pk}/goedkeuren/")
    assert (edit.status_code, approve.status_code) == (403, 403)
    assert list(DecisionAid.objects.values_list("pk", "status", "version", "title")) == before
    assert not draft.edited_by.exists()
