"""The clinician's side: a staff member enters the share code a patient gives her and
reads that one summary. The code travels only in a form, never in a URL."""

import math
from functools import wraps

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from answers import actions, throttle
from answers.documents import summary_context
from answers.models import ShareCode
from hospitals import roles
from options import published

from . import forms

SESSION_KEY = "clinician_share"
# On the login page after a log-out: it says so (a shared computer on a ward).
LOGGED_OUT = "uitgelogd"


def staff_only(view):
    """For a clinician of a hospital (hospitals/roles.py); other staff (editors, the
    platform) read that this is not for their account."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_staff and roles.is_clinician(request.user)):
            return render(request, "clinicians/not_staff.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def login_limits(request):
    """(key, free attempts) of a login: per account, so that guessing one password from
    many addresses slows down; and per address, with more room, so that one address can
    not try many accounts, while a hospital behind one NAT address is not shut out."""
    limits = [(throttle.client_key(request, "login"), settings.LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR)]
    username = request.POST.get("username", "")
    if username:
        limits.append((throttle.account_key("login", username), settings.LOGIN_ATTEMPTS_PER_HOUR))
    return limits


def guarded_login(view):
    """A staff login (ours, or the admin's) with failed attempts counted over both. Past
    the free attempts each try waits longer (answers/throttle.py): a 429 with Retry-After
    until then, whatever the password. Not an hour's lock-out, which anyone could cause
    for a colleague's account."""

    @never_cache
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        limits = login_limits(request)
        wait = throttle.seconds_to_wait(limits)
        if wait:
            context = {"wait_minutes": math.ceil(wait / 60)}
            response = render(request, "clinicians/too_many_attempts.html", context, status=429)
            response["Retry-After"] = str(wait)
            return response
        response = view(request, *args, **kwargs)
        if request.user.is_authenticated:
            # A right login clears the account's count (not the address's: one account of
            # one's own must not reset the guessing of others).
            throttle.forget(throttle.account_key("login", request.POST.get("username", "")))
        else:
            throttle.note_failure([key for key, _free in limits])
        return response

    return wrapper


@guarded_login
@require_http_methods(["GET", "POST"])
def login(request):
    logged_out = LOGGED_OUT in request.GET and not request.user.is_authenticated
    view = auth_views.LoginView.as_view(
        template_name="clinicians/login.html",
        authentication_form=forms.LoginForm,
        extra_context={"logged_out": logged_out},
    )
    response = view(request)
    if request.method == "POST" and response.status_code == 200:
        # The form again, with its error: a 400, as for a wrong share code.
        response.status_code = 400
    return response


class LogoutView(auth_views.LogoutView):
    """A POST with its CSRF token (Django's LogoutView refuses a GET), then the login page,
    which says the log-out worked."""

    def get_default_redirect_url(self):
        return f"{reverse('clinicians:login')}?{LOGGED_OUT}"


@staff_only
@require_http_methods(["GET", "POST"])
def open_summary(request):
    form = forms.ShareCodeForm(request.POST or None)
    if request.method == "POST":
        # Counted per staff account, not per address: the whole hospital may share one.
        account = throttle.account_key("share", str(request.user.pk))
        if throttle.is_blocked(request, "share", settings.SHARE_ATTEMPTS_PER_HOUR, key=account):
            return render(request, "clinicians/too_many_attempts.html", status=429)
        status = 400
        if form.is_valid():
            code = form.cleaned_data["code"]
            share = actions.find_share_code(code)
            if share is not None and share.is_usable:
                hospital_id = share.record.hospital_id
                if roles.may_open_record_of(request.user, hospital_id):
                    request.session[SESSION_KEY] = share.pk
                    return redirect("clinicians:summary")
                # Counted as a failure too: a code of another hospital's patient opens
                # nothing, so it must not let anyone try more codes than a wrong one.
                form.add_error("code", forms.NO_HOSPITAL if hospital_id is None else forms.OTHER_HOSPITAL)
                status = 403
            else:
                gone = share is not None or actions.share_code_was_erased(code)
                form.add_error("code", forms.GONE_CODE if gone else forms.UNKNOWN_CODE)
        throttle.count_failure(request, "share", key=account)
        return render(request, "clinicians/open.html", {"form": form}, status=status)
    return render(request, "clinicians/open.html", {"form": form})


@staff_only
def summary(request):
    """The one summary her code opened, read-only, always in Dutch."""
    share = (
        ShareCode.objects.active()
        .select_related("record__hospital")
        .filter(pk=request.session.get(SESSION_KEY))
        .first()
    )
    # Asked again on every view: her hospital, or the clinician's, may have changed since.
    if share is None or not roles.may_open_record_of(request.user, share.record.hospital_id):
        request.session.pop(SESSION_KEY, None)
        return redirect("clinicians:open")
    record = share.record
    aid = published.version(record.aid_id)
    if aid.language != "nl":
        aid = published.current(published.SLUG, "nl")
    context = summary_context(record, aid)
    context["record"] = record
    context["note"] = render_to_string("clinicians/record_note.txt", context).strip()
    context["note_lines"] = context["note"].count("\n") + 2
    return render(request, "clinicians/summary.html", context)
