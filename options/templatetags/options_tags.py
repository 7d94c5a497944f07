import re
from itertools import count

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from options.icon_arrays import COLOURS, FIGURE, icon_array
from options.models import Option

register = template.Library()

# Pattern ids must be unique within a page that shows many arrays.
array_numbers = count(1)


@register.inclusion_tag("options/_components/icon_array.html")
def icon_array_for(outcome):
    return {
        "outcome": outcome,
        "array": icon_array(outcome.low, outcome.high, outcome.denominator),
        "figure": FIGURE,
        "id": f"ia{next(array_numbers)}",
    }


@register.inclusion_tag("options/_components/icon_legend.html")
def icon_legend():
    return {"figure": FIGURE, "colours": COLOURS}


LIST_ITEM = "- "


@register.simple_tag(takes_context=True)
def at_her_hospital(context, lines):
    """Content lines with each practice as her hospital works (her hospital's variant, or
    the text that hospitals differ): `{% at_her_hospital option.steps as steps %}`."""
    return context["aid"].lines_at(lines, context.get("hospital"))


@register.simple_tag(takes_context=True)
def her_hospitals_practices(context):
    """(practice, her hospital's variant or None, the lines she reads) of the practices
    her summary shows: those of the option she leans to and of none; all while she has
    no leaning or is unsure."""
    leaning = getattr(context.get("summary"), "leaning", None)
    return context["aid"].practices_at(context.get("hospital"), leaning if isinstance(leaning, Option) else None)


@register.filter
def blocks(lines):
    """Paragraphs as blocks: consecutive lines that start with "- " form one list.

    [{"list": False, "text": ...}, {"list": True, "items": [...]}, ...]
    """
    result = []
    for line in lines or []:
        if line.startswith(LIST_ITEM):
            if not result or not result[-1]["list"]:
                result.append({"list": True, "items": []})
            result[-1]["items"].append(line[len(LIST_ITEM) :].strip())
        else:
            result.append({"list": False, "text": line})
    return result


WEB_ADDRESS = re.compile(r"\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b", re.IGNORECASE)


@register.filter
def web_links(text):
    """A content text with each web address ("www.freya.nl") a plain link she may choose
    to follow; the rest escaped as usual."""
    parts, start = [], 0
    for match in WEB_ADDRESS.finditer(str(text)):
        parts += [escape(text[start : match.start()]), format_html('<a href="https://{0}">{0}</a>', match.group())]
        start = match.end()
    return mark_safe("".join([*parts, escape(text[start:])]))  # noqa: S308 (every part escaped above)


@register.filter
def sentence(text):
    """A text as a sentence: a full stop after it, unless it ends in one of its own
    ("Wat is een volledige miskraam?", not "…miskraam?.")."""
    text = str(text).rstrip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


@register.filter
def shared_source(items):
    """The source every item of a list has in common, or None. One source is named once
    under the list rather than after each line; several are named after each line."""
    sources = {item.source_id for item in items}
    return items[0].source if len(sources) == 1 else None
