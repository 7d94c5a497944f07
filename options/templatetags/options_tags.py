from django import template

from options.icon_arrays import figure, icon_array

register = template.Library()


@register.inclusion_tag("options/_components/icon_array.html")
def icon_array_for(outcome):
    return {"outcome": outcome, "paths": icon_array(outcome.low, outcome.high, outcome.denominator)}


@register.inclusion_tag("options/_components/icon_legend.html")
def icon_legend():
    return {"figure": figure(0)}
