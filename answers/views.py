from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from hospitals import choice
from hospitals.models import Hospital
from options import published
from options.models import SituationQuestion

from . import actions, forms, pdf, plan, steps, throttle
from .documents import plan_context, qr_svg, summary_context
from .models import CheckIn, Record
from .steps import BY_SLUG, READING_MINUTES, STEPS, next_step
from .summary import Summary, decision_lines

SESSION_KEY = "answers_record"


def current_record(request):
    """Her record from the session cookie, or None (never one that has expired)."""
    record_id = request.session.get(SESSION_KEY)
    if record_id is None:
        return None
    return Record.objects.active().filter(pk=record_id).first()


def remember(request, record):
    request.session.cycle_key()
    request.session[SESSION_KEY] = record.pk
    keep_session_until(request, record)


def keep_session_until(request, record):
    # The session lives exactly as long as her record: the purge removes both together.
    request.session.set_expiry(record.expires_at)


def aid_for(record):
    """The content in the page's language: the version she answered in, or for another
    language its newest published version (the keys are the same in every language)."""
    language = get_language()
    if record is not None:
        aid = published.version(record.aid_id)
        if aid is not None and aid.language == language:
            return aid
    return published.current(published.SLUG, language)


def patient_page(view):
    """Her pages: never cached anywhere (they show her answers), with her record and the
    content in the page's language."""

    @never_cache
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        record = current_record(request)
        choice.follow_record(request, record)
        aid = aid_for(record)
        if aid is None:
            return render(request, "options/unavailable.html", status=503)
        return view(request, record, aid, *args, **kwargs)

    return wrapper


def step_page(slug):
    """A step of the path: a later step than she has reached redirects to the first one
    she has not answered or skipped yet."""
    step = BY_SLUG[slug]

    def decorator(view):
        @patient_page
        @require_http_methods(["GET", "POST"])
        @wraps(view)
        def wrapper(request, record, aid):
            reached = record.reached_step if record else 0
            if step.number > reached + 1:
                return redirect(STEPS[reached].url)
            return view(request, record, aid, step)

        return wrapper

    return decorator


def handle_step(request, record, aid, step, form, template="answers/step.html"):
    """The shared flow of a step: skip, or save what is valid, or show the errors. Where
    she goes next is decided from the record as the save left it."""
    skipped = request.method == "POST" and request.POST.get("action") == "skip"
    if skipped or (request.method == "POST" and form.is_valid()):
        hospital = Hospital.cached(choice.chosen_pk(request))
        saved = actions.save_step(record, aid, step.number, None if skipped else form.apply, hospital)
        if record is None or saved.pk != record.pk:
            remember(request, saved)
        keep_session_until(request, saved)
        return redirect(steps.after(step, saved, aid, skipped))
    status = 400 if form.is_bound and form.errors else 200
    context = {"aid": aid, "step": step, "steps": STEPS, "form": form, "record": record}
    return render(request, template, context, status=status)


def result_page(slug, template, with_summary=True):
    """The page after a step: what her answers mean, then on to the next step."""
    step = BY_SLUG[slug]

    @patient_page
    def view(request, record, aid):
        if record is None:
            return redirect(step.url)
        summary = Summary(record, aid) if with_summary else None
        context = {"aid": aid, "record": record, "summary": summary, "step": step, "next": next_step(step)}
        return render(request, template, context)

    return view


situation_result = result_page("situation", "answers/situation_result.html")
values_result = result_page("values", "answers/values_result.html")
knowledge_result = result_page("knowledge", "answers/knowledge_result.html")
leaning_help = result_page("leaning", "answers/leaning_help.html")


@patient_page
def intro(request, record, aid):
    reached = record.reached_step if record else 0
    return render(
        request,
        "answers/intro.html",
        {
            "aid": aid,
            "record": record,
            "steps": STEPS,
            "first_step": STEPS[min(reached, len(STEPS) - 1)],
            "retention_days": settings.ANSWERS_RETENTION_DAYS,
            "reading_minutes": READING_MINUTES,
        },
    )


def answers_of(record):
    return record.answers if record else None


@step_page("safety")
def safety(request, record, aid, step):
    questions = aid.situation_questions_in(SituationQuestion.Group.SAFETY)
    form = forms.SituationForm(request.POST or None, questions=questions, answers=answers_of(record))
    return handle_step(request, record, aid, step, form, template="answers/safety.html")


@patient_page
def call_now(request, record, aid):
    return render(request, "answers/call_now.html", {"aid": aid, "next": BY_SLUG["situation"]})


@step_page("situation")
def situation(request, record, aid, step):
    questions = aid.situation_questions_in(SituationQuestion.Group.SITUATION)
    form = forms.SituationForm(request.POST or None, questions=questions, answers=answers_of(record))
    return handle_step(request, record, aid, step, form)


@step_page("values")
def values(request, record, aid, step):
    form = forms.ValuesForm(request.POST or None, statements=aid.value_statements.all(), answers=answers_of(record))
    return handle_step(request, record, aid, step, form, template="answers/values.html")


