"""Benchmark: how long WeasyPrint takes to draw her summary, and how much memory.

Prints, for the full summary and for the same document without icon arrays and chart:
the median and p95 of N renders (template + PDF), the ratio, and the peak memory (RSS)
of this process. Run it with `make bench-pdf` (or: DEBUG=true .venv/bin/python
scripts/bench_pdf.py [N]). It uses an in-memory SQLite database of its own.
"""

import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "keuzehulp.settings")
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.DEBUG = False  # DEBUG only supplied the development settings; measure as in production

from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import translation  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from weasyprint import HTML  # noqa: E402

from answers import actions, pdf  # noqa: E402
from answers.documents import summary_context  # noqa: E402
from options.actions import import_content  # noqa: E402
from options.content.files import load_translations  # noqa: E402


def a_full_record(aid, longest=False):
    """Every step answered: with free texts of everyday length, or with the longest
    texts the forms allow (3 concerns and 6 questions of 1000 characters)."""
    concerns = ["Een eigen zorg, lang opgeschreven. " * 28] * 3 if longest else ["Ik ben bang voor veel bloed."]
    questions = (
        ["Een vraag voor de arts, zo lang als het mag. " * 22] * 6
        if longest
        else ["Mag ik daarna weer sporten?", "Wie belt mij na 6 weken?", "Wanneer mag ik weer zwanger worden?"]
    )

    def answer_everything(answers):
        answers.situation = {q.key: q.choices.all()[0].key for q in aid.situation_questions.all()}
        answers.ratings = {s.key: n % 5 + 1 for n, s in enumerate(aid.value_statements.all())}
        answers.concerns = concerns
        answers.knowledge = {q.key: q.choices.all()[1].key for q in aid.knowledge_questions.all()}
        answers.leaning = "medicijnen"
        answers.sure = {"best_choice": False}
        answers.questions = questions

    return actions.save_step(None, aid, 6, answer_everything)


def timed(render, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(runs):
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    contents = load_translations(Path(__file__).resolve().parent.parent / "content" / "miskraam")
    aid, _ = import_content(contents["nl"])
    translation.activate("nl")

    def p95(values):
        return sorted(values)[max(0, round(len(values) * 0.95) - 1)]

    print(f"{runs} renders per variant (template + WeasyPrint, PDF/UA), on {os.cpu_count()} cores")
    print(f"{'record':<10} {'variant':<36} {'pages':>5} {'KB':>4} {'median ms':>10} {'p95 ms':>7}")
    for label, longest in [("everyday", False), ("longest", True)]:
        record = a_full_record(aid, longest)

        def render(plain, tagged=True, record=record):
            html = render_to_string("answers/summary_pdf.html", {**summary_context(record, aid), "plain": plain})
            if tagged:
                return pdf.render_pdf(html)
            css, fonts = pdf.stylesheet()  # the same drawing, without the PDF/UA tagging
            return HTML(string=html, url_fetcher=pdf.RefuseEveryURL()).write_pdf(stylesheets=[css], font_config=fonts)

        medians = {}
        variants = [
            ("full", "full (icon arrays, chart, PDF/UA)", {"plain": False}),
            ("plain", "no icon arrays or chart", {"plain": True}),
            ("floor", "text only: no arrays, chart, tagging", {"plain": True, "tagged": False}),
        ]
        for name, variant, options in variants:
            document = render(**options)  # warm-up
            times = timed(lambda options=options: render(**options), runs)
            medians[name] = statistics.median(times)
            pages = len(PdfReader(io.BytesIO(document)).pages)
            print(
                f"{label:<10} {variant:<36} {pages:>5} {len(document) // 1024:>4}"
                f" {medians[name]:>10.0f} {p95(times):>7.0f}"
            )
        print(f"{label:<10} ratio full / text-only floor (median): {medians['full'] / medians['floor']:.2f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS) of this process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
