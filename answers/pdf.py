"""Her summary, and her plan after her decision, as PDFs, each drawn by WeasyPrint from
the same template as its page; they share the drawing slots, the cache and the stylesheet.

WeasyPrint fetches nothing: the stylesheet is handed over as a string, the icon arrays
and the chart are inline, and the fonts come from the system. Every URL in the document,
including one she might have typed into a free text, is refused without a request.
"""

import hashlib
import json
import logging
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import portalocker
from django.conf import settings
from django.core.cache import cache
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetchingError

from hospitals.models import Hospital

logger = logging.getLogger(__name__)

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "summary.css"


# A drawing takes about 0.4 s: waiting this long for a slot usually finds one, and saves
# her a round trip through the waiting page.
SLOT_WAIT_SECONDS = 1
# A drawn summary is kept this long, for her next download of the same summary.
KEEP_SECONDS = 3600


class RenderingFailed(Exception):
    pass


class Busy(Exception):
    """All drawing slots of this machine are taken: her page asks again in a moment."""


class RefuseEveryURL(URLFetcher):
    def fetch(self, url, headers=None):
        raise URLFetchingError("the summary loads nothing from any address")


@contextmanager
def drawing_slot(wait=0):
    """Drawing a PDF takes a whole CPU core for most of a second. A burst of them must not
    take every worker and core from the pages, so only PDF_DRAWINGS_AT_ONCE are drawn at a
    time on each machine (or container), over all its workers. A slot is a lock file
    locked by the drawing process: only its holder frees it, and when a worker is killed
    the kernel frees its slot with its files, at once."""
    slots = portalocker.BoundedSemaphore(
        settings.PDF_DRAWINGS_AT_ONCE,
        name="summary-pdf",
        directory=str(slot_directory()),
        timeout=wait,
        check_interval=0.05,
    )
    try:
        slots.acquire()
    except portalocker.AlreadyLocked:
        raise Busy from None
    try:
        yield
    finally:
        slots.release()


def slot_directory():
    # One per checkout: two copies of the app on one machine (tests, a benchmark) do not
    # share slots by accident.
    checkout = hashlib.sha256(str(settings.BASE_DIR).encode()).hexdigest()[:12]
    directory = Path(tempfile.gettempdir()) / f"keuzehulp-pdf-slots-{checkout}"
    directory.mkdir(mode=0o700, exist_ok=True)
    return directory


# Her PDFs: the summary, and her plan after her decision.
KINDS = ("summary", "plan")


def kept_key(record_pk, language, kind="summary"):
    return f"{kind}-pdf:{record_pk}:{language}"


def fingerprint(record, aid, made_on):
    """What the drawing depends on: her answers (and, by the time of her last save, her
    decisions and check-ins), the content version and language, the
    date printed on it, and her hospital as it is now (a changed number or practice: drawn again)."""
    hospital = Hospital.cached(record.hospital_id)
    shown = (
        [hospital.name, hospital.phone_24h, hospital.phone_office_hours, hospital.dialable, hospital.chosen_variants]
        if hospital
        else None
    )
    drawn_from = [
        record.answers.to_json(),
        record.updated_at.isoformat(),
        aid.pk,
        aid.language,
        made_on.isoformat(),
        shown,
    ]
    return hashlib.sha256(json.dumps(drawn_from, sort_keys=True).encode()).hexdigest()


def kept(record, aid, made_on, kind="summary"):
    """Her PDF as drawn before, if nothing it shows has changed since; else None."""
    stored = cache.get(kept_key(record.pk, aid.language, kind))
    if stored and stored[0] == fingerprint(record, aid, made_on):
        return stored[1]
    return None


def keep(record, aid, made_on, document, kind="summary"):
    cache.set(kept_key(record.pk, aid.language, kind), (fingerprint(record, aid, made_on), document), KEEP_SECONDS)


def forget(record_pk):
    """Her drawn PDFs go the moment she deletes her answers (the purge relies on their
    hour-long expiry)."""
    cache.delete_many([kept_key(record_pk, language, kind) for language, _ in settings.LANGUAGES for kind in KINDS])


_prepared = threading.local()


def stylesheet():
    """The stylesheet with its font configuration, made once per thread (WeasyPrint's
    objects are not shared between threads): about 30 ms of every drawing. Read again
    each time with DEBUG on, so that a change to the stylesheet shows at once."""
    if settings.DEBUG or not hasattr(_prepared, "stylesheet"):
        _prepared.font_config = FontConfiguration()
        _prepared.stylesheet = CSS(string=STYLESHEET.read_text(encoding="utf-8"), font_config=_prepared.font_config)
    return _prepared.stylesheet, _prepared.font_config


def render_pdf(html):
    """Draw the PDF; callers take a drawing_slot() first."""
    try:
        css, font_config = stylesheet()
        return HTML(string=html, url_fetcher=RefuseEveryURL()).write_pdf(
            stylesheets=[css], font_config=font_config, pdf_variant="pdf/ua-1"
        )
    except Exception as error:
        # Only the kind of error: its message or traceback could quote her answers.
        logger.error("The summary PDF could not be drawn (%s).", type(error).__name__)
        raise RenderingFailed from None
