"""Her hospital: through its own address (printed as a QR code on its leaflets) or chosen
from the list; kept in her session and on her record."""

import io

import segno
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from answers import actions
from answers.views import current_record
from options import published

from . import choice
from .forms import HospitalChoiceForm
from .models import Hospital


def choose_for_her(request, hospital):
    """Keep her choice in her session and, once she has one, on her record."""
    choice.remember(request, hospital)
    record = current_record(request)
    if record is not None:
        actions.choose_hospital(record, hospital)


def reachable_or_404(request, slug):
    hospital = Hospital.objects.reachable().filter(slug=slug).first()
    if hospital is None:
        aid = published.current(published.SLUG, get_language())
        response = render(request, "hospitals/unknown.html", {"aid": aid, "slug": slug}, status=404)
        return None, response
    return hospital, None


@never_cache
def arrive(request, slug):
    """The hospital's own address: remembered for her, then the start page."""
    hospital, not_found = reachable_or_404(request, slug)
    if not_found:
        return not_found
    choose_for_her(request, hospital)
    return redirect("options:start")


@never_cache
@require_http_methods(["GET", "POST"])
def choose(request):
    """The list, to choose or to change her hospital; without JavaScript."""
    form = HospitalChoiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        choose_for_her(request, form.chosen())
        return redirect("options:start")
    aid = published.current(published.SLUG, get_language())
    status = 400 if form.errors else 200
    return render(request, "hospitals/choose.html", {"aid": aid, "hospital_form": form}, status=status)


def qr_code(request, slug):
    """The QR code of the hospital's address, for its leaflets and appointment cards."""
    hospital, not_found = reachable_or_404(request, slug)
    if not_found:
        return not_found
    address = request.build_absolute_uri(reverse("hospitals:arrive", args=[hospital.slug]))
    svg = io.BytesIO()
    segno.make(address, error="m").save(svg, kind="svg", scale=8, title=hospital.name)
    response = HttpResponse(svg.getvalue(), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="qr-{hospital.slug}.svg"'
    return response
