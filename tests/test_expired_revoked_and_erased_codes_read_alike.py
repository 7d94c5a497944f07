"""A share code that opens nothing tells the clinician what to do, and never which of
three things happened: an expired, a revoked and an erased code (she deleted her answers)
get the same page, "verlopen, ingetrokken of gewist". Of an erased code only its digest
is kept, until her answers would have been purged anyway; then, as any code of a purged
record, it is unknown. A code never given is unknown; a code that cannot be one gets a
message about its format. Each is a 400 with the form again, what was typed kept."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from answers.models import ErasedShareCode, Record, ShareCode
from tests.helpers import clinician_client, share_code_of, text_of, walk

GONE = "Deze code is verlopen, ingetrokken of gewist. Vraag de patiënt zo nodig om een nieuwe code."
GONE_EN = "This code has expired, been revoked or been deleted. If needed, ask the patient for a new code."
UNKNOWN = "Deze code is onbekend. Controleer of alle tekens goed zijn overgenomen."
UNKNOWN_EN = "This code is not known. Check that every character was copied correctly."


@pytest.fixture
def patient(client, factory_aids):
    walk(client)
    return client


@pytest.fixture
def clinician(db):
    return clinician_client()


def open_with(clinician, code, prefix=""):
    return clinician.post(f"{prefix}/zorgverlener/", {"code": code})


def main_of(response):
    """The page's main content, without the CSRF token (new on every page)."""
    page = re.search(r"<main.*</main>", response.content.decode(), re.DOTALL).group(0)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def expired(patient):
    code = share_code_of(patient)
    ShareCode.objects.update(expires_at=timezone.now())
    return code


def revoked(patient):
    code = share_code_of(patient)
    patient.post("/mijn-keuze/delen/", {"action": "revoke"})
    return code


def erased(patient):
    code = share_code_of(patient)
    patient.post("/mijn-keuze/wissen/")
    return code


@pytest.mark.parametrize("language", ["nl", "en"])
def test_expired_revoked_and_erased_codes_get_the_same_page(patient, clinician, language):
    prefix, message = ("", GONE) if language == "nl" else ("/en", GONE_EN)
    pages = []
    for close in (expired, revoked, erased):
        # Typed as it stands on her PDF, or in small letters: the same.
        code = close(patient).lower()
        response = open_with(clinician, code, prefix)
        assert response.status_code == 400, close.__name__
        assert text_of(response).count(message) == 2, close.__name__  # the summary and the field
        pages.append(main_of(response).replace(code, "CODE"))
        walk(patient)  # her answers again, for the next code
    assert pages[0] == pages[1] == pages[2]


@pytest.mark.parametrize(("prefix", "message"), [("", UNKNOWN), ("/en", UNKNOWN_EN)])
def test_a_code_never_given_is_unknown(patient, clinician, prefix, message):
    share_code_of(patient)
    response = open_with(clinician, "AAAA-BBBB-CCCC", prefix)
    assert response.status_code == 400
    assert message in text_of(response)
    assert "verlopen" not in text_of(response)
    field = re.search(r'<input [^>]*name="code"[^>]*>', response.content.decode()).group(0)
    assert 'class="form-control is-invalid"' in field
    assert 'aria-invalid="true"' in field


def test_of_an_erased_code_only_its_digest_is_kept_until_her_answers_would_have_gone(patient, clinician):
    record = Record.objects.get()
    code = erased(patient)
    assert Record.objects.count() == 0
    assert ShareCode.objects.count() == 0
    assert [field.name for field in ErasedShareCode._meta.concrete_fields] == ["id", "digest", "until"]
    assert ErasedShareCode.objects.get().until == record.expires_at
    assert code.replace("-", "") not in str(list(ErasedShareCode.objects.values_list()))
    with time_machine.travel(record.expires_at + datetime.timedelta(seconds=1)):
        clinician.force_login(User.objects.get(username="arts"))  # a new working day
        assert UNKNOWN in text_of(open_with(clinician, code))
        call_command("purge_answers")
        assert ErasedShareCode.objects.count() == 0


def test_a_code_of_answers_purged_after_their_time_is_unknown_too(patient):
    record = Record.objects.get()
    code = share_code_of(patient)
    with time_machine.travel(record.expires_at + datetime.timedelta(seconds=1)):
        call_command("purge_answers")
        # A clinician logged in now: the purge also removed the sessions that had expired.
        assert UNKNOWN in text_of(open_with(clinician_client(), code))


def test_the_purge_keeps_the_digests_still_needed(patient):
    erased(patient)
    call_command("purge_answers")
    assert ErasedShareCode.objects.count() == 1


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Vul de deelcode in."),
        ("ABCD-EFGH", "Een deelcode heeft 12 tekens, bijvoorbeeld ABCD-EFGH-JKMN."),
        ("ABCD-EFGH-JKMN-P", "Een deelcode heeft 12 tekens, bijvoorbeeld ABCD-EFGH-JKMN."),
        ("ABCD-EFGH-JKMN " * 4, "Een deelcode heeft 12 tekens, bijvoorbeeld ABCD-EFGH-JKMN."),
        ("ABCD-EFGH-JKM0", "Een deelcode heeft alleen letters en cijfers, zonder 0, 1, I, L en O."),
        ("ABCD-EFGH-JK.M", "Een deelcode heeft alleen letters en cijfers, zonder 0, 1, I, L en O."),
    ],
)
def test_a_code_that_cannot_be_one_gets_a_message_about_its_format(clinician, typed, message):
    response = open_with(clinician, typed)
    assert response.status_code == 400
    assert text_of(response).count(message) == 2
    assert f'<a href="#id_code">Deelcode van de patiënt: {message}</a>' in response.content.decode()


def test_the_field_keeps_what_was_typed_and_is_tied_to_its_hint_and_error(clinician):
    page = open_with(clinician, "abcd efgh").content.decode()
    field = re.search(r'<input [^>]*name="code"[^>]*>', page).group(0)
    assert 'value="abcd efgh"' in field
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_code_helptext id_code_error"' in field
    assert 'id="id_code_error"' in page
    assert "novalidate" in page
    assert "Je andere antwoorden zijn bewaard" not in page


def test_the_format_message_in_english(clinician):
    response = open_with(clinician, "ABC", "/en")
    assert "A share code has 12 characters, for example ABCD-EFGH-JKMN." in text_of(response)
