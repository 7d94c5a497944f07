"""Texts put side by side read as sentences: no ".;" or "?." where two punctuation marks
meet, and an error on a form that saves nothing does not say that answers were saved."""

from django.template import Context, Template

from tests.helpers import text_of, walk


def test_a_title_that_is_a_question_gets_no_extra_full_stop(client, shipped_aids):
    text = text_of(client.get("/over-deze-keuzehulp/"))
    assert "Wat is een volledige miskraam?." not in text
    assert "Wat is een volledige miskraam?" in text


def test_the_sentence_filter():
    template = Template("{% load options_tags %}{{ a|sentence }} {{ b|sentence }} {{ c|sentence }}")
    assert template.render(Context({"a": "Vraag?", "b": "Zin.", "c": "Titel"})) == "Vraag? Zin. Titel."


def test_her_summary_joins_statements_without_double_punctuation(client, factory_aids):
    walk(client)
    text = text_of(client.get("/mijn-keuze/samenvatting/"))
    assert "Uitspraak thuis." in text
    assert ".;" not in text
    assert "?." not in text


def test_a_code_form_that_saves_nothing_does_not_say_answers_were_kept(client, factory_aids):
    response = client.post("/mijn-keuze/verder/", {"code": "te kort"})
    assert response.status_code == 400
    text = text_of(response)
    assert "Verbeter dit:" in text
    assert "bewaard" not in text.split("Er is iets niet goed ingevuld", 1)[1].split("Verbeter dit:", 1)[0]
