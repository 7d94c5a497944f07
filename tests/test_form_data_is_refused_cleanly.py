"""Only small urlencoded forms are read. A multipart body (415), a body too large (413),
bytes that are not UTF-8 or 10,000 fields (400) get a clear page in her language before
anything is read or saved, and the log has one line, no traceback and nothing she sent."""

import logging

import pytest
from django.conf import settings
from django.test import Client
from django.test.client import BOUNDARY, encode_multipart

from answers.forms import OWN_QUESTIONS, OWN_TEXT_MAX_LENGTH
from answers.models import Record
from tests.helpers import STEP_URLS, walk

FORM = "application/x-www-form-urlencoded"
MARKER = "ZZMARKER"


@pytest.fixture
def her(factory_aids):
    client = Client()
    record = walk(client)
    return client, record


def answers_of(record):
    return Record.objects.get(pk=record.pk).answers


def post_raw(client, path, body, content_type=FORM):
    return client.generic("POST", path, body, content_type=content_type)


@pytest.mark.parametrize("step", list(STEP_URLS))
@pytest.mark.parametrize(("prefix", "words"), [("", "Dit kunnen we niet lezen"), ("/en", "We cannot read this")])
def test_a_multipart_post_to_her_steps_is_refused_and_loses_nothing(her, step, prefix, words):
    client, record = her
    before = answers_of(record)
    body = encode_multipart(BOUNDARY, {"question_1": f"{MARKER} anders", "action": "save"})
    response = post_raw(client, prefix + STEP_URLS[step], body, f"multipart/form-data; boundary={BOUNDARY}")
    assert response.status_code == 415
    assert words in response.content.decode()
    assert answers_of(record) == before


def test_a_body_that_is_not_utf8_is_a_400_not_a_guess(her):
    client, record = her
    before = answers_of(record)
    for body in [b"question_1=caf%E9&action=save", "question_1=café&action=save".encode("latin-1")]:
        response = post_raw(client, STEP_URLS["questions"], body)
        assert response.status_code == 400
        assert "Dit kunnen we niet lezen" in response.content.decode()
    latin1 = post_raw(client, STEP_URLS["questions"], "question_1=é".encode(), f"{FORM}; charset=latin-1")
    assert latin1.status_code == 400
    assert "Dit kunnen we niet lezen" in latin1.content.decode()
    assert answers_of(record) == before


def test_a_query_string_that_is_not_utf8_is_a_400(factory_aids):
    assert Client().get("/vergelijken/?q=%FF").status_code == 400


def test_ten_thousand_fields_are_a_400_without_a_traceback(her, caplog):
    client, record = her
    before = answers_of(record)
    body = "&".join(f"f{n}={MARKER}" for n in range(10_000)) + "&action=save"
    with caplog.at_level(logging.DEBUG):
        response = post_raw(client, STEP_URLS["questions"], body)
        query = client.get("/vergelijken/?" + "&".join(f"q{n}=1" for n in range(10_000)))
    assert response.status_code == 400
    assert query.status_code == 400
    assert "Dit kunnen we niet lezen" in response.content.decode()
    assert "Traceback" not in caplog.text
    assert not any(r.exc_info for r in caplog.records)
    assert MARKER not in caplog.text
    assert "too many fields" in caplog.text
    assert answers_of(record) == before


def test_a_body_too_large_is_a_413(her):
    client, record = her
    body = f"question_1={'a' * settings.DATA_UPLOAD_MAX_MEMORY_SIZE}&action=save"
    response = post_raw(client, STEP_URLS["questions"], body)
    assert response.status_code == 413
    assert "te groot" in response.content.decode()


def test_the_limits_hold_her_largest_form_and_a_text_three_times_too_long(her):
    client, record = her
    # Every question at three times the limit, in 4-byte characters: she reads "te lang".
    long_text = "😢" * (3 * OWN_TEXT_MAX_LENGTH)
    data = {f"question_{n}": long_text for n in range(1, OWN_QUESTIONS + 1)}
    response = client.post(STEP_URLS["questions"], {**data, "action": "save"})
    assert response.status_code == 400
    assert "Je tekst is te lang" in response.content.decode()
    # At the limit it is saved.
    data = {f"question_{n}": "😢" * OWN_TEXT_MAX_LENGTH for n in range(1, OWN_QUESTIONS + 1)}
    assert client.post(STEP_URLS["questions"], {**data, "action": "save"}).status_code == 302


def test_the_field_limit_is_well_above_the_largest_admin_form(her, admin_client):
    """The largest form a clinician posts: a version's own page, or an item's page with
    its table (an option with its outcomes, a question with its answers)."""
    from options.models import ComparisonRow, DecisionAid, KnowledgeQuestion, Option, SituationQuestion, ValueStatement

    aid = DecisionAid.objects.filter(language="nl").latest("version")
    pages = [f"/admin/options/decisionaid/{aid.pk}/change/"] + [
        f"/admin/options/{item._meta.model_name}/{item.pk}/change/"
        for model in (Option, ComparisonRow, ValueStatement, KnowledgeQuestion, SituationQuestion)
        for item in model.objects.filter(aid=aid)
    ]
    fields = max(admin_client.get(page).content.decode().count(' name="') for page in pages)
    assert fields > 10
    assert 2 * fields < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS


def test_a_request_django_refuses_itself_gets_the_same_page(factory_aids, settings):
    settings.DEBUG = False
    response = Client().get("/en/vergelijken/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "We cannot read this" in response.content.decode()
