"""She reads which version of the content she sees and who approved it when: on the
about page and in the PDF, one sentence. A version imported from the reviewed files
names no approver the app did not record; the files' reviewers stay listed apart."""

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from options import actions
from tests import factories
from tests.helpers import pdf_of, text_of, text_of_pdf, url, walk

APPROVER = "A. Jansen, gynaecoloog, Ziekenhuis Noord"


def today(language):
    with translation.override(language):
        return date_format(timezone.localdate(), "j F Y")


@pytest.fixture
def approved(factory_aids):
    """Version 2 in both languages, approved in the admin by a second clinician."""
    drafts = [actions.new_draft(factory_aids[language]) for language in ("nl", "en")]
    actions.publish(*drafts, user=factories.staff_member("jansen"))
    return drafts


def test_the_about_page_names_who_approved_the_version_and_when(client, approved):
    text = text_of(client.get(url("options:about", "nl")))
    assert f"Inhoud versie 2 van 23 november 2026, medisch goedgekeurd op {today('nl')} door {APPROVER}." in text
    assert "Deze mensen keken de teksten en getallen na toen de keuzehulp gemaakt werd: Een gynaecoloog" in text


def test_the_english_about_page_says_it_in_english(client, approved):
    text = text_of(client.get(url("options:about", "en")))
    assert f"Content version 2 of 23 November 2026, medically approved on {today('en')} by {APPROVER}." in text
    assert "These people checked the texts and figures when the decision aid was made:" in text


def test_an_imported_version_names_no_approver(client, factory_aids):
    text = text_of(client.get(url("options:about", "nl")))
    assert f"Inhoud versie 1 van 23 november 2026, gepubliceerd op {today('nl')}." in text
    assert "goedgekeurd" not in text
    assert "Een gynaecoloog, klinisch beoordelaar." in text


def test_the_pdf_names_who_approved_the_version_in_one_line(client, approved):
    walk(client)
    text = text_of_pdf(pdf_of(client))
    assert (
        f"Inhoud versie 2 van 23 november 2026, medisch goedgekeurd op {today('nl')} door {APPROVER}. "
        f"Samenvatting gemaakt op {today('nl')}."
    ) in text
