"""Clear the cached hospital once a change is committed, for every worker (shared cache).
After the commit: cleared earlier, another worker could cache the old state again."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Hospital, PracticePick


@receiver([post_save, post_delete], sender=Hospital)
def forget_hospital(sender, instance, **kwargs):
    pk = instance.pk
    transaction.on_commit(lambda: Hospital.forget(pk))


@receiver([post_save, post_delete], sender=PracticePick)
def forget_hospital_of_pick(sender, instance, **kwargs):
    pk = instance.hospital_id
    transaction.on_commit(lambda: Hospital.forget(pk))
