"""`manage.py check --deploy` refuses a live hospital without a 24-hour number and a live
example: what she would dial at night must be real and reachable."""

from django.core import checks
from django.db import DatabaseError
from django.utils.translation import gettext as _


@checks.register("hospitals", deploy=True)
def hospitals_ready_to_go_live(app_configs=None, **kwargs):
    from .models import Hospital

    try:
        without_24h = list(Hospital.objects.filter(is_live=True, phone_24h="").values_list("slug", flat=True))
        live_examples = list(Hospital.objects.filter(is_live=True, is_example=True).values_list("slug", flat=True))
    except DatabaseError:
        return []  # no tables yet (before the first migrate): nothing live to refuse
    errors = [
        checks.Error(
            _("Ziekenhuis %(slug)s is live zonder nummer dat dag en nacht bereikbaar is.") % {"slug": slug},
            hint=_("Vul in de admin het 24-uursnummer in, of zet het ziekenhuis uit (niet live)."),
            obj="hospitals.Hospital",
            id="hospitals.E001",
        )
        for slug in without_24h
    ]
    errors += [
        checks.Error(
            _("Voorbeeldziekenhuis %(slug)s staat live: de nummers zijn verzonnen.") % {"slug": slug},
            hint=_("Zet het voorbeeld uit (niet live) en voeg het echte ziekenhuis toe."),
            obj="hospitals.Hospital",
            id="hospitals.E002",
        )
        for slug in live_examples
    ]
    return errors
