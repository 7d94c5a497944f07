"""Her free texts lose the bidirectional controls (U+202A-202E, U+2066-2069) on the way
in, so that neither her summary, nor the PDF, nor the clinician's note can show her words
(or what follows them) reversed. Her own right-to-left letters stay."""

import pytest
from django.test import Client

from answers.forms import QuestionsForm
from answers.models import Record
from tests.helpers import STEP_URLS, walk

CONTROLS = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


@pytest.mark.parametrize("control", CONTROLS)
def test_each_control_is_removed(control):
    form = QuestionsForm({"question_1": f"Mag ik {control}weer werken?{control}"})
    assert form.is_valid()
    assert form.cleaned_data["question_1"] == "Mag ik weer werken?"


def test_a_text_made_of_controls_only_is_no_text():
    form = QuestionsForm({"question_1": "".join(CONTROLS)})
    assert form.is_valid()
    assert form.cleaned_data["question_1"] == ""


def test_saved_texts_hold_none_and_keep_her_own_letters(factory_aids):
    client = Client()
    walk(client, ["safety", "situation", "values", "knowledge", "leaning"])
    spoofed = "Wanneer mag ik \u202eneerkcos\u202c weer? שלום"
    response = client.post(STEP_URLS["questions"], {"question_1": spoofed, "action": "save"})
    assert response.status_code == 302
    assert Record.objects.get().answers.questions == ["Wanneer mag ik neerkcos weer? שלום"]
    page = client.get("/mijn-keuze/samenvatting/").content.decode()
    assert not any(control in page for control in CONTROLS)
