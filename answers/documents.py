"""What her summary shows, for her summary page, its PDF and the clinician's view; and
the QR code of a share code."""

import segno
from django.utils import timezone
from django.utils.safestring import mark_safe

from hospitals.models import Hospital

from . import plan
from .summary import Summary, check_in_lines, decision_lines


def summary_context(record, aid, made_on=None):
    decisions = decision_lines(record, aid)
    return {
        "aid": aid,
        "summary": Summary(record, aid),
        "made_on": made_on or timezone.localdate(),
        # Her hospital from her record (not the session): the clinician's view shows hers.
        "hospital": Hospital.cached(record.hospital_id),
        "decisions": decisions,
        "check_ins": check_in_lines(decisions),
    }


def plan_context(record, aid, hospital, made_on=None):
    """What her plan shows, for her plan page and its PDF (and its moments for her
    calendar file): from her latest decision, or None without one."""
    made_on = made_on or timezone.localdate()
    decision = record.decisions.first() if record is not None else None
    if decision is None:
        return None
    names = {option.key: option.name for option in aid.options.all()}
    moments = plan.plan_for(aid, decision, hospital)
    rules, feelings = plan.first_two_weeks(aid, decision, hospital), plan.support(aid, hospital)
    labels = plan.source_labels(aid)
    signs = [*aid.alarm_signs, *aid.alarm_signs_office_hours]
    used = (
        {key for item in moments for key in item.sources}
        | {source.key for part in (rules, feelings) if part for source in part.sources}
        | {sign.source.key for sign in signs}
    )
    return {
        "aid": aid,
        "record": record,
        "hospital": hospital,
        "made_on": made_on,
        "decision": decision,
        "option_name": names.get(decision.option_key, decision.option_key),
        "moments": [(item, plan.source_names(item, labels), item.is_past(made_on)) for item in moments],
        "first_two_weeks": rules,
        "support": feelings,
        # The sources of what the plan shows, in the content's order.
        "sources": [source for source in aid.sources.all() if source.key in used],
    }


def qr_svg(code):
    # Made here, with no network: the QR code holds the code itself, nothing else.
    return mark_safe(segno.make(code, error="m").svg_inline(scale=3, title=code))  # noqa: S308 (segno's own SVG)
