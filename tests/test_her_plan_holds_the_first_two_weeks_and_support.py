"""Her plan page holds, from the published content of her language, the rules of the
first 2 weeks (dated only after a curettage, where her day is the day of the
miscarriage) and her feelings afterwards: when to ask for help, and the organisations
that support, their web addresses plain links she may follow. Each with its sources."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import formats, timezone

from tests import factories
from tests.helpers import DECISION_URL, decide, text_of, url, walk_shipped

TODAY = timezone.localdate()


def plan_page(option, language="nl"):
    client = Client()
    prefix = "" if language == "nl" else f"/{language}"
    walk_shipped(client, prefix=prefix)
    decide(client, option, TODAY, prefix=prefix)
    return client.get(url("answers:plan", language))


def section_of(aid, key):
    return aid.sections.get(key=key)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_rules_and_support_come_from_the_content_of_her_language(shipped_aids, language):
    response = plan_page("medicijnen", language)
    page = re.sub(r" ([.;])", r"\1", text_of(response))  # a link's end tag left a space before "." or ";"
    aid = shipped_aids[language]
    for key in ("eerste-twee-weken", "gevoelens"):
        section = section_of(aid, key)
        assert section.title in page
        for line in section.body:
            assert line.removeprefix("- ") in page, line
        for source in section.sources.all():
            assert source.label in page
    html = response.content.decode()
    assert '<a href="https://www.freya.nl">www.freya.nl</a>' in html
    assert '<a href="https://www.landelijksteunpuntrouw.nl">' in html


def test_the_first_2_weeks_are_dated_only_after_a_curettage(shipped_aids):
    dated = text_of(plan_page("curettage"))
    last = formats.date_format(TODAY + datetime.timedelta(days=14), "l j F")
    assert f"tot en met {last}, of zolang je bloed verliest." in dated
    for option in ("medicijnen", "afwachten"):
        page = text_of(plan_page(option))
        assert "De 2 weken tellen vanaf de dag van de miskraam." in page
        assert "Voor jou:" not in page


def test_in_english_the_undated_rule_says_why(shipped_aids):
    page = text_of(plan_page("afwachten", "en"))
    assert "The 2 weeks count from the day of the miscarriage." in page


def test_the_alarm_signs_are_those_of_her_summary_with_her_hospitals_24_hour_number(shipped_aids):
    factories.hospital("noord", name="Ziekenhuis Noord")
    client = Client()
    client.get("/ziekenhuis/noord/")
    walk_shipped(client)
    decide(client, "medicijnen", TODAY)
    plan, summary = text_of(client.get(url("answers:plan", "nl"))), text_of(client.get("/mijn-keuze/samenvatting/"))
    for sign in shipped_aids["nl"].alarm_signs:
        assert sign.text in plan
        assert sign.text in summary
    assert 'href="tel:050 123 45 00"'.replace(" ", "") in client.get(url("answers:plan", "nl")).content.decode()


def test_the_decision_page_makes_her_plan_the_main_action_with_its_downloads_at_the_top(shipped_aids):
    client = Client()
    walk_shipped(client)
    decide(client, "medicijnen", TODAY)
    html = client.get(DECISION_URL).content.decode()
    assert '<a class="btn btn-primary" href="/mijn-keuze/besluit/plan/">' in html
    plan = client.get(url("answers:plan", "nl")).content.decode()
    # The calendar file and the PDF come before the moments: a tap away on her phone.
    assert plan.index('href="/mijn-keuze/besluit/plan.ics"') < plan.index('id="moment-mifepriston"')
    assert plan.index('href="/mijn-keuze/besluit/plan.pdf"') < plan.index('id="moment-mifepriston"')


def test_a_web_address_becomes_a_link_and_the_rest_stays_escaped():
    from options.templatetags.options_tags import web_links

    assert web_links("Zie <b>www.freya.nl</b>; of www.vook.nl.") == (
        'Zie &lt;b&gt;<a href="https://www.freya.nl">www.freya.nl</a>&lt;/b&gt;; '
        'of <a href="https://www.vook.nl">www.vook.nl</a>.'
    )
