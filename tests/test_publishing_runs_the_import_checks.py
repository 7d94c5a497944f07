"""Publishing a draft runs the import's checks, including the comparison of the
translations: a draft is compared with the other language's current version (or with
the draft of that language published together with it). A refusal names the field in
Dutch, and the admin links to it."""

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages

from options import actions
from options.content.schema import ContentError
from options.models import ComparisonCell, DecisionAid, Option, Outcome
from tests import factories


def both_published():
    return {language: factories.published_aid(language) for language in ("nl", "en")}


def change_the_figure(draft, low):
    Outcome.objects.filter(aid=draft, key="medicijnen-werkt").update(
        low=low,
        high=low,
        positive=f"Bij {low} van de 100 vrouwen gebeurt het.",
        negative=f"Bij {100 - low} van de 100 vrouwen gebeurt het niet.",
    )
    ComparisonCell.objects.filter(row__aid=draft, outcome__key="medicijnen-werkt").update(
        text=f"Bij {low} van de 100 vrouwen."
    )


def refusal(*drafts):
    with pytest.raises(ContentError) as error:
        actions.publish(*drafts)
    for draft in drafts:
        draft.refresh_from_db()
        assert draft.status == DecisionAid.Status.DRAFT
    return [problem.message for problem in error.value.readable]


def test_a_dutch_figure_the_english_version_does_not_share_is_refused(db):
    draft = actions.new_draft(both_published()["nl"])
    change_the_figure(draft, 86)
    assert refusal(draft) == [
        "Uitkomst 'Uitkomst medicijnen-werkt' – laagste getal: hier 86, maar 85 in de Engelse versie 1 "
        "(gepubliceerd); alleen teksten mogen verschillen",
        "Uitkomst 'Uitkomst medicijnen-werkt' – hoogste getal: hier 86, maar 85 in de Engelse versie 1 "
        "(gepubliceerd); alleen teksten mogen verschillen",
    ]


def test_an_english_draft_missing_a_con_is_refused(db):
    four_cons = ["Nadeel een.", "Nadeel twee.", "Nadeel drie.", "Nadeel vier."]
    options = [factories.option(key, cons=four_cons) for key in factories.OPTION_KEYS]
    factories.published_aid("nl", options=options)
    draft = actions.new_draft(factories.published_aid("en", options=options))
    Option.objects.filter(aid=draft, key="curettage").update(cons=four_cons[:3])
    assert refusal(draft) == [
        "Optie 'Curettage' – nadelen: 3 regels hier, 4 in de Nederlandse versie 1 (gepubliceerd): "
        "een vertaling ontbreekt"
    ]


def test_both_languages_changed_together_are_published_together(db):
    published = both_published()
    drafts = [actions.new_draft(published[language]) for language in ("nl", "en")]
    for draft in drafts:
        change_the_figure(draft, 86)
    actions.publish(*drafts)
    assert [DecisionAid.objects.current("miskraam", language).version for language in ("nl", "en")] == [2, 2]


def test_two_drafts_that_disagree_are_neither_published(db):
    published = both_published()
    drafts = [actions.new_draft(published[language]) for language in ("nl", "en")]
    change_the_figure(drafts[0], 86)
    assert refusal(*drafts) == [
        "Uitkomst 'Uitkomst medicijnen-werkt' – laagste getal: hier 85, maar 86 in de Nederlandse versie 2 "
        "(concept); alleen teksten mogen verschillen",
        "Uitkomst 'Uitkomst medicijnen-werkt' – hoogste getal: hier 85, maar 86 in de Nederlandse versie 2 "
        "(concept); alleen teksten mogen verschillen",
    ]


def test_the_admin_names_the_field_in_dutch_and_links_to_it(client, db):
    client.force_login(User.objects.create_superuser("redacteur", password="een-lang-wachtwoord"))
    draft = actions.new_draft(both_published()["nl"])
    change_the_figure(draft, 86)
    response = client.post(
        "/admin/options/decisionaid/", {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith("Niet gepubliceerd: Keuzehulp miskraam (nl, versie 2, concept).")
    # To the outcome's own page, at the field (tests/test_publish_errors_link_to_the_field.py).
    outcome = draft.outcomes.get(key="medicijnen-werkt")
    assert f'<a href="/admin/options/outcome/{outcome.pk}/change/#id_low">Uitkomst' in message
    assert "laagste getal: hier 86, maar 85 in de Engelse versie 1" in message
    assert "outcomes[0]" not in message
