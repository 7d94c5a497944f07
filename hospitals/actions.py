"""Changes to a hospital that are more than its own fields, each in one transaction."""

from django.db import transaction

from .models import PracticePick


@transaction.atomic
def pick_practices(hospital, picks):
    """Its picks, {practice key: variant key}, as the admin shows them (every practice of
    the current version): one row per practice. Pages read them with the cached
    hospital, cleared once this is committed (hospitals.signals)."""
    for practice, variant in picks.items():
        PracticePick.objects.update_or_create(hospital=hospital, practice=practice, defaults={"variant": variant})
