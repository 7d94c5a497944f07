"""Every version says where it comes from: a draft records the version it was made from
and who made it, a publication who published it and when; the admin shows them."""

from django.contrib.auth.models import User

from options import actions
from tests import factories


def test_a_draft_and_its_publication_leave_a_trace(db):
    editor = User.objects.create_user("redacteur", is_staff=True)
    publisher = factories.staff_member("gynaecoloog")
    published = factories.published_aid()
    draft = actions.new_draft(published, user=editor)
    actions.publish(draft, user=publisher)
    draft.refresh_from_db()
    assert (draft.based_on, draft.created_by, draft.published_by) == (published, editor, publisher)
    assert draft.published_at is not None


def test_the_admin_shows_the_trace_in_the_list_and_on_the_page(client, db):
    user = User.objects.create_superuser("redacteur", password="een-lang-wachtwoord")
    client.force_login(user)
    published = factories.published_aid()
    client.post("/admin/options/decisionaid/", {"action": "make_new_draft", "_selected_action": [published.pk]})
    draft = published.__class__.objects.get(version=2)
    assert (draft.based_on, draft.created_by) == (published, user)
    reviewer = factories.staff_member("beoordelaar", is_superuser=True)
    client.force_login(reviewer)
    client.post("/admin/options/decisionaid/", {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.published_by == reviewer

    listing = client.get("/admin/options/decisionaid/").content.decode()
    for heading in ("Gemaakt van versie", "Gemaakt door", "Gepubliceerd door"):
        assert heading in listing
    assert "redacteur" in listing
    assert "beoordelaar" in listing
    page = client.get(f"/admin/options/decisionaid/{draft.pk}/change/").content.decode()
    for shown in ("Gemaakt van versie", "Gepubliceerd door", "redacteur", "beoordelaar"):
        assert shown in page
