"""What her summary shows, for her summary page, its PDF and the clinician's view; and
the QR code of a share code."""

import segno
from django.utils import timezone
from django.utils.safestring import mark_safe

from hospitals.models import Hospital

from .summary import Summary, decision_lines


def summary_context(record, aid, made_on=None):
    return {
        "aid": aid,
        "summary": Summary(record, aid),
        "made_on": made_on or timezone.localdate(),
        # Her hospital from her record (not the session): the clinician's view shows hers.
        "hospital": Hospital.cached(record.hospital_id),
        "decisions": decision_lines(record, aid),
    }


def qr_svg(code):
    # Made here, with no network: the QR code holds the code itself, nothing else.
    return mark_safe(segno.make(code, error="m").svg_inline(scale=3, title=code))  # noqa: S308 (segno's own SVG)
