"""The values step: each statement a scale of five numbered answers in one fieldset, its
legend the statement; the keys and values she sends are those saved before (1 to 5 by
statement key); each number's meaning is in its radio button's name; her choice stays
checked after an error; her own points are folded away until one holds a text or an
error."""

import re

from django.utils import translation

from answers.forms import ValuesForm, label_and_error
from answers.models import Record, RecordAnswers
from answers.templatetags.questions import question
from tests.helpers import ANSWERS, save, text_of, walk

MEANINGS = ["niet belangrijk", "een beetje belangrijk", "belangrijk", "erg belangrijk", "heel erg belangrijk"]


def statements(aid):
    return list(aid.value_statements.all())


def test_a_statement_is_a_fieldset_of_five_numbered_radio_buttons(factory_aids):
    html = question(ValuesForm(statements=statements(factory_aids["nl"]))["thuis"])
    assert html.startswith('<div class="question question-scale mb-4"><fieldset><legend')
    assert re.search(r"<legend[^>]*>Uitspraak thuis\.</legend>", html)
    radios = re.findall(r'<input type="radio"[^>]*>', html)
    assert [re.search(r'name="([^"]+)"', r)[1] for r in radios] == ["thuis"] * 5
    assert [re.search(r'value="([^"]+)"', r)[1] for r in radios] == ["1", "2", "3", "4", "5"]
    # Each radio button inside its label: the visible number and, hidden, what it means.
    labels = re.findall(r'<label class="rating-choice" for="id_thuis_(\d)">.*?</label>', html)
    assert labels == ["0", "1", "2", "3", "4"]
    number_and_meaning = r'"rating-number">(\d)</span><span class="visually-hidden rating-meaning">, ([^<]+)<'
    shown = re.findall(number_and_meaning, html)
    assert shown == list(zip("12345", MEANINGS, strict=True))
    # The two ends, shown once beside the row (a screen reader has them in the names).
    ends = '<div class="rating-ends" aria-hidden="true"><span>Niet belangrijk</span><span>Heel erg belangrijk</span>'
    assert ends in html
    assert "checked" not in html
    assert "aria-describedby" not in html


def test_the_scale_in_english(factory_aids):
    with translation.override("en"):
        html = question(ValuesForm(statements=statements(factory_aids["en"]))["thuis"])
    assert "<span>Not important</span><span>Extremely important</span>" in html
    assert ", a little important<" in html


def test_her_saved_rating_is_checked(factory_aids):
    answers = RecordAnswers()
    answers.ratings = {"thuis": 4}
    form = ValuesForm(statements=statements(factory_aids["nl"]), answers=answers)
    html = question(form["thuis"])
    assert re.search(r'value="4" id="id_thuis_3" checked>', html)
    assert html.count(" checked") == 1


def test_the_values_she_posts_are_saved_by_key_as_before(client, factory_aids):
    walk(client, ["safety", "situation"])
    assert save(client, "values").status_code == 302
    answers = Record.objects.get().answers
    assert answers.ratings == {"thuis": int(ANSWERS["values"]["thuis"])}
    assert answers.concerns == [ANSWERS["values"]["concern_1"]]


def test_after_an_error_her_choice_stays_checked_and_the_error_is_tied_to_the_scale(client, factory_aids):
    walk(client, ["safety", "situation"])
    response = save(client, "values", {"thuis": "5", "concern_2": "x" * 1001})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="5" id="id_thuis_4" checked>' in page
    assert 'id="id_concern_2" rows="3" aria-describedby="id_concern_2_hint id_concern_2_error"' in page
    assert '<details class="own-concerns" open>' in page  # the box with the error is shown

    response = save(client, "values", {"thuis": "9"})
    page = response.content.decode()
    assert '<fieldset aria-describedby="id_thuis_error">' in page
    assert page.count('aria-invalid="true"') == 5
    assert '<a href="#id_thuis_0">Uitspraak thuis: Kies een van de antwoorden die hier staan.</a>' in page
    assert "thuis.:" not in text_of(response)


def test_her_own_points_are_folded_away_until_one_holds_a_text(client, factory_aids):
    walk(client, ["safety", "situation"])
    page = client.get("/mijn-keuze/wat-vind-ik-belangrijk/").content.decode()
    assert '<details class="own-concerns">' in page
    assert page.count("<textarea") == 3  # folded, not left out: sent with the form
    save(client, "values")
    page = client.get("/mijn-keuze/wat-vind-ik-belangrijk/").content.decode()
    assert '<details class="own-concerns" open>' in page


def test_a_label_and_its_error_read_as_one_sentence():
    assert label_and_error("Ik wil thuis zijn.", "Kies.") == "Ik wil thuis zijn: Kies."
    assert label_and_error("Rhesus negatief?", "Kies.") == "Rhesus negatief? Kies."
    assert label_and_error("Vraag 1", "Te lang.") == "Vraag 1: Te lang."
