"""Clear the cached content once a change is committed, for every worker (shared cache).

After the commit: cleared earlier, another worker could cache the old state again
before the change is visible to it.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import published
from .models import DecisionAid


@receiver([post_save, post_delete], sender=DecisionAid)
def forget_current_version(sender, instance, **kwargs):
    transaction.on_commit(lambda: published.forget(instance.slug, instance.language))