@step_page("knowledge")
def knowledge(request, record, aid, step):
    form = forms.KnowledgeForm(
        request.POST or None, questions=aid.knowledge_questions.all(), answers=answers_of(record)
    )
    return handle_step(request, record, aid, step, form)


@step_page("leaning")
def leaning(request, record, aid, step):
    form = forms.LeaningForm(request.POST or None, options=aid.options.all(), answers=answers_of(record))
    return handle_step(request, record, aid, step, form, template="answers/leaning.html")


@step_page("questions")
def questions(request, record, aid, step):
    form = forms.QuestionsForm(request.POST or None, answers=answers_of(record))
    return handle_step(request, record, aid, step, form, template="answers/questions.html")


@step_page("check")
def check(request, record, aid, step):
    if record is None:
        return redirect(STEPS[0].url)
    return render(
        request,
        "answers/check.html",
        {"aid": aid, "step": step, "steps": STEPS, "summary": Summary(record, aid), "record": record},
    )


PDF_RETRY_AFTER_SECONDS = 2


@patient_page
def summary(request, record, aid):
    if record is None:
        return redirect(STEPS[0].url)
    if record.completed_at is None and steps.walk_is_complete(record):
        # A GET that writes, once: her path has no POST at its end (the check page only
        # links here), and this is the moment her walk is complete.
        actions.complete_walk(record, aid)
    path = reverse("answers:summary_pdf")
    context = summary_context(record, aid)
    context["on_screen"] = True
    context["pdf_for_doctor"] = translate_url(path, "nl")
    if get_language() != "nl":
        context["pdf_in_her_language"] = path
    return render(request, "answers/summary.html", context)


@patient_page
def summary_pdf(request, record, aid):
    """Her summary as a PDF in the page's language (the Dutch one is for the doctor)."""
    if record is None:
        return redirect(STEPS[0].url)

    def html(made_on):
        return render_to_string("answers/summary_pdf.html", summary_context(record, aid, made_on), request)

    return pdf_download(request, record, aid, "summary", html, "keuzehulp-miskraam")


# Where the waiting page of each PDF leads back to, on the screen.
ON_SCREEN = {
    "summary": ("answers:summary_pdf", "answers:summary", _("Naar je samenvatting op het scherm")),
    "plan": ("answers:plan_pdf", "answers:plan", _("Naar je plan op het scherm")),
}


def pdf_download(request, record, aid, kind, html, name):
    """A PDF of hers, drawn by html(made_on). She is never refused it: when every drawing
    slot is taken she sees a page that asks again by itself, and one drawn before is
    served without drawing it again (decision 0003)."""
    made_on = timezone.localdate()
    document = pdf.kept(record, aid, made_on, kind)
    if document is None:
        try:
            with pdf.drawing_slot(wait=pdf.SLOT_WAIT_SECONDS):
                document = pdf.render_pdf(html(made_on))
        except pdf.Busy:
            download, screen, screen_label = ON_SCREEN[kind]
            context = {"aid": aid, "seconds": PDF_RETRY_AFTER_SECONDS, "download": download, "screen": screen}
            context["screen_label"] = screen_label
            response = render(request, "answers/pdf_waiting.html", context, status=202)
            response["Retry-After"] = str(PDF_RETRY_AFTER_SECONDS)
            # The browser asks again by itself, also without JavaScript; the answer then
            # is the download. A header rather than <meta http-equiv="refresh">, which
            # WCAG 2.2.1 (axe: meta-refresh) rules out for a page she reads.
            response["Refresh"] = str(PDF_RETRY_AFTER_SECONDS)
            return response
        except pdf.RenderingFailed:
            return render(request, "answers/pdf_failed.html", {"aid": aid}, status=503)
        pdf.keep(record, aid, made_on, document, kind)
    response = HttpResponse(document, content_type="application/pdf")
    filename = f"{name}-{made_on.isoformat()}-{aid.language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@patient_page
@require_http_methods(["GET", "POST"])
def share(request, record, aid):
    """A code for her doctor: made on POST and shown once, revoked at any time."""
    if record is None:
        return redirect(STEPS[0].url)
    context = {"aid": aid, "record": record}
    if request.method == "POST" and request.POST.get("action") == "revoke":
        actions.revoke_share_codes(record)
        context["revoked"] = True
    elif request.method == "POST":
        # Shown on this page only: neither the code nor anything to rebuild it is kept.
        share = actions.make_share_code(record)
        context["share"] = {"code": share.code, "qr": qr_svg(share.code), "expires_at": share.expires_at}
    context["active_codes"] = record.share_codes.active().count()
    return render(request, "answers/share.html", context)


@patient_page
@require_http_methods(["GET", "POST"])
def resume_code(request, record, aid):
    """Show how resuming works; on POST make a new code and show it once."""
    if record is None:
        return redirect("answers:intro")
    code = actions.make_resume_code(record) if request.method == "POST" else None
    return render(request, "answers/resume_code.html", {"aid": aid, "record": record, "code": code})


