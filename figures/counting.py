"""Adding 1 to a named count for a hospital and this month, at the moment it happens
(called from answers/actions.py, inside the action's transaction: rolled back with it).
Race-safe: the row is made once (get_or_create falls back to the row another request
made first) and counted up in the database, never read, added to and written back."""

import datetime

from django.db.models import F
from django.utils import timezone

from . import names
from .models import MonthlyCount


def this_month():
    return timezone.localdate().replace(day=1)


def add(name, hospital_id):
    row, _made = MonthlyCount.objects.get_or_create(hospital_id=hospital_id, month=this_month(), name=name)
    MonthlyCount.objects.filter(pk=row.pk).update(count=F("count") + 1)


def walk_started(hospital_id):
    add(names.WALK_STARTED, hospital_id)


def walk_completed(hospital_id, elapsed, sure_score, knowledge_right, knowledge_total):
    """Her walk, once: how long it took (in a bin), whether the SURE test was full, and
    how many knowledge questions she answered right."""
    add(names.WALK_COMPLETED, hospital_id)
    add(names.minutes(elapsed // datetime.timedelta(minutes=1)), hospital_id)
    add(names.sure(sure_score), hospital_id)
    add(names.knowledge(knowledge_right, knowledge_total), hospital_id)


def decision(hospital_id, leaning, option_key, previous):
    """Her first decision against her leaning at that moment; a later one with another
    option than her previous decision as a switch. The same option again counts nothing,
    nor a switch the check-in of her previous decision counted already."""
    if previous is None:
        add(names.leaning_decision(leaning, option_key), hospital_id)
        return
    counted_check_in = previous.check_ins.last()  # newest first: the first, the one counted
    if previous.option_key != option_key and getattr(counted_check_in, "switched_option", "") != option_key:
        add(names.switched(previous.option_key, option_key), hospital_id)


def check_in(hospital_id, option_key, regret_score, switched_to):
    add(names.CHECK_IN, hospital_id)
    if regret_score is not None:
        add(names.regret_band(regret_score), hospital_id)
    if switched_to and switched_to != option_key:
        add(names.switched(option_key, switched_to), hospital_id)
