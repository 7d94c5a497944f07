"""The hospital's figures per month, for its staff: a page with charts and tables, and the
same figures as CSV. Anonymous counts only (figures/models.py); the rules of what is
shown are in figures/report.py, who sees which hospital in hospitals/roles.py."""

import csv
import datetime
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hospitals import roles
from options import published

from . import charts, counting, report

NO_HOSPITAL = "geen"
MONTHS_TO_CHOOSE = 24


def staff_with_figures(view):
    """Logged in with the staff login; without the right a 403 that says so."""

    @never_cache
    @login_required
    @require_GET
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not roles.may_view_figures(request.user):
            return render(request, "figures/no_access.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def ended_months(today=None):
    """The months that have ended, newest first: a month is shown only once it is over,
    so nobody can watch a count change right after a patient's visit."""
    month = counting.this_month() if today is None else today.replace(day=1)
    months = []
    for _step in range(MONTHS_TO_CHOOSE):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
        months.append(month)
    return months


def chosen_month(request):
    """One of the months offered (ended, the last MONTHS_TO_CHOOSE); any other is a 404."""
    value = request.GET.get("maand")
    months = ended_months()
    if not value:
        return months[0]
    month = next((month for month in months if f"{month:%Y-%m}" == value), None)
    if month is None:
        raise Http404
    return month


def hospital_choices(user):
    """(value, label, hospital pk or None for "no hospital") for each choice the account
    has. No sum over hospitals: a sum beside its parts would give away, by subtraction, a
    count hidden in one of them."""
    choices = [(str(hospital.pk), hospital.name, hospital.pk) for hospital in roles.hospitals_with_figures_for(user)]
    if roles.manages_every_hospital(user):
        choices.append((NO_HOSPITAL, _("Geen ziekenhuis gekozen"), None))
    return choices


def figures_of(request):
    """The month, the choice of hospital and its figures; a hospital the account may not
    see is one that does not exist (404)."""
    month = chosen_month(request)
    choices = hospital_choices(request.user)
    value = request.GET.get("ziekenhuis") or choices[0][0]
    choice = next((item for item in choices if item[0] == value), None)
    if choice is None:
        raise Http404
    _value, label, hospital_id = choice
    counts = report.counts_for(month, hospital_id)
    aid = published.current(published.SLUG, get_language())
    options = {option.key: option.name for option in aid.options.all()} if aid else {}
    questions = len(aid.knowledge_questions.all()) if aid else 0
    return {
        "month": month,
        "month_label": date_format(month, "F Y"),
        "months": [(f"{m:%Y-%m}", date_format(m, "F Y")) for m in ended_months()],
        "choices": [(item[0], item[1]) for item in choices],
        "choice": value,
        "hospital_label": label,
        "figures": report.build(counts, options, questions),
    }


@staff_with_figures
def figures_page(request):
    context = figures_of(request)
    for figure in context["figures"]:
        figure.bars = charts.bars(figure.cells)
        figure.chart_height = charts.height(figure.cells)
    context["chart_width"] = charts.WIDTH
    return render(request, "figures/figures.html", context)


@staff_with_figures
def figures_csv(request):
    """What the page shows, as rows: month, hospital, figure, item, value."""
    context = figures_of(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cijfers-{context["month"]:%Y-%m}.csv"'
    # A byte order mark and semicolons: what a spreadsheet set to Dutch opens as columns,
    # with "–", "→" and "„" intact.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("maand"), _("ziekenhuis"), _("cijfer"), _("onderdeel"), _("aantal")])
    month, hospital = f"{context['month']:%Y-%m}", context["hospital_label"]
    for figure in context["figures"]:
        rows = [(cell.label, cell.text) for cell in figure.cells]
        if figure.total is not None:
            rows.append((figure.total.label, figure.total.text))
        rows += figure.lines
        for label, text in rows:
            writer.writerow([month, hospital, str(figure.title), str(label), str(text)])
    return response