@patient_page
@require_http_methods(["GET", "POST"])
def resume(request, record, aid):
    form = forms.ResumeForm(request.POST or None)
    if request.method == "GET":
        return render(request, "answers/resume.html", {"aid": aid, "form": form})
    if throttle.is_blocked(request, "resume", settings.RESUME_ATTEMPTS_PER_HOUR):
        return render(request, "answers/too_many_attempts.html", {"aid": aid}, status=429)
    if form.is_valid():
        found = actions.find_by_resume_code(form.cleaned_data["code"])
        if found is None:
            form.add_error("code", forms.UNKNOWN_CODE)
        elif found.is_expired:
            form.add_error("code", forms.EXPIRED_CODE)
        else:
            remember(request, found)
            choice.follow_record(request, found)
            if found.decisions.exists():  # past the consultation: her decision and plan
                return redirect("answers:decision")
            return redirect(STEPS[min(found.reached_step, len(STEPS) - 1)].url)
    throttle.count_failure(request, "resume")
    return render(request, "answers/resume.html", {"aid": aid, "form": form}, status=400)


@patient_page
@require_http_methods(["GET", "POST"])
def decision(request, record, aid):
    """What she and her doctor decided, and its date: each save one more entry."""
    if record is None:
        return redirect("answers:intro")
    form = forms.DecisionForm(request.POST or None, options=aid.options.all())
    if request.method == "POST" and form.is_valid():
        actions.record_decision(record, form.cleaned_data["option"], form.cleaned_data["on_date"])
        keep_session_until(request, record)
        return redirect(reverse("answers:decision") + "#latest-decision")
    context = {"aid": aid, "record": record, "form": form, "decisions": decision_lines(record, aid)}
    return render(request, "answers/decision.html", context, status=400 if form.errors else 200)


def latest_decision(record):
    return record.decisions.first() if record is not None else None


@patient_page
@require_http_methods(["GET"])
def decision_plan(request, record, aid):
    """Her plan with dates, from her latest decision."""
    context = plan_context(record, aid, choice.hospital_of(request))
    if context is None:
        return redirect("answers:decision")
    context["on_screen"] = True
    return render(request, "answers/plan.html", context)


@patient_page
@require_http_methods(["GET"])
def decision_plan_pdf(request, record, aid):
    """Her plan as a PDF in the page's language, to print or keep: drawn like her summary."""
    if latest_decision(record) is None:
        return redirect("answers:decision")

    def html(made_on):
        context = plan_context(record, aid, choice.hospital_of(request), made_on)
        return render_to_string("answers/plan_pdf.html", context, request)

    return pdf_download(request, record, aid, "plan", html, "plan-miskraam")


@patient_page
@require_http_methods(["GET"])
def decision_plan_ics(request, record, aid):
    """Her plan as a calendar file for her own phone: downloaded, never sent anywhere."""
    hospital = choice.hospital_of(request)
    decision = latest_decision(record)
    if decision is None:
        return redirect("answers:decision")
    calendar = plan.as_calendar(plan.plan_for(aid, decision, hospital), aid, hospital, record)
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="plan-miskraam.ics"'
    return response


@patient_page
@require_http_methods(["GET", "POST"])
def check_in(request, record, aid):
    """How it went, from a week after her latest decision's date; before that the page
    says from which day it opens."""
    if record is None:
        return redirect("answers:intro")
    decision = record.decisions.first()
    if decision is None:
        return redirect("answers:decision")
    names = {option.key: option.name for option in aid.options.all()}
    context = {"aid": aid, "record": record, "decision": decision, "option_name": names.get(decision.option_key)}
    if not decision.check_in_is_open():
        # A check-in sent from a page opened before her decision's date moved: not saved.
        status = 400 if request.method == "POST" else 200
        return render(request, "answers/check_in_closed.html", context, status=status)
    form = forms.CheckInForm(request.POST or None, options=aid.options.all(), decided=decision.option_key)
    if request.method == "POST" and form.is_valid():
        actions.record_check_in(decision, **form.answers())
        keep_session_until(request, record)
        return redirect("answers:check_in_saved")
    context["form"] = form
    context["earlier"] = decision.check_ins.first()
    return render(request, "answers/check_in.html", context, status=400 if form.errors else 200)


@patient_page
@require_http_methods(["GET"])
def check_in_saved(request, record, aid):
    """Her check-in saved; when she said it is not going well, what may help and whom to call."""
    check_in = record.latest_check_in() if record is not None else None
    if check_in is None:
        return redirect("answers:check_in")
    hospital = choice.hospital_of(request)
    not_well = check_in.feeling in (CheckIn.Feeling.NOT_WELL, CheckIn.Feeling.UP_AND_DOWN)
    context = {"aid": aid, "record": record, "hospital": hospital}
    context["support"] = plan.support(aid, hospital) if not_well else None
    return render(request, "answers/check_in_saved.html", context)


@patient_page
@require_http_methods(["GET", "POST"])
def delete(request, record, aid):
    if request.method == "POST":
        if record is not None:
            actions.delete_record(record)
        request.session.flush()
        return render(request, "answers/deleted.html", {"aid": aid})
    return render(request, "answers/delete.html", {"aid": aid, "record": record})


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (often: the page was open for long).
    Nothing was saved from it, and nothing saved before is lost."""
    return render(request, "answers/csrf_failure.html", status=403)
