"""Her plan: every moment dated from the day she wrote down, by the figures of the
leaflets (with her hospital's misoprostol schedule), each with its source; the same
moments in her calendar file."""

import datetime

import icalendar
import pytest
from django.test import Client
from django.utils import formats, timezone

from hospitals.actions import pick_practices
from tests import factories
from tests.helpers import DECISION_URL, arrive, decide, decided_days_ago, text_of, url, walk_shipped

PLAN_URL = "/mijn-keuze/besluit/plan/"
ICS_URL = "/mijn-keuze/besluit/plan.ics"
TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def patient(option, hospital=None):
    client = Client()
    if hospital is not None:
        arrive(client, hospital)
    walk_shipped(client)
    decide(client, option, TODAY)
    return client


def calendar_of(client, address=ICS_URL):
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="plan-miskraam.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    # A UID is the moment's key, then a token of her record: "niets-gebeurd-<token>@...".
    return {str(event["UID"]).split("@")[0].rsplit("-", 1)[0]: event for event in calendar.walk("VEVENT")}


def dates_of(event):
    """First and last day of an all-day event (its end is exclusive)."""
    return event.decoded("dtstart"), event.decoded("dtend") - datetime.timedelta(days=1)


@pytest.fixture
def noord(shipped_aids):
    return factories.hospital("noord", name="Ziekenhuis Noord")


def test_medication_at_a_hospital_with_the_default_schedule(noord):
    client = patient("medicijnen", noord)
    events = calendar_of(client)
    assert dates_of(events["mifepriston"]) == (days(0), days(0))
    assert dates_of(events["misoprostol"]) == (days(1), days(2))  # 24 to 48 hours after
    assert dates_of(events["tabletresten"]) == (days(2), days(2))  # from 24 hours after the misoprostol
    assert dates_of(events["niets-gebeurd"]) == (days(3), days(4))  # 48 hours after the misoprostol
    assert "misoprostol-tweede-keer" not in events
    assert "Minimaal 24 uur en maximaal 48 uur later" in str(events["misoprostol"]["DESCRIPTION"])
    assert "Bron: Folder Ommelander Ziekenhuis, gebaseerd op NVOG" in str(events["misoprostol"]["DESCRIPTION"])
    assert "050 123 45 00" in str(events["niets-gebeurd"]["DESCRIPTION"])
    page = text_of(client.get(PLAN_URL))
    assert "Is er 48 uur na de misoprostol nog niets gebeurd?" in page
    assert 'href="tel:' in client.get(PLAN_URL).content.decode()


