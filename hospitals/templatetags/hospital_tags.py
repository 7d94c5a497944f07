from django import template

from .. import choice
from ..forms import HospitalChoiceForm
from ..models import Hospital

register = template.Library()


@register.inclusion_tag("hospitals/_partials/chooser.html", takes_context=True)
def hospital_chooser(context):
    """On the start page: her hospital and a way to change it, or the question."""
    hospitals = Hospital.live_list()
    return {
        "hospital": context.get("hospital"),
        "form": HospitalChoiceForm(hospitals=hospitals),
        "has_list": bool(hospitals),
        "not_listed": choice.chosen_pk(context.get("request")) == choice.NOT_LISTED,
        "request": context.get("request"),
    }
