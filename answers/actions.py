"""Every change to her answers, each in one transaction: a step is saved whole or not at
all, and never half."""

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from .models import (
    KnowledgeAnswer,
    OwnText,
    Record,
    ShareCode,
    SituationAnswer,
    ValueRating,
    code_digest,
    new_code,
    retention_deadline,
)


def start_record(aid):
    return Record.objects.create(aid=aid)


def touch(record, reached_step):
    """Keep the record for the full retention time after her last save, and remember
    how far she got."""
    record.updated_at = timezone.now()
    record.expires_at = retention_deadline()
    record.reached_step = max(record.reached_step, reached_step)
    record.save(update_fields=["updated_at", "expires_at", "reached_step"])


@transaction.atomic
def skip_step(record, step_number):
    touch(record, step_number)


def answered(cleaned_data):
    return {name: value for name, value in cleaned_data.items() if value}


@transaction.atomic
def save_situation(record, step_number, cleaned_data):
    """Answers to one group of situation questions (the form's fields); an answer left
    empty removes the one saved before."""
    SituationAnswer.objects.filter(record=record, question__in=list(cleaned_data)).delete()
    SituationAnswer.objects.bulk_create(
        SituationAnswer(record=record, question=question, choice=choice)
        for question, choice in answered(cleaned_data).items()
    )
    touch(record, step_number)


@transaction.atomic
def save_values(record, step_number, ratings, concerns):
    ValueRating.objects.filter(record=record).delete()
    ValueRating.objects.bulk_create(
        ValueRating(record=record, statement=statement, rating=int(rating))
        for statement, rating in answered(ratings).items()
    )
    replace_own_texts(record, OwnText.Kind.CONCERN, concerns)
    touch(record, step_number)


@transaction.atomic
def save_knowledge(record, step_number, cleaned_data):
    KnowledgeAnswer.objects.filter(record=record).delete()
    KnowledgeAnswer.objects.bulk_create(
        KnowledgeAnswer(record=record, question=question, choice=choice)
        for question, choice in answered(cleaned_data).items()
    )
    touch(record, step_number)


@transaction.atomic
def save_leaning(record, step_number, cleaned_data):
    record.leaning = cleaned_data.get("leaning") or ""
    for name in Record.SURE_FIELDS:
        answer = cleaned_data.get(name)
        setattr(record, name, None if not answer else answer == "ja")
    record.save(update_fields=["leaning", *Record.SURE_FIELDS])
    touch(record, step_number)


@transaction.atomic
def save_questions(record, step_number, questions):
    replace_own_texts(record, OwnText.Kind.QUESTION, questions)
    touch(record, step_number)


def replace_own_texts(record, kind, texts):
    OwnText.objects.filter(record=record, kind=kind).delete()
    OwnText.objects.bulk_create(
        OwnText(record=record, kind=kind, position=position, text=text)
        for position, text in enumerate(t for t in texts if t.strip())
    )


@transaction.atomic
def make_resume_code(record):
    """A new code for her to write down. Only its digest is stored, so a code is shown
    once; asking again makes a new one and the old one stops working."""
    code = new_code()
    record.resume_code_digest = code_digest(code)
    record.save(update_fields=["resume_code_digest"])
    return code


def find_by_resume_code(code):
    """The record for a code, or None. Expired records are found too, so that she can be
    told her code has expired rather than that it is wrong."""
    return Record.objects.filter(resume_code_digest=code_digest(code)).first()


@transaction.atomic
def make_share_code(record):
    """A code for her doctor; like the resume code, it is shown to her and not stored."""
    code = new_code()
    ShareCode.objects.create(record=record, digest=code_digest(code))
    return code


@transaction.atomic
def revoke_share_codes(record):
    return record.share_codes.active().update(revoked_at=timezone.now())


def find_share_code(code):
    return ShareCode.objects.select_related("record__aid").filter(digest=code_digest(code)).first()


@transaction.atomic
def delete_record(record):
    """Delete every row of hers at once (her answers go with the record)."""
    record.delete()


@transaction.atomic
def purge_expired(now=None):
    """Delete records past their retention and the sessions that have expired with them.
    Idempotent: a second run finds nothing more to delete."""
    now = now or timezone.now()
    _, records = Record.objects.expired(now).delete()
    sessions, _ = Session.objects.filter(expire_date__lte=now).delete()
    return records.get("answers.Record", 0), sessions
