"""The groups for the roles come with the app (a data migration), each with the rights it
needs and no more, so a hospital knows what to give a clinician, an editor and a
reviewer, and the platform what to give its own staff."""

from django.contrib.auth.models import Group


def rights_of(name):
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_a_clinician_opens_share_codes_and_sees_the_figures_and_nothing_else(db):
    assert rights_of("Ziekenhuis: arts") == {"hospitals.open_share_codes", "figures.view_figures"}


def test_a_hospitals_editor_views_and_changes_hospitals_sees_the_figures_and_nothing_else(db):
    assert rights_of("Ziekenhuis: redacteur") == {
        "hospitals.view_hospital",
        "hospitals.change_hospital",
        "figures.view_figures",
    }


def test_the_platform_manages_hospitals_and_their_staff_but_not_the_content(db):
    rights = rights_of("Platform: ziekenhuizen en medewerkers")
    assert "hospitals.manage_every_hospital" in rights
    assert {"hospitals.add_hospital", "hospitals.delete_hospital", "hospitals.change_membership"} <= rights
    assert not any(right.startswith(("options.", "auth.")) for right in rights)
    assert "hospitals.open_share_codes" not in rights
    assert "figures.view_figures" in rights


def test_the_content_roles_are_still_there_and_have_no_hospital_rights(db):
    for name in ("Inhoud: redacteur", "Inhoud: beoordelaar"):
        assert not any(right.startswith("hospitals.") for right in rights_of(name))