def test_medication_at_a_hospital_with_the_36_hour_schedule(noord, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pick_practices(noord, {"misoprostol-schema": "na-36-uur-zo-nodig-tweede-keer"})
    client = patient("medicijnen", noord)
    events = calendar_of(client)
    assert dates_of(events["misoprostol"]) == (days(1), days(2))  # about 36 hours after, from any hour of her day
    assert dates_of(events["misoprostol-tweede-keer"]) == (days(2), days(3))  # 24 hours after the first
    assert "Ongeveer 36 uur later" in str(events["misoprostol"]["DESCRIPTION"])
    assert "Bron: Folder Elkerliek ziekenhuis (JIJWIJ)" in str(events["misoprostol"]["DESCRIPTION"])
    assert "Zo nodig: tweede keer misoprostol" in text_of(client.get(PLAN_URL))


def test_without_a_hospital_she_reads_that_hospitals_differ_and_no_number(shipped_aids):
    client = patient("medicijnen")
    events = calendar_of(client)
    assert dates_of(events["misoprostol"]) == (days(1), days(2))
    description = str(events["misoprostol"]["DESCRIPTION"])
    assert "Vraag je eigen ziekenhuis hoe het daar gaat." in description
    assert "Het nummer staat op je afsprakenkaart." in description
    page = client.get(PLAN_URL).content.decode()
    assert 'href="tel:' not in page
    assert "Ziekenhuizen doen dit verschillend." in text_of(client.get(PLAN_URL))


def test_waiting_shows_two_and_six_weeks(shipped_aids):
    client = patient("afwachten")
    events = calendar_of(client)
    assert dates_of(events["afwachten-begin"]) == (days(0), days(0))
    assert dates_of(events["afwachten-2-weken"]) == (days(14), days(14))
    assert dates_of(events["afwachten-6-weken"]) == (days(42), days(42))
    assert "Bron: Webpagina met vragen over miskraam" in str(events["afwachten-6-weken"]["DESCRIPTION"])
    # 4 to 6 weeks after the miscarriage, whose day waiting does not know: from day 28 on.
    assert dates_of(events["ongesteld"]) == (days(28), days(28))
    assert "Vanaf deze dag." in str(events["ongesteld"]["DESCRIPTION"])
    assert "De 4 tot 6 weken tellen vanaf de dag van de miskraam." in str(events["ongesteld"]["DESCRIPTION"])
    assert f"Vanaf {formats.date_format(days(28), 'l j F')}: Weer ongesteld" in text_of(client.get(PLAN_URL))
    assert "misoprostol" not in events


def test_curettage_shows_the_day_and_after(noord):
    client = patient("curettage", noord)
    events = calendar_of(client)
    assert dates_of(events["curettage"]) == (days(0), days(0))
    assert dates_of(events["curettage-herstel"]) == (days(0), days(14))
    assert dates_of(events["nagesprek"]) == (days(28), days(42))
    assert "4 tot 6 weken na de miskraam kun je een gesprek krijgen" in str(events["nagesprek"]["DESCRIPTION"])
    assert dates_of(events["ongesteld"]) == (days(28), days(42))  # a curettage is the day of the miscarriage
    assert "tellen vanaf de dag van de miskraam" not in str(events["ongesteld"]["DESCRIPTION"])
    # Elkerliek's leaflet: "Gedurende 1-2 weken kun je wat helderrood bloedverlies hebben".
    assert "Bron: Folder Elkerliek ziekenhuis (JIJWIJ)" in str(events["curettage-herstel"]["DESCRIPTION"])


def test_the_calendar_holds_nothing_about_her_and_stable_uids(noord):
    client = patient("medicijnen", noord)
    first, again = client.get(ICS_URL).content, client.get(ICS_URL).content
    uids = [line for line in first.decode().splitlines() if line.startswith("UID")]
    assert uids == [line for line in again.decode().splitlines() if line.startswith("UID")]
    assert len(set(uids)) == len(uids)
    assert b"Ik ben bang voor veel bloed" not in first


def test_the_plan_in_english(shipped_aids):
    client = patient("medicijnen")
    page = text_of(client.get(url("answers:plan", "en")))
    assert "Your plan with dates" in page
    assert "Has nothing happened 48 hours after the misoprostol?" in page
    assert "Ommelander Hospital leaflet, based on NVOG" in page
    events = calendar_of(client, url("answers:plan_ics", "en"))
    assert str(events["mifepriston"]["SUMMARY"]) == "Swallow the mifepristone"
    assert dates_of(events["misoprostol"]) == (days(1), days(2))


def test_without_a_decision_the_plan_sends_her_to_the_decision_page(shipped_aids):
    client = Client()
    walk_shipped(client)
    for page in (PLAN_URL, ICS_URL):
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"] == DECISION_URL


def test_the_decision_page_links_to_her_plan(shipped_aids):
    client = patient("medicijnen")
    assert f'href="{PLAN_URL}"' in client.get(DECISION_URL).content.decode()


def test_nothing_happened_gives_the_office_hours_number_the_source_asks_for(noord):
    """'Call, preferably in office hours': that event and moment carry the office-hours
    number, the 24-hour one beside it; the other events only the 24-hour number."""
    client = patient("medicijnen", noord)
    events = calendar_of(client)
    nothing_happened = str(events["niets-gebeurd"]["DESCRIPTION"])
    assert "Tijdens kantooruren: 050 123 45 67" in nothing_happened
    assert "Dag en nacht bereikbaar: 050 123 45 00" in nothing_happened
    assert "050 123 45 67" not in str(events["misoprostol"]["DESCRIPTION"])
    assert "Dag en nacht bereikbaar: 050 123 45 00" in str(events["misoprostol"]["DESCRIPTION"])
    page = client.get(PLAN_URL).content.decode()
    moment = page.split('id="moment-niets-gebeurd"')[1].split("</li>")[0]
    assert 'Tijdens kantooruren: <a class="phone" href="tel:0501234567">050 123 45 67</a>' in moment


def test_an_example_hospitals_numbers_are_never_in_her_calendar(shipped_aids):
    example = factories.hospital("oefen", is_example=True)
    client = patient("medicijnen", example)
    description = str(calendar_of(client)["niets-gebeurd"]["DESCRIPTION"])
    assert example.phone_office_hours not in description
    assert example.phone_24h not in description
    assert "Het nummer staat op je afsprakenkaart." in description
    moment = client.get(PLAN_URL).content.decode().split('id="moment-niets-gebeurd"')[1].split("</li>")[0]
    assert "Tijdens kantooruren" not in moment


def test_the_weeks_after_a_miscarriage_with_medication_start_at_the_earliest_day(noord):
    client = patient("medicijnen", noord)
    events = calendar_of(client)
    for key in ("ongesteld", "nagesprek"):
        assert dates_of(events[key]) == (days(28), days(28))
        assert "De 4 tot 6 weken tellen vanaf de dag van de miskraam." in str(events[key]["DESCRIPTION"])
    page = text_of(client.get(PLAN_URL))
    assert f"Vanaf {formats.date_format(days(28), 'l j F')}: Weer ongesteld" in page


def test_waiting_two_weeks_names_both_leaflets_it_rests_on(noord):
    events = calendar_of(patient("afwachten", noord))
    description = str(events["afwachten-2-weken"]["DESCRIPTION"])
    assert "Bron: Folder Ommelander Ziekenhuis, gebaseerd op NVOG; Folder Elkerliek ziekenhuis (JIJWIJ)" in description


def test_a_hospital_without_a_follow_up_talk_promises_none(noord, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pick_practices(noord, {"nagesprek": "bellen-bij-vragen"})
    client = patient("afwachten", noord)
    event = calendar_of(client)["nagesprek"]
    assert str(event["SUMMARY"]) == "Vragen? Bel het ziekenhuis"
    assert dates_of(event) == (days(0), days(0))  # from her day on
    assert "Tijdens kantooruren: 050 123 45 67" in str(event["DESCRIPTION"])
    page = text_of(client.get(PLAN_URL))
    assert "Gesprek na 4 tot 6 weken" not in page
    assert "Vragen? Bel het ziekenhuis" in page


def test_without_a_hospital_the_talk_is_a_maybe(shipped_aids):
    event = calendar_of(patient("curettage"))["nagesprek"]
    assert str(event["SUMMARY"]) == "Misschien een gesprek na 4 tot 6 weken"
    assert "Sommige ziekenhuizen plannen" in str(event["DESCRIPTION"])
    assert dates_of(event) == (days(28), days(42))


def test_a_new_decision_updates_the_events_already_in_her_calendar(noord):
    """She imports her plan, then writes down another date: the same events (UID) with a
    higher SEQUENCE, so her calendar moves them instead of adding a second set."""
    client = patient("medicijnen", noord)
    first = calendar_of(client)
    assert "Zette je eerder al een plan in je agenda?" not in text_of(client.get(PLAN_URL))
    decide(client, "medicijnen", days(3))
    again = calendar_of(client)
    assert {str(event["UID"]) for event in again.values()} == {str(event["UID"]) for event in first.values()}
    assert dates_of(again["mifepriston"]) == (days(3), days(3))
    assert again["mifepriston"]["SEQUENCE"] > first["mifepriston"]["SEQUENCE"]
    assert "Zette je eerder al een plan in je agenda?" in text_of(client.get(PLAN_URL))
    # Another woman's plan has other UIDs.
    other = calendar_of(patient("medicijnen", noord))
    assert str(other["mifepriston"]["UID"]) != str(again["mifepriston"]["UID"])


def test_days_gone_by_read_as_past(noord):
    """Back on her plan days later, she sees where she is: a moment whose last day has
    gone by reads "voorbij"; today's, later ones and "from this day on" do not."""
    client = patient("medicijnen", noord)
    decided_days_ago(3)
    page = client.get(PLAN_URL).content.decode()

    def moment(key):
        return page.split(f'id="moment-{key}"')[1].split("</li>")[0]

    assert "(voorbij)" in moment("mifepriston")  # 3 days ago
    assert "(voorbij)" in moment("misoprostol")  # 1 to 2 days ago
    assert "(voorbij)" not in moment("niets-gebeurd")  # today to tomorrow
    assert "(voorbij)" not in moment("tabletresten")  # from a day on
