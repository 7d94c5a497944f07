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


@with_current_aid
def option_detail(request, aid, key):
    options = list(aid.options.all())
    option = next((o for o in options if o.key == key), None)
    if option is None:
        raise Http404
    return render(
        request,
        "options/option.html",
        {
            "aid": aid,
            "option": option,
            "sources": option.sources.all(),
            "outcomes": option.outcomes.all(),
            "other_options": [o for o in options if o != option],
        },
    )


@with_current_aid
def comparison(request, aid):
    return render(
        request,
        "options/comparison.html",
        {"aid": aid, "options": aid.options.all(), "rows": aid.comparison_rows.all()},
    )


@with_current_aid
def background(request, aid):
    return render(request, "options/background.html", {"aid": aid, "sections": aid.sections.all()})


@with_current_aid
def about(request, aid):
    return render(request, "options/about.html", {"aid": aid, "sources": aid.sources.all()})
