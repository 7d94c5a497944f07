"""Her hospital as a page knows it. Her record holds the choice (`Record.hospital`); her
session holds it too, so that every page shows it without a query, also before she has
a record and on the information pages. Where they differ, her record wins
(`follow_record`): she may have changed it on another device."""

from .models import Hospital

SESSION_KEY = "hospital"
NOT_LISTED = 0  # she said her hospital is not in the list: the neutral text, not asked again


def chosen_pk(request):
    """The pk of her hospital, NOT_LISTED, or None when she was never asked."""
    session = getattr(request, "session", None) if request is not None else None
    return None if session is None else session.get(SESSION_KEY)


def hospital_of(request):
    return Hospital.cached(chosen_pk(request))


def remember(request, hospital):
    request.session[SESSION_KEY] = hospital.pk if hospital else NOT_LISTED


def follow_record(request, record):
    if record is None:
        return
    wanted, have = record.hospital_id or None, chosen_pk(request) or None
    if wanted != have:
        request.session[SESSION_KEY] = wanted or NOT_LISTED
