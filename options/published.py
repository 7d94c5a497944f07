"""Published content, read from the database once per worker.

A published version never changes (an edit makes a new version), so a version with all
its parts can stay in the worker's memory for as long as the worker lives. Which version
is current does change, on publish; that is kept in the shared cache and cleared by
options.signals, so every worker shows a new version at once.
"""

from django.core.cache import cache

from .models import DecisionAid

# The aid this site shows (the content format allows more, under other slugs).
SLUG = "miskraam"

# Published versions by primary key; small (a few per language) and never stale.
_versions = {}


def version(pk):
    """A published version with every part loaded; None for a draft or no such version."""
    aid = _versions.get(pk)
    if aid is None:
        aid = DecisionAid.objects.published().with_everything().filter(pk=pk).first()
        if aid is not None:
            _versions[pk] = aid
    return aid


def current(slug, language):
    """The newest published version of an aid in a language, or None."""
    pk = cache.get_or_set(current_key(slug, language), lambda: current_pk(slug, language), 3600)
    return version(pk) if pk else None


def current_pk(slug, language):
    aid = DecisionAid.objects.current(slug, language)
    return aid.pk if aid else 0


def current_key(slug, language):
    return f"published-aid:{slug}:{language}"


def forget(slug, language):
    cache.delete(current_key(slug, language))


def forget_everything():
    """For tests, whose databases reuse primary keys."""
    _versions.clear()
