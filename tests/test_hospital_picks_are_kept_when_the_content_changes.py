"""A hospital picks a variant per practice in the admin (the default preselected), and
its picks are checked when the content changes: a version that no longer has a picked
variant is refused, in Dutch, naming the hospital and the practice; it would silently
give her another practice than her hospital's."""

import pytest

from hospitals.actions import pick_practices
from hospitals.models import PracticePick
from options import actions
from options.content.schema import ContentError
from options.models import DecisionAid, PracticeVariant
from tests import factories
from tests.helpers import form_data as page_form_data
from tests.test_deploy_check_refuses_unready_hospitals import deploy_errors


def change_page(admin_client, hospital):
    return admin_client.get(f"/admin/hospitals/hospital/{hospital.pk}/change/").content.decode()


def form_data(admin_client, hospital, **picks):
    """The hospital's admin page as the browser posts it, with these picks."""
    page = admin_client.get(f"/admin/hospitals/hospital/{hospital.pk}/change/")
    return page_form_data(page, **{f"werkwijze_{key}": value for key, value in picks.items()})


def test_the_admin_offers_each_variant_with_its_source_and_preselects_the_default(admin_client, factory_aids):
    html = change_page(admin_client, factories.hospital())
    assert "Werkwijze van dit ziekenhuis" in html
    assert "Wanneer gaan de tabletten in?" in html
    assert '<option value="na-een-dag" selected>Na een dag (Folder) – standaard</option>' in html
    assert '<option value="na-anderhalve-dag">Na anderhalve dag (Andere folder)</option>' in html


def test_the_admin_saves_a_pick_and_shows_it_next_time(admin_client, factory_aids):
    hospital = factories.hospital()
    response = admin_client.post(
        f"/admin/hospitals/hospital/{hospital.pk}/change/",
        form_data(admin_client, hospital, schema="na-anderhalve-dag"),
    )
    assert response.status_code == 302
    assert hospital.practice_picks.get().variant == "na-anderhalve-dag"
    assert '<option value="na-anderhalve-dag" selected>' in change_page(admin_client, hospital)


def test_the_admin_refuses_a_variant_the_content_does_not_have(admin_client, factory_aids):
    hospital = factories.hospital()
    response = admin_client.post(
        f"/admin/hospitals/hospital/{hospital.pk}/change/", form_data(admin_client, hospital, schema="x")
    )
    assert response.status_code == 200
    assert not PracticePick.objects.exists()


def test_without_published_content_the_admin_asks_no_practice(admin_client, db):
    assert "Werkwijze van dit ziekenhuis" not in change_page(admin_client, factories.hospital())


def draft_without(variant_key):
    drafts = [actions.new_draft(DecisionAid.objects.current("miskraam", language)) for language in ("nl", "en")]
    PracticeVariant.objects.filter(practice__aid__in=drafts, key=variant_key).delete()
    return drafts


def test_a_version_without_a_hospital_s_picked_variant_is_refused_naming_both(factory_aids):
    pick_practices(factories.hospital("noord", name="Ziekenhuis Noord"), {"schema": "na-anderhalve-dag"})
    drafts = draft_without("na-anderhalve-dag")
    with pytest.raises(ContentError) as error:
        actions.publish(*drafts)
    assert [problem.message for problem in error.value.readable] == [
        "Ziekenhuis Noord volgt bij „Wanneer gaan de tabletten in?” de variant 'na-anderhalve-dag', maar die staat "
        "niet meer in deze versie. Kies eerst bij het ziekenhuis een variant die in deze versie blijft, en publiceer "
        "dan opnieuw."
    ]
    assert all(DecisionAid.objects.get(pk=draft.pk).status == DecisionAid.Status.DRAFT for draft in drafts)


def test_the_same_version_is_published_once_the_hospital_picks_a_kept_variant(factory_aids):
    hospital = factories.hospital("noord")
    pick_practices(hospital, {"schema": "na-anderhalve-dag"})
    drafts = draft_without("na-anderhalve-dag")
    pick_practices(hospital, {"schema": "na-een-dag"})
    assert actions.publish(*drafts) == drafts


def test_the_import_of_files_checks_the_picks_too(factory_aids):
    pick_practices(factories.hospital("noord"), {"schema": "na-anderhalve-dag"})
    only_the_default = factories.practice(variants=factories.practice()["variants"][:1])
    with pytest.raises(ContentError):
        factories.published_aid(practices=[only_the_default])


def test_the_deploy_check_names_a_pick_the_current_content_does_not_have(factory_aids):
    hospital = factories.hospital("noord", name="Ziekenhuis Noord")
    pick_practices(hospital, {"schema": "na-anderhalve-dag"})
    assert deploy_errors() == []
    PracticePick.objects.filter(hospital=hospital).update(variant="na-een-week")  # e.g. a restored database
    [error] = deploy_errors()
    assert error.id == "hospitals.E003"
    assert error.msg == (
        "Ziekenhuis Noord volgt bij „Wanneer gaan de tabletten in?” de variant 'na-een-week', die de huidige "
        "inhoud niet heeft."
    )
