"""Every change to her answers, each in one transaction: a step is saved whole or not at
all, and never half."""

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from figures import counting

from . import codes, pdf
from .models import CheckIn, Decision, ErasedShareCode, Record, ShareCode, retention_deadline
from .summary import Summary


@transaction.atomic
def save_step(record, aid, step_number, change=None, hospital=None):
    """Save a step: `change` (a form's `apply`) is made to her answers as they are in the
    database now, with her row locked, so two tabs saving at once cannot undo each
    other's answers. Without `change` the step counts as skipped. Her first save makes
    her record, with the hospital she chose before (`hospital`). Returns the record as
    saved: everything decided after the save (call now, the doubt page, the next step)
    is decided from it."""
    locked = Record.objects.select_for_update().filter(pk=record.pk).first() if record else None
    # Gone since the page was read (deleted in another tab): start afresh, lose nothing new.
    record = locked or Record(aid=aid, hospital=hospital)
    if change is not None:
        change(record.answers)
    record.aid = aid
    record.saved_now(step_number)
    if record.pk is None:
        counting.walk_started(record.hospital_id)
    record.save()
    return record


@transaction.atomic
def complete_walk(record, aid):
    """The first time she reaches her summary after the last step: her walk counts as
    completed, once (changing an answer later, or coming back, counts nothing more). The
    figures get how long it took, her SURE test and her knowledge score at this moment."""
    now = timezone.now()
    # Only one request can set it: the one that counts.
    if not Record.objects.filter(pk=record.pk, completed_at__isnull=True).update(completed_at=now):
        return
    record.completed_at = now
    summary = Summary(record, aid)
    counting.walk_completed(
        record.hospital_id,
        now - record.created_at,
        record.answers.sure_score,
        summary.knowledge_score,
        len(summary.knowledge),
    )


@transaction.atomic
def choose_hospital(record, hospital):
    """Her hospital (or None: not in the list), kept with her answers. A PDF drawn before
    shows the old numbers: forgotten."""
    Record.objects.filter(pk=record.pk).update(hospital=hospital)
    record.hospital = hospital
    pdf.forget(record.pk)


@transaction.atomic
def make_resume_code(record):
    """A new code for her to write down. Only its digest is stored, so a code is shown
    once; asking again makes a new one and the old one stops working."""
    code = codes.new_code()
    record.resume_code_digest = codes.digest(code)
    record.save(update_fields=["resume_code_digest"])
    return code


def find_by_resume_code(code):
    """The record for a code, or None. Expired records are found too, so that she can be
    told her code has expired rather than that it is wrong."""
    return Record.objects.filter(resume_code_digest=codes.digest(code)).first()


@transaction.atomic
def make_share_code(record):
    """A code for her doctor; like the resume code, it is shown to her once and not
    stored: the ShareCode returned carries it in `code`, the database only its digest."""
    code = codes.new_code()
    share = ShareCode.objects.create(record=record, digest=codes.digest(code))
    share.code = code
    return share


@transaction.atomic
def revoke_share_codes(record):
    return record.share_codes.active().update(revoked_at=timezone.now())


def find_share_code(code):
    return ShareCode.objects.select_related("record__aid").filter(digest=codes.digest(code)).first()


def share_code_was_erased(code):
    return ErasedShareCode.objects.filter(digest=codes.digest(code), until__gt=timezone.now()).exists()


@transaction.atomic
def delete_record(record):
    """Delete every row of hers at once (her answers go with the record), and the PDFs
    drawn of them. Of the share codes she gave, only their digests stay, until her answers
    would have been purged: so that her doctor is not told that she erased them."""
    digests = record.share_codes.values_list("digest", flat=True)
    erased = [ErasedShareCode(digest=digest, until=record.expires_at) for digest in digests]
    ErasedShareCode.objects.bulk_create(erased, ignore_conflicts=True)
    pdf.forget(record.pk)
    record.delete()


@transaction.atomic
def purge_expired(now=None):
    """Delete records past their retention, the sessions that have expired with them and
    the digests of erased share codes kept as long. Idempotent: a second run finds nothing more to delete."""
    now = now or timezone.now()
    _, records = Record.objects.expired(now).delete()
    ErasedShareCode.objects.filter(until__lte=now).delete()
    sessions, _ = Session.objects.filter(expire_date__lte=now).delete()
    return records.get("answers.Record", 0), sessions


@transaction.atomic
def record_decision(record, option_key, on_date):
    """Her decision after the consultation: always a new entry, the earlier ones kept.
    The one place a decision is recorded, and counted for the hospital's figures: her row
    locked first, so that a double click cannot count her first decision twice."""
    Record.objects.select_for_update().filter(pk=record.pk).first()
    previous = record.decisions.first()
    decision = Decision.objects.create(record=record, option_key=option_key, on_date=on_date)
    counting.decision(record.hospital_id, record.answers.leaning, option_key, previous)
    kept_longer(record)
    return decision


@transaction.atomic
def record_check_in(decision, **answers):
    """Her check-in on a decision: always a new entry, the earlier ones kept. The one
    place a check-in is recorded, and counted for the hospital's figures: the first
    check-in of a decision only (her row locked first), so that one woman is one check-in
    in them however often she looks back."""
    Record.objects.select_for_update().filter(pk=decision.record_id).first()
    first = not decision.check_ins.exists()
    check_in = CheckIn.objects.create(decision=decision, **answers)
    if first:
        hospital_id = decision.record.hospital_id
        counting.check_in(hospital_id, decision.option_key, check_in.regret_score, check_in.switched_option)
    kept_longer(decision.record)
    return check_in


def kept_longer(record):
    """Like a step's save: her answers are kept for the full retention time from now, and
    a PDF drawn before (without this entry) is forgotten."""
    record.updated_at = timezone.now()
    record.expires_at = retention_deadline()
    Record.objects.filter(pk=record.pk).update(updated_at=record.updated_at, expires_at=record.expires_at)
    pdf.forget(record.pk)
