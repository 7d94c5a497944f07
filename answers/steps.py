"""The steps of her path, in order. A step cannot be opened before the ones before it
have been answered or skipped."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    number: int
    slug: str
    title: str

    @property
    def url(self):
        return reverse(f"answers:{self.slug}")


STEPS = [
    Step(1, "safety", _("Eerst: gaat het nu goed met je?")),
    Step(2, "situation", _("Jouw situatie")),
    Step(3, "values", _("Wat vind jij belangrijk?")),
    Step(4, "knowledge", _("Wat weet je al?")),
    Step(5, "leaning", _("Waar neig je naar?")),
    Step(6, "questions", _("Jouw vragen voor de arts")),
    Step(7, "check", _("Controleer je antwoorden")),
]
BY_SLUG = {step.slug: step for step in STEPS}


def next_step(step):
    return STEPS[step.number] if step.number < len(STEPS) else None
