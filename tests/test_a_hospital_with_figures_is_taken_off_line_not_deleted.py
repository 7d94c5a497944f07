"""A hospital with figures cannot be deleted in the admin, one by one or in a list: its
months stay, and the page that lists what would go with it would show its counts (this
month's too, and under 10). A count names no figure wherever it is listed."""

import datetime

from django.test import Client
from django.utils import timezone

from figures.models import MonthlyCount
from tests.helpers import member

PLATFORM_GROUP = "Platform: ziekenhuizen en medewerkers"


def platform_client():
    client = Client()
    client.force_login(member("platform", [], PLATFORM_GROUP))
    return client


def test_a_hospital_with_figures_has_no_delete(factory_aids, noord, zuid):
    MonthlyCount.objects.create(hospital=noord, month=timezone.localdate().replace(day=1), name="regret:mild", count=1)
    client = platform_client()
    assert client.get(f"/admin/hospitals/hospital/{noord.pk}/delete/").status_code == 403
    page = client.get(f"/admin/hospitals/hospital/{noord.pk}/change/").content.decode()
    assert "deletelink" not in page
    changelist = client.get("/admin/hospitals/hospital/").content.decode()
    assert "delete_selected" not in changelist
    # A hospital without figures can still be deleted by the platform.
    assert client.get(f"/admin/hospitals/hospital/{zuid.pk}/delete/").status_code == 200


def test_a_count_names_no_figure(noord):
    count = MonthlyCount(hospital=noord, month=datetime.date(2026, 11, 1), name="regret:mild", count=3)
    assert str(count) == "2026-11"
