"""A hospital's editor changes her own hospital's profile (its numbers, its website) and
nothing else: another hospital is, to her, one that does not exist; she adds and deletes
no hospital, does not put one live or change its printed address, does not see who works
there, and reaches neither the content nor the accounts. The platform sees every
hospital and gives accounts their hospitals."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.test import Client

from hospitals.admin import MembershipInline
from hospitals.models import Hospital, Membership
from tests.helpers import EDITOR_GROUP, member, text_of

LIST = "/admin/hospitals/hospital/"


def change_url(hospital):
    return f"{LIST}{hospital.pk}/change/"


def profile(hospital, **changes):
    """The change form's fields as the editor posts them."""
    fields = {
        "name": hospital.name,
        "website": hospital.website,
        "phone_24h": hospital.phone_24h,
        "phone_office_hours": hospital.phone_office_hours,
    }
    return {**fields, **changes}


@pytest.fixture
def editor(noord):
    client = Client()
    client.force_login(member("redacteur", [noord], EDITOR_GROUP))
    return client


def test_she_sees_only_her_hospital(editor, noord, zuid):
    response = editor.get(LIST)
    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [noord]
    assert "Ziekenhuis Zuid" not in text_of(response)


def test_she_changes_her_hospitals_numbers(editor, noord):
    response = editor.post(change_url(noord), profile(noord, phone_24h="050 999 99 99"))
    assert response.status_code == 302
    noord.refresh_from_db()
    assert noord.phone_24h == "050 999 99 99"


def test_another_hospital_does_not_exist_for_her(editor, zuid):
    response = editor.get(change_url(zuid))
    assert response.status_code == 302
    assert "Ziekenhuis Zuid" not in text_of(editor.get(response["Location"]))
    editor.post(change_url(zuid), profile(zuid, phone_24h="050 999 99 99"))
    zuid.refresh_from_db()
    assert zuid.phone_24h == "050 123 45 00"


def test_she_adds_and_deletes_no_hospital(editor, noord):
    before = list(Hospital.objects.values_list("slug", flat=True))
    assert editor.get(f"{LIST}add/").status_code == 403
    assert editor.post(f"{LIST}add/", profile(noord, name="Nieuw", slug="nieuw")).status_code == 403
    assert editor.post(f"{LIST}{noord.pk}/delete/", {"post": "yes"}).status_code == 403
    assert editor.post(LIST, {"action": "delete_selected", "_selected_action": [noord.pk], "post": "yes"})
    assert list(Hospital.objects.values_list("slug", flat=True)) == before


def test_going_live_and_the_address_are_the_platforms(editor, noord):
    noord.is_live = False
    noord.save()
    editor.post(change_url(noord), profile(noord, slug="ander-adres", is_live="on", is_example="on"))
    noord.refresh_from_db()
    assert (noord.slug, noord.is_live, noord.is_example) == ("noord", False, False)


def test_she_does_not_see_who_works_there(editor, noord):
    assert "memberships-TOTAL_FORMS" not in editor.get(change_url(noord)).content.decode()


@pytest.mark.parametrize(
    "url", ["/admin/options/decisionaid/", "/admin/auth/user/", "/admin/auth/group/", "/admin/options/"]
)
def test_she_reaches_neither_the_content_nor_the_accounts(editor, url):
    assert editor.get(url).status_code in (403, 404)


def test_the_platform_sees_every_hospital_and_gives_accounts_their_hospital(noord, zuid):
    platform = Client()
    platform.force_login(User.objects.create_superuser("beheer", password="een-lang-wachtwoord"))
    assert set(platform.get(LIST).context["cl"].queryset) == set(Hospital.objects.all())
    assert {noord, zuid} <= set(Hospital.objects.all())
    arts = User.objects.create_user("arts", is_staff=True)
    data = {
        **profile(zuid),
        "slug": "zuid",
        "is_live": "on",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-0-user": arts.pk,
    }
    assert platform.post(change_url(zuid), data).status_code == 302
    assert list(Membership.objects.values_list("user__username", "hospital__slug")) == [("arts", "zuid")]


def test_a_part_of_a_hospital_is_edited_only_with_that_hospital(noord, zuid, rf):
    """An inline of a hospital's part (hospitals.admin.HospitalPart): the right on the
    part's model is not enough, the hospital must be hers."""
    user = member("medewerkers", [noord], EDITOR_GROUP)
    user.user_permissions.set(Permission.objects.filter(content_type__model="membership"))
    request = rf.get("/")
    request.user = user
    inline = MembershipInline(Hospital, admin.site)
    checks = [inline.has_add_permission, inline.has_change_permission, inline.has_delete_permission]
    assert all(check(request, noord) for check in checks)
    assert not any(check(request, zuid) for check in checks)
