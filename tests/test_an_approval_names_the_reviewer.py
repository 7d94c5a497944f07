"""A reviewer approves a draft on its page of changes with one button: the approval
publishes it and keeps her name, role and the date on the version, as they were that
day. Approving her own work, or without a name and role to show, is refused in Dutch.
The admin lists every published version with who made, edited and approved it."""

from django.contrib.messages import get_messages
from django.utils import timezone

from options import actions
from options.models import DecisionAid, Option, StaffProfile
from tests import factories

REVIEWER = "Inhoud: beoordelaar"


def approve(client, draft):
    response = client.post(f"/admin/options/decisionaid/{draft.pk}/goedkeuren/", follow=True)
    draft.refresh_from_db()
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_page_of_changes_holds_the_approval_button(client, db):
    reviewer = factories.staff_member("jansen", groups=[REVIEWER])
    draft = actions.new_draft(factories.published_aid())
    client.force_login(reviewer)
    page = client.get(f"/admin/options/decisionaid/{draft.pk}/wijzigingen/").content.decode()
    assert f'action="/admin/options/decisionaid/{draft.pk}/goedkeuren/"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert "Goedkeuren en publiceren" in page
    assert "A. Jansen, gynaecoloog, Ziekenhuis Noord" in page
    # A GET approves nothing: it leads back to the changes.
    response = client.get(f"/admin/options/decisionaid/{draft.pk}/goedkeuren/")
    assert response.status_code == 302
    assert response["Location"].endswith("/wijzigingen/")
    draft.refresh_from_db()
    assert draft.status == DecisionAid.Status.DRAFT


def test_an_editor_sees_the_changes_but_no_approval_button(client, db):
    editor = factories.staff_member("redacteur", groups=["Inhoud: redacteur"])
    draft = actions.new_draft(factories.published_aid())
    client.force_login(editor)
    page = client.get(f"/admin/options/decisionaid/{draft.pk}/wijzigingen/").content.decode()
    assert "Goedkeuren en publiceren" not in page
    assert client.post(f"/admin/options/decisionaid/{draft.pk}/goedkeuren/").status_code == 403
    draft.refresh_from_db()
    assert draft.status == DecisionAid.Status.DRAFT


def test_a_second_reviewer_approves_and_her_name_role_and_date_stay_with_the_version(client, db):
    editor = factories.staff_member("redacteur", groups=["Inhoud: redacteur"])
    reviewer = factories.staff_member("jansen", groups=[REVIEWER])
    draft = actions.new_draft(factories.published_aid(), user=editor)
    client.force_login(reviewer)
    [message] = approve(client, draft)
    assert message.endswith("is gepubliceerd.")
    assert draft.status == DecisionAid.Status.PUBLISHED
    assert (draft.approved_by_name, draft.approved_by_role) == ("A. Jansen", "gynaecoloog, Ziekenhuis Noord")
    assert draft.published_by == reviewer
    assert timezone.localdate(draft.published_at) == timezone.localdate()

    # Her later name and role do not rewrite the record.
    reviewer.last_name = "de Vries"
    reviewer.save()
    StaffProfile.objects.filter(user=reviewer).update(role="hoofd gynaecologie")
    draft.refresh_from_db()
    assert draft.approver == "A. Jansen, gynaecoloog, Ziekenhuis Noord"


def test_approving_her_own_draft_is_refused(client, db):
    reviewer = factories.staff_member("jansen", groups=[REVIEWER])
    draft = actions.new_draft(factories.published_aid(), user=reviewer)
    client.force_login(reviewer)
    [message] = approve(client, draft)
    assert "Je hebt versie 2 zelf gemaakt of bewerkt. Een andere beoordelaar keurt haar goed" in message
    assert (draft.status, draft.approved_by_name) == (DecisionAid.Status.DRAFT, "")


def test_a_reviewer_without_name_or_role_is_told_what_to_fill_in(client, db):
    draft = actions.new_draft(factories.published_aid())
    client.force_login(factories.staff_member("zonderfunctie", role="", groups=[REVIEWER]))
    [message] = approve(client, draft)
    assert "Vul eerst in bij je account: functie en bevoegdheid." in message
    assert draft.status == DecisionAid.Status.DRAFT

    client.force_login(factories.staff_member("naamloos", first_name="", last_name="", groups=[REVIEWER]))
    [message] = approve(client, draft)
    assert "Vul eerst in bij je account: voornaam, achternaam." in message
    assert draft.status == DecisionAid.Status.DRAFT


def test_a_broken_draft_is_not_approved_and_the_field_is_named_in_dutch(client, db):
    draft = actions.new_draft(factories.published_aid())
    Option.objects.filter(aid=draft, key="medicijnen").update(where="")
    client.force_login(factories.staff_member("jansen", groups=[REVIEWER]))
    [message] = approve(client, draft)
    assert message.startswith("Niet gepubliceerd: Keuzehulp miskraam (nl, versie 2, concept).")
    option = Option.objects.get(aid=draft, key="medicijnen")
    assert f'href="/admin/options/option/{option.pk}/change/#id_where"' in message  # on the option's own page
    assert "Optie &#x27;Medicijnen&#x27; – waar: een tekst is verplicht" in message
    assert (draft.status, draft.approved_by_name) == (DecisionAid.Status.DRAFT, "")


def test_the_role_is_kept_on_the_account_page(client, db):
    admin = factories.staff_member("beheer", is_superuser=True)
    client.force_login(admin)
    page = client.get(f"/admin/auth/user/{admin.pk}/change/").content.decode()
    assert "Functie en bevoegdheid" in page
    assert "gynaecoloog, Ziekenhuis Noord" in page


def test_the_trace_lists_every_published_version_with_who_approved_it(client, db):
    editor = factories.staff_member("redacteur", groups=["Inhoud: redacteur"])
    reviewer = factories.staff_member("jansen", groups=[REVIEWER])
    imported = factories.published_aid()
    draft = actions.new_draft(imported, user=editor)
    draft.edited_by.add(editor)
    actions.publish(draft, user=reviewer)
    actions.new_draft(draft, user=editor)  # a draft: not in the trace

    client.force_login(reviewer)
    listing = client.get("/admin/options/decisionaid/").content.decode()
    assert 'href="/admin/options/decisionaid/geschiedenis/"' in listing
    page = client.get("/admin/options/decisionaid/geschiedenis/").content.decode()
    rows = page.split("<tbody>")[1].split("</tr>")[:-1]
    assert len(rows) == 2
    newest, first = rows
    assert "versie 2" in newest
    for shown in ("redacteur", "A. Jansen, gynaecoloog, Ziekenhuis Noord", "jansen"):
        assert shown in newest
    assert "versie 1" in first
    assert "uit het nagekeken inhoudsbestand" in first
