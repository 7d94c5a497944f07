"""Every change to the content's versions, each in one transaction: importing files
as a new published version, publishing a draft after the same checks as an import, and
making a draft from a version. A published version never changes
(docs/decisions/0001-immutable-content-versions.md)."""

from django.db import transaction
from django.utils import timezone

from .content.database import build, check_draft, export
from .content.normal_form import content_hash
from .models import DecisionAid


@transaction.atomic
def import_content(content):
    """Store checked, normalised content as a new published version.

    Returns (aid, created): with the same content as the newest published version in
    that language, no new version is made.
    """
    digest = content_hash(content)
    current = DecisionAid.objects.current(content["slug"], content["language"])
    if current and current.content_hash == digest:
        return current, False
    aid = build(content)
    publish(aid)
    return aid, True


@transaction.atomic
def publish(aid):
    content = check_draft(aid)
    aid.content_hash = content_hash(content)
    aid.status = DecisionAid.Status.PUBLISHED
    aid.published_at = timezone.now()
    aid.save()
    return aid


@transaction.atomic
def new_draft(aid):
    """A draft copy of a version, to edit: the published version itself never changes."""
    return build(export(aid))
