"""An account that may only look at its hospital is refused every change in the admin:
saving, adding, deleting, an action; what it posts changes nothing."""

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from hospitals.models import Hospital, Membership

LIST = "/admin/hospitals/hospital/"


@pytest.fixture
def viewer(noord):
    user = User.objects.create_user("kijker", password="een-lang-wachtwoord", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_hospital"))
    Membership.objects.create(user=user, hospital=noord)
    client = Client()
    client.force_login(user)
    return client


def everything():
    return list(Hospital.objects.order_by("pk").values())


def test_she_reads_her_hospital_without_a_save_button(viewer, noord):
    response = viewer.get(f"{LIST}{noord.pk}/change/")
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()


def test_she_is_offered_no_action(viewer):
    assert viewer.get(LIST).context["action_form"] is None


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("{pk}/change/", {"name": "Anders", "phone_24h": "050 999 99 99", "phone_office_hours": "050 999 99 98"}),
        ("add/", {"name": "Nieuw", "slug": "nieuw", "phone_office_hours": "050 999 99 98"}),
        ("{pk}/delete/", {"post": "yes"}),
        ("", {"action": "delete_selected", "_selected_action": ["{pk}"], "post": "yes"}),
    ],
)
def test_every_change_is_refused(viewer, noord, path, data):
    before = everything()
    data = {
        key: [v.format(pk=noord.pk) for v in value] if isinstance(value, list) else value for key, value in data.items()
    }
    response = viewer.post(LIST + path.format(pk=noord.pk), data)
    # The list answers an action it does not offer with itself and a message.
    assert response.status_code == (200 if path == "" else 403)
    assert everything() == before
