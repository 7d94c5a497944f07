"""Which aid a version belongs to is fixed when it is made: a Dutch draft saved as English
and published would put the Dutch aid on /en/. The admin shows language, slug and version
read-only, and the model refuses a change."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from options import actions
from options.models import DecisionAid
from tests import factories


@pytest.mark.parametrize(("field", "value"), [("language", "en"), ("slug", "andere"), ("version", 7)])
def test_a_draft_cannot_change_its_language_slug_or_version(db, field, value):
    draft = actions.new_draft(factories.published_aid())
    setattr(draft, field, value)
    with pytest.raises(ValidationError) as error:
        draft.save()
    assert "liggen vast" in error.value.messages[0]
    draft.refresh_from_db()
    assert (draft.slug, draft.language, draft.version) == ("miskraam", "nl", 2)


def test_the_admin_shows_them_read_only_and_ignores_a_posted_change(client, db):
    client.force_login(User.objects.create_superuser("redacteur", password="een-lang-wachtwoord"))
    draft = actions.new_draft(factories.published_aid())
    page = client.get(f"/admin/options/decisionaid/{draft.pk}/change/").content.decode()
    for field in ("language", "slug", "version"):
        assert f'name="{field}"' not in page
    form = client.get(f"/admin/options/decisionaid/{draft.pk}/change/").context["adminform"].form
    assert not {"language", "slug", "version"} & set(form.fields)
    draft.refresh_from_db()
    assert DecisionAid.objects.filter(language="en").count() == 0
