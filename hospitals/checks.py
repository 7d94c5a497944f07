"""`manage.py check --deploy` refuses a live hospital without a 24-hour number and a live
example: what she would dial at night must be real and reachable; and a hospital whose
picked practice the current content no longer has (publishing refuses to cause that, a
restored database may still hold it)."""

from django.conf import settings
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


@checks.register("hospitals", deploy=True)
def hospitals_picks_are_in_the_content(app_configs=None, **kwargs):
    from options.models import DecisionAid
    from options.published import SLUG

    from .models import PracticePick

    try:
        # From the database, not the shared cache: the check runs without Redis too.
        aid = DecisionAid.objects.current(SLUG, settings.LANGUAGE_CODE)
        practices = [(p.key, p.title, {v.key for v in p.variants.all()}) for p in aid.practices.all()] if aid else []
        lost = PracticePick.objects.lost_in(practices)
    except DatabaseError:
        return []
    return [
        checks.Error(
            _("%(hospital)s volgt bij „%(practice)s” de variant '%(variant)s', die de huidige inhoud niet heeft.")
            % {"hospital": pick.hospital.name, "practice": practice, "variant": pick.variant},
            hint=_("Kies in de admin bij het ziekenhuis een variant van de huidige inhoud."),
            obj="hospitals.PracticePick",
            id="hospitals.E003",
        )
        for pick, practice in lost
    ]
