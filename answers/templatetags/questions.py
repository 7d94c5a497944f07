"""Her path's questions as HTML, written in Python rather than in a template.

The path's pages are the busiest, with up to a dozen questions of five answers each;
rendering every answer through template tags took most of a page's time (see
docs/benchmarks.md). The markup follows the GOV.UK pattern: question (legend or label),
hint, error, then the answers; hint and error are tied to the question with
aria-describedby. A value statement's five answers are a scale in one row (`RatingScale`):
numbers 1 to 5, each radio button named with what its number means ("1, niet
belangrijk"), the meanings of the two ends shown beside the row.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

register = template.Library()

RADIO = (
    '<div class="form-check"><input type="radio" class="form-check-input{}" name="{}" value="{}" id="{}"{}{}>'
    '<label class="form-check-label" for="{}">{}</label></div>'
)
# The whole box (number and radio button) is the label: a target of at least 44 by 44 px.
SCALE_CHOICE = (
    '<label class="rating-choice" for="{}"><input type="radio" class="form-check-input{}" name="{}" value="{}"'
    ' id="{}"{}{}><span class="rating-number">{}</span><span class="visually-hidden rating-meaning">, {}</span></label>'
)


@register.simple_tag
def question(field):
    """One bound field of radio buttons or a text area, with its hint and errors."""
    errors = [str(error) for error in field.errors]
    id_ = field.auto_id
    # Plain strings: escaping a lazy translation makes a new lazy object every time.
    label, help_text = str(field.label), str(field.help_text)
    hint = format_html('<div id="{}_hint" class="form-text mt-0 mb-2">{}</div>', id_, help_text) if help_text else ""
    if hint and getattr(field.field, "hint_folded", False):
        # Why we ask, for who wants to know: folded, so the questions themselves stay short.
        hint = format_html('<details class="hint"><summary>{}</summary>{}</details>', _("Waarom vragen we dit?"), hint)
    error = (
        format_html(
            '<div id="{}_error" class="invalid-feedback d-block">{}</div>',
            id_,
            format_html_join("", '<p class="mb-1"><strong>{}</strong> {}</p>', ((_("Fout:"), e) for e in errors)),
        )
        if errors
        else ""
    )
    described_by = " ".join(name for name, shown in [(f"{id_}_hint", hint), (f"{id_}_error", error)] if shown)
    attributes = format_html(' aria-describedby="{}"', described_by) if described_by else ""
    invalid = " is-invalid" if errors else ""
    aria_invalid = mark_safe(' aria-invalid="true"') if errors else ""
    value = field.value()

    def checked(choice):
        return mark_safe(" checked") if value is not None and str(choice) == str(value) else ""

    widget_type = field.widget_type
    if widget_type == "radioselect":
        answers = format_html_join(
            "",
            RADIO,
            (
                (
                    invalid,
                    field.html_name,
                    choice,
                    f"{id_}_{number}",
                    checked(choice),
                    aria_invalid,
                    f"{id_}_{number}",
                    str(choice_label),
                )
                for number, (choice, choice_label) in enumerate(field.field.choices)
            ),
        )
    elif widget_type == "ratingscale":
        choices = field.field.choices
        answers = format_html(
            '<div class="rating-scale"><div class="rating-choices">{}</div>'
            '<div class="rating-ends" aria-hidden="true"><span>{}</span><span>{}</span></div></div>',
            format_html_join(
                "",
                SCALE_CHOICE,
                (
                    (
                        f"{id_}_{number}",
                        invalid,
                        field.html_name,
                        choice,
                        f"{id_}_{number}",
                        checked(choice),
                        aria_invalid,
                        number + 1,
                        str(choice_label),
                    )
                    for number, (choice, choice_label) in enumerate(choices)
                ),
            ),
            capfirst(str(choices[0][1])),
            capfirst(str(choices[-1][1])),
        )
    if widget_type in ("radioselect", "ratingscale"):
        return format_html(
            '<div class="question {}{}"><fieldset{}><legend class="form-label fs-6">{}</legend>{}{}{}</fieldset></div>',
            "mb-4" if widget_type == "radioselect" else "question-scale mb-4",
            " question-error" if errors else "",
            attributes,
            label,
            hint,
            error,
            answers,
        )
    if widget_type == "date":
        # type=date: her phone's own date picker, and a plain text box where a browser has
        # none (the form also reads 14-03-2026). What she typed is kept as she typed it.
        control = format_html(
            '<input type="date" class="form-control date-input{}" name="{}" id="{}" value="{}"{}{}>',
            invalid,
            field.html_name,
            id_,
            value or "",
            attributes,
            aria_invalid,
        )
    else:
        # A newline after <textarea>, as Django writes it: a text that starts with one keeps it.
        control = format_html(
            '<textarea class="form-control{}" name="{}" id="{}" rows="3"{}{}>\n{}</textarea>',
            invalid,
            field.html_name,
            id_,
            attributes,
            aria_invalid,
            value or "",
        )
    return format_html(
        '<div class="question mb-4{}"><label class="form-label" for="{}">{}</label>{}{}{}</div>',
        " question-error" if errors else "",
        id_,
        label,
        hint,
        error,
        control,
    )
