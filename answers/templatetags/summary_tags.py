from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def comparison_table(aid, plain=False):
    """The options side by side in her summary: the same for every patient of a content
    version, and the largest part of the page, so drawn once per worker. Kept on the
    loaded version itself (options.published keeps it for the worker's life; a published
    version never changes), per language and with or without icon arrays. Drawn afresh
    each time with DEBUG on, so that a template change shows at once."""
    tables = aid.__dict__.setdefault("drawn_comparison_tables", {})
    key = (bool(plain), get_language())
    if settings.DEBUG or key not in tables:
        html = render_to_string("answers/_summary/comparison.html", {"aid": aid, "plain": plain})
        tables[key] = mark_safe(html)  # noqa: S308 (our own template, escaped as it rendered)
    return tables[key]
