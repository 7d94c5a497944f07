"""Every change to the content's versions, each in one transaction: importing files
as a new published version, publishing drafts after the same checks as an import, and
making a draft from a version. A published version never changes
(docs/decisions/0001-immutable-content-versions.md); publishing and its checks:
docs/decisions/0009-publishing-checks-and-trace.md."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hospitals.models import PracticePick

from .content.database import build, check_draft, export
from .content.normal_form import content_hash
from .content.readable import Problem
from .content.schema import ContentError
from .models import DecisionAid, StaffProfile


def refusal(message):
    """A ContentError for a refusal that is not about one field."""
    error = ContentError([message])
    error.readable = [Problem(message)]
    return error


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


def translations_of(aid, drafts):
    """The versions a draft is compared with, as the import compares the files: another
    language against the default language, the default language against every other.
    A draft published together with it counts, else that language's current version."""
    reference = settings.LANGUAGE_CODE
    languages = [code for code, _name in settings.LANGUAGES if code != aid.language]
    if aid.language != reference:
        languages = [reference]
    versions = []
    for language in languages:
        together = drafts.get((aid.slug, language))
        if together is not None and aid.language == reference:
            continue  # that draft is compared with this one
        other = together or DecisionAid.objects.current(aid.slug, language)
        if other is not None:
            versions.append(other)
    return versions


@transaction.atomic
def publish(*aids, user=None):
    """Publish drafts, at most one per language, together or not at all: each after the
    import's checks and compared with its translations (the drafts published with it, or
    the current version of that language). A draft older than the published version is
    refused: it would not become current, and would undo newer changes.

    `user` is the reviewer who approves the drafts by publishing them: never one who made
    or edited them (a second clinician signs off; the import of reviewed files has none).
    Her name and role are copied onto each version, as patients will read them
    (docs/decisions/0011-approval-shown-to-patients.md)."""
    drafts = {}
    for aid in aids:
        if (aid.slug, aid.language) in drafts:
            raise refusal(_("Kies per taal één concept om te publiceren."))
        drafts[(aid.slug, aid.language)] = aid
    problems, readable, lost = [], [], set()
    for aid in aids:
        if user is not None and (aid.created_by_id == user.pk or aid.edited_by.filter(pk=user.pk).exists()):
            message = _(
                "Je hebt versie %(version)s zelf gemaakt of bewerkt. Een andere beoordelaar keurt haar goed en "
                "publiceert haar."
            ) % {"version": aid.version}
            problems.append(message)
            readable.append(Problem(message))
            continue
        current = DecisionAid.objects.current(aid.slug, aid.language)
        if current is not None and current.version > aid.version:
            message = _(
                "Versie %(version)s is ouder dan de gepubliceerde versie %(current)s en wordt niet gepubliceerd: "
                "ze zou de nieuwere wijzigingen ongedaan maken. Maak een nieuw concept van versie %(current)s."
            ) % {"version": aid.version, "current": current.version}
            problems.append(message)
            readable.append(Problem(message))
            continue
        try:
            aid.checked_content = check_draft(aid, translations_of(aid, drafts))
        except ContentError as error:
            problems.extend(error.problems)
            readable.extend(error.readable)
            continue
        for message in lost_picks(aid.checked_content, lost):
            problems.append(message)
            readable.append(Problem(message))
    if user is not None and (missing := StaffProfile.missing_for_approval(user)):
        message = _(
            "Je goedkeuring staat met je naam en functie op de pagina 'Over deze keuzehulp' en in de pdf. "
            "Vul eerst in bij je account: %(fields)s."
        ) % {"fields": ", ".join(missing)}
        problems.append(message)
        readable.append(Problem(message))
    if problems:
        error = ContentError(problems)
        error.readable = readable
        raise error
    for aid in aids:
        aid.content_hash = content_hash(aid.checked_content)
        aid.status = DecisionAid.Status.PUBLISHED
        aid.published_at = timezone.now()
        aid.published_by = user
        if user is not None:
            aid.approved_by_name, aid.approved_by_role = StaffProfile.approval_of(user)
        aid.save()
    return list(aids)


def lost_picks(content, lost):
    """Why the hospitals' picks would be lost with this content: a message per pick of a
    variant it no longer has (each pick once, in `lost`, when languages go out together)."""
    practices = [
        (practice["key"], practice["title"], {variant["key"] for variant in practice["variants"]})
        for practice in content["practices"]
    ]
    messages = []
    for pick, practice in PracticePick.objects.lost_in(practices):
        if pick.pk not in lost:
            lost.add(pick.pk)
            messages.append(lost_pick_message(pick, practice))
    return messages


def lost_pick_message(pick, practice):
    """Refused rather than falling back to the default: publishing would silently give
    the hospital another practice (docs/decisions/0010-local-practices.md)."""
    return _(
        "%(hospital)s volgt bij „%(practice)s” de variant '%(variant)s', maar die staat niet meer in deze versie. "
        "Kies eerst bij het ziekenhuis een variant die in deze versie blijft, en publiceer dan opnieuw."
    ) % {"hospital": pick.hospital.name, "practice": practice, "variant": pick.variant}


def newer_than(aid):
    """The current published version if it is newer than `aid`, else None."""
    current = DecisionAid.objects.current(aid.slug, aid.language)
    return current if current is not None and current.version > aid.version else None


@transaction.atomic
def new_draft(aid, user=None, undo_newer=False):
    """A draft copy of a version, to edit: the published version itself never changes.

    A draft of a version older than the current one would undo the newer changes when
    published: refused unless `undo_newer` says that is meant (going back to it)."""
    newer = newer_than(aid)
    if newer is not None and not undo_newer:
        raise refusal(
            _(
                "Versie %(version)s is ouder dan de gepubliceerde versie %(current)s: een concept ervan maakt de "
                "wijzigingen van de nieuwere versies ongedaan. Maak een concept van versie %(current)s, of kies "
                "'Concept maken van een oudere versie' als je echt terug wilt."
            )
            % {"version": aid.version, "current": newer.version}
        )
    draft = build(export(aid))
    draft.based_on, draft.created_by = aid, user
    draft.save(update_fields=["based_on", "created_by"])
    return draft
