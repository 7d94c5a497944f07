from functools import wraps

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language

from . import published


def with_current_aid(view):
    """Pass the newest published version in the page's language to the view."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        aid = published.current(published.SLUG, get_language())
        if aid is None:
            return render(request, "options/unavailable.html", status=503)
        return view(request, aid, *args, **kwargs)

    return wrapper


@with_current_aid
def start(request, aid):
    return render(request, "options/start.html", {"aid": aid, "options": aid.options.all()})


def option_context(aid, key):
    """What the option page shows (also the admin's preview of a draft)."""
    options = list(aid.options.all())
    option = next((o for o in options if o.key == key), None)
    if option is None:
        raise Http404
    return {
        "aid": aid,
        "option": option,
        "sources": option.sources.all(),
        "outcomes": option.outcomes.all(),
        "other_options": [o for o in options if o != option],
    }


def comparison_context(aid):
    """What the comparison page shows (also the admin's preview of a draft)."""
    return {"aid": aid, "options": aid.options.all(), "rows": aid.comparison_rows.all()}


@with_current_aid
def option_detail(request, aid, key):
    return render(request, "options/option.html", option_context(aid, key))


@with_current_aid
def comparison(request, aid):
    return render(request, "options/comparison.html", comparison_context(aid))


@with_current_aid
def background(request, aid):
    return render(request, "options/background.html", {"aid": aid, "sections": aid.sections.all()})


@with_current_aid
def about(request, aid):
    return render(request, "options/about.html", {"aid": aid, "sources": aid.sources.all()})
