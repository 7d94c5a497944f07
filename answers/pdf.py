"""Her summary as a PDF, drawn by WeasyPrint from the same template as the page.

WeasyPrint fetches nothing: the stylesheet is handed over as a string, the icon arrays
and the chart are inline, and the fonts come from the system. Every URL in the document,
including one she might have typed into a free text, is refused without a request.
"""

import logging
import socket
import threading
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetchingError

logger = logging.getLogger(__name__)

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "summary.css"


# A killed worker cannot free its slot: it frees itself after this long (a drawing
# takes about a second).
SLOT_SECONDS = 10


class RenderingFailed(Exception):
    pass


class Busy(Exception):
    """All drawing slots of this machine are taken: ask her to try again in a moment."""


class RefuseEveryURL(URLFetcher):
    def fetch(self, url, headers=None):
        raise URLFetchingError("the summary loads nothing from any address")


@contextmanager
def drawing_slot():
    """Drawing a PDF takes a whole CPU core for most of a second. A burst of them must not
    take every worker and core from the pages, so only PDF_DRAWINGS_AT_ONCE are drawn at a
    time on each machine (counted in the shared cache, so over all its workers)."""
    keys = (f"pdf-slot:{socket.gethostname()}:{n}" for n in range(settings.PDF_DRAWINGS_AT_ONCE))
    key = next((key for key in keys if cache.add(key, "taken", SLOT_SECONDS)), None)
    if key is None:
        raise Busy
    try:
        yield
    finally:
        cache.delete(key)


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
