"""Her summary as a PDF, drawn by WeasyPrint from the same template as the page.

WeasyPrint fetches nothing: the stylesheet is handed over as a string, the icon arrays
and the chart are inline, and the fonts come from the system. Every URL in the document,
including one she might have typed into a free text, is refused without a request.
"""

import logging
from pathlib import Path

from django.conf import settings
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetchingError

logger = logging.getLogger(__name__)

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "summary.css"


class RenderingFailed(Exception):
    pass


class RefuseEveryURL(URLFetcher):
    def fetch(self, url, headers=None):
        raise URLFetchingError("the summary loads nothing from any address")


def render_pdf(html):
    try:
        return HTML(string=html, url_fetcher=RefuseEveryURL()).write_pdf(
            stylesheets=[CSS(string=STYLESHEET.read_text(encoding="utf-8"))],
            pdf_variant="pdf/ua-1",
        )
    except Exception as error:
        # Only the kind of error: its message or traceback could quote her answers.
        logger.error("The summary PDF could not be drawn (%s).", type(error).__name__)
        raise RenderingFailed from None
