"""The load shapes of `make bench` and `make soak`, for locust (headless; started by
scripts/bench_stack.py, which sets up the stack and reads what this file writes).

Two profiles (`--load-shape`):

- capacity: a closed loop per page. `--clients` visitors, each with her own session and
  answers (one silent walk first), ask for one page as fast as they can, for
  `--page-seconds` per page, /healthz first as the ceiling; then a PDF burst (half of them
  take PDFs, half read path pages).
- patients: open-loop arrivals (Poisson) of patients who read and think between pages.
  A real walk takes 15-25 minutes; here she spends `--think-min`..`--think-max` seconds
  (5-10 s) on each page, so a walk takes about two minutes: each patient here asks about
  ten times as much per minute as a real one. She reads the start, an option and the
  comparison, walks every step (GET the form, POST her answers, follow the redirect),
  opens the check and her summary, takes her PDF as a browser does (on 202 or 503 with
  Retry-After: wait that long and ask again, until the PDF arrives, at most
  `--pdf-patience` seconds) and a resume code. Arrivals step through `--steps` (target
  concurrent patients), `--step-seconds` each, at rate target / expected walk time.

Besides locust's own CSV (--csv), every request, every walk and the number of patients
walking each second go to `--samples-out` (JSON lines), and what each patient saved to
`--walks-out`, for the lost-answer check.
"""

import itertools
import json
import random
import time
from http.cookiejar import DefaultCookiePolicy

import gevent
import psutil
from her_path import (
    CODE,
    MARKER,
    PATH_PAGES,
    PDF,
    READING,
    RESUME_CODE,
    STEPS,
    answers_for,
    csrf_token,
    her_hospital,
)
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

CAPACITY_PAGES = [("minimal view (/healthz)", "/healthz"), *PATH_PAGES]
# Pages she reads before she clicks on (the start, an option, the comparison, the intro,
# six forms, a result page, the check, the summary, the PDF): the think times of a walk.
PAUSES_PER_WALK = 14
PDF_WALK = "PDF (until received)"
WALK = "walk (whole path)"


@events.init_command_line_parser.add_listener
def _(parser):
    parser.add_argument("--load-shape", choices=["capacity", "patients"], default="patients")
    parser.add_argument("--samples-out", default="", help="JSON lines: every request, walk and concurrency")
    parser.add_argument("--walks-out", default="", help="JSON lines: what each patient saved")
    parser.add_argument("--run-name", default="run", help="part of every marker")
    parser.add_argument("--steps", default="50,100,200,400,600,800", help="target concurrent patients per step")
    parser.add_argument("--step-seconds", type=float, default=100)
    parser.add_argument("--think-min", type=float, default=5)
    parser.add_argument("--think-max", type=float, default=10)
    parser.add_argument("--pdf-patience", type=float, default=60)
    parser.add_argument("--hospitals", type=int, default=0, help="she arrives through one of N hospitals' addresses")
    parser.add_argument("--clients", type=int, default=20, help="capacity: closed-loop clients")
    parser.add_argument("--page-seconds", type=float, default=6, help="capacity: seconds per page")
    parser.add_argument("--burst-seconds", type=float, default=20, help="capacity: seconds of PDF burst")


class Log:
    """Everything measured, kept in memory and written once at the end (so that writing
    costs the driver nothing while it measures)."""

    samples, walks = [], []
    started = time.time()
    step = None  # the target of the current step (patients)


@events.request.add_listener
def _(request_type, name, response_time, response_length, exception, context, **_kwargs):
    response = _kwargs.get("response")
    status = getattr(response, "status_code", None) if response is not None else None
    Log.samples.append(
        {
            "kind": "request",
            "t": time.time() - Log.started,
            "name": name,
            "ms": response_time,
            "ok": exception is None,
            "status": status,
            "step": Log.step,
            **(context or {}),
        }
    )


@events.quitting.add_listener
def _(environment, **_kwargs):
    options = environment.parsed_options
    for path, rows in ((options.samples_out, Log.samples), (options.walks_out, Log.walks)):
        if path:
            with open(path, "w") as out:
                out.writelines(json.dumps(row) + "\n" for row in rows)


numbers = itertools.count()


# -- her browser ------------------------------------------------------------------------


class Browser(FastHttpUser):
    """Keeps her cookies, the Secure ones too (the TLS proxy in front speaks HTTPS to her;
    this driver speaks HTTP to gunicorn and says X-Forwarded-Proto: https, as the proxy
    does), and sends the form's CSRF token back."""

    abstract = True
    network_timeout = 30.0
    connection_timeout = 30.0
    wait_time = constant(0)

    def on_start(self):
        class SecureCookiesToo(DefaultCookiePolicy):
            def return_ok_secure(self, cookie, request):
                return True

        self.client.cookiejar.set_policy(SecureCookiesToo())
        self.origin = "https://" + self.host.split("://", 1)[1].rstrip("/")
        self.token = ""

    def open(self, name, method, url, data=None, accept=(200, 302), context=None):
        """One request as her browser sends it; a status outside `accept` is a failure."""
        headers = {"X-Forwarded-Proto": "https", "Origin": self.origin}
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.token}
        with self.client.request(
            method,
            url,
            data=data,
            headers=headers,
            name=name,
            allow_redirects=False,
            catch_response=True,
            context=context or {},
        ) as response:
            if response.status_code in accept:
                response.success()
            else:
                response.failure(f"HTTP {response.status_code}")
        html = (response.headers or {}).get("Content-Type", "").startswith("text/html")
        text = (response.text or "") if html else ""
        self.token = csrf_token(text) or self.token
        return response, text

    def walk(self, marker, think=lambda: None, context=None, pdf=True):
        """Her whole path: True when every page answered, her PDF arrived and she got a
        resume code. What she saved goes to Log.walks."""
        ok = True

        def page(name, url, **more):
            nonlocal ok
            response, text = self.open(name, "GET", url, context=context, **more)
            ok = ok and response.status_code in (200, 302)
            return response, text

        hospital = her_hospital(self.environment.parsed_options.hospitals)
        if hospital:  # as from the QR code on her hospital's leaflet: kept, then the start page
            page("her hospital's address", f"/ziekenhuis/{hospital}/")
        for name, url in [*READING, ("intro", "/mijn-keuze/")]:
            page(name, url)
            think()
        saved = {}
        entry = {"marker": marker, "answers": saved, "code": None, "ok": False, "session": self.session_key()}
        entry["hospital"] = hospital
        Log.walks.append(entry)  # now: a walk cut off by the end of the run is checked too
        for name, url in STEPS:
            response, form = page(f"{name} (GET)", url)
            if response.status_code != 200:
                return False, entry
            think()  # she reads and fills in the form
            answers = answers_for(name, form, marker)
            response, _ = self.open(f"{name} (POST)", "POST", url, {**answers, "action": "save"}, context=context)
            if response.status_code != 302:
                return False, entry
            saved[name] = answers
            entry["session"] = self.session_key()
            after = (response.headers or {}).get("Location", "")
            if after != url and not after.startswith(tuple(u for _, u in STEPS)):
                page(f"{name} (result)", after)
                think()
        for name, url in (("check", "/mijn-keuze/controleren/"), ("summary", "/mijn-keuze/samenvatting/")):
            page(name, url)
            think()
        if pdf:
            ok = self.take_pdf(context) and ok
        think()
        response, text = self.open("resume code (POST)", "POST", CODE, {}, accept=(200,), context=context)
        found = RESUME_CODE.search(text)
        entry["code"] = found.group(1) if found else None
        entry["session"] = self.session_key()
        return ok and entry["code"] is not None, entry

    def session_key(self):
        """Her session (its record id leads to her answers, for the lost-answer check). In
        production the cookie is "__Host-sessionid"."""
        return next((c.value for c in self.client.cookiejar if c.name.endswith("sessionid")), None)

    def take_pdf(self, context=None):
        """As her browser: on 202 ("je PDF wordt gemaakt", a Refresh header after
        Retry-After seconds), or on a 503 with Retry-After (counted as a refusal), wait and
        ask again, until the PDF arrives. One sample from the first request to the PDF."""
        patience = self.environment.parsed_options.pdf_patience
        started = time.perf_counter()
        refused = 0
        while True:
            response, _ = self.open("PDF (each request)", "GET", PDF, accept=(200, 202), context=context)
            headers = response.headers or {}
            if response.status_code == 200 and headers.get("Content-Type", "").startswith("application/pdf"):
                error = None
                break
            if response.status_code == 503:
                refused += 1
            retry_after = headers.get("Retry-After")
            waited = time.perf_counter() - started
            if response.status_code not in (202, 503) or retry_after is None:
                error = Exception(f"no PDF: HTTP {response.status_code}")
                break
            if waited + float(retry_after) > patience:
                error = Exception(f"no PDF within {patience:.0f} s")
                break
            gevent.sleep(float(retry_after))
        self.environment.events.request.fire(
            request_type="GET",
            name=PDF_WALK,
            response_time=(time.perf_counter() - started) * 1000,
            response_length=0,
            exception=error,
            context={**(context or {}), "refused": refused},
        )
        return error is None


# -- capacity: a closed loop per page ---------------------------------------------------


class CapacityClient(Browser):
    """One of `--clients`: walks once (unmeasured), then asks for the page of the moment,
    again and again; the pages follow each other every `--page-seconds`."""

    def on_start(self):
        super().on_start()
        number = next(numbers)
        self.number = number
        try:
            ok, _ = self.walk(f"{MARKER}-capacity-{number}", context={"warmup": True}, pdf=False)
        finally:
            Capacity.ready += 1  # failed or not: the others must not wait for her
        if not ok:
            raise StopUser()
        while Capacity.ready < self.environment.parsed_options.clients:
            gevent.sleep(0.05)
        Capacity.start(self.environment)

    @task
    def ask(self):
        options = self.environment.parsed_options
        elapsed = time.time() - Capacity.started_at
        index = int(elapsed // options.page_seconds)
        if index < len(CAPACITY_PAGES):
            name, url = CAPACITY_PAGES[index]
            self.open(f"capacity: {name}", "GET", url, accept=(200,), context={"phase": "capacity"})
            return
        if elapsed < len(CAPACITY_PAGES) * options.page_seconds + options.burst_seconds:
            if self.number % 2 == 0:
                self.open("burst: PDF", "GET", PDF, accept=(200,), context={"phase": "burst"})
            else:
                name, url = random.choice(PATH_PAGES)
                self.open("burst: path pages", "GET", url, accept=(200,), context={"phase": "burst"})
            return
        gevent.sleep(1)  # the end: Capacity.start() has a timer that stops locust


class Capacity:
    ready = 0
    started_at = None

    @classmethod
    def start(cls, environment):
        if cls.started_at is None:
            options = environment.parsed_options
            cls.started_at = time.time()
            Log.samples.append({"kind": "capacity-start", "t": cls.started_at - Log.started})
            gevent.spawn_later(
                len(CAPACITY_PAGES) * options.page_seconds + options.burst_seconds, environment.runner.quit
            )


# -- patients: open-loop arrivals -------------------------------------------------------


class Patient(Browser):
    """One patient: arrives, walks her whole path once, thinking on every page, leaves."""

    def think(self):
        options = self.environment.parsed_options
        gevent.sleep(random.uniform(options.think_min, options.think_max))

    @task
    def visit(self):
        number = next(numbers)
        Arrivals.walking += 1
        arrived = time.perf_counter()
        step = Log.step
        try:
            ok, entry = self.walk(f"{MARKER}-{self.environment.parsed_options.run_name}-{number}", self.think)
        finally:
            Arrivals.walking -= 1
        entry["ok"], entry["ended"] = ok, True
        self.environment.events.request.fire(
            request_type="WALK",
            name=WALK,
            response_time=(time.perf_counter() - arrived) * 1000,
            response_length=0,
            exception=None if ok else Exception("walk failed"),
            context={"arrived_in_step": step},
        )
        raise StopUser()


class Arrivals:
    walking = 0

    @staticmethod
    def run(environment):
        """Poisson arrivals at target / expected walk time per step."""
        options = environment.parsed_options
        walk_seconds = PAUSES_PER_WALK * (options.think_min + options.think_max) / 2
        targets = [int(n) for n in options.steps.split(",")]

        def arrive(rate, seconds):
            ends = time.time() + seconds
            while True:
                gap = random.expovariate(rate)
                if time.time() + gap >= ends:
                    gevent.sleep(max(0, ends - time.time()))
                    return
                gevent.sleep(gap)
                environment.runner.spawn_users({"Patient": 1})

        # Lead-in (not reported): one walk's time at the first step's rate, so that the
        # first step starts with patients at every point of their walk.
        Log.step = None
        arrive(targets[0] / walk_seconds, walk_seconds)
        for target in targets:
            Log.step = target
            step_started = time.time() - Log.started
            Log.samples.append({"kind": "step", "t": step_started, "step": target})
            arrive(target / walk_seconds, options.step_seconds)
            if Arrivals.overwhelmed(step_started + options.step_seconds / 2):
                Log.samples.append({"kind": "overwhelmed", "t": time.time() - Log.started, "step": target})
                break
        Log.samples.append({"kind": "end", "t": time.time() - Log.started})
        environment.runner.quit()

    @staticmethod
    def overwhelmed(since):
        """Page p95 over a second, or a quarter of the walks failed, in the second half
        of the step: higher steps would say nothing new, only take longer."""
        recent = [s for s in Log.samples if s["kind"] == "request" and s["t"] >= since]
        pages = sorted(s["ms"] for s in recent if s["name"] not in (PDF_WALK, WALK, "PDF (each request)"))
        walks = [s for s in recent if s["name"] == WALK]
        slow = bool(pages) and pages[int(0.95 * (len(pages) - 1))] > 1000
        failing = bool(walks) and sum(not s["ok"] for s in walks) > len(walks) / 4
        return slow or failing


def sample_load():
    """Once a second: the patients walking and the driver's own CPU (% of one core)."""
    me = psutil.Process()
    me.cpu_percent()
    while True:
        gevent.sleep(1)
        Log.samples.append(
            {
                "kind": "load",
                "t": time.time() - Log.started,
                "walking": Arrivals.walking,
                "driver_cpu": me.cpu_percent(),
                "step": Log.step,
            }
        )


@events.test_start.add_listener
def _(environment, **_kwargs):
    Log.started = time.time()
    gevent.spawn(sample_load)
    if environment.parsed_options.load_shape == "patients":
        gevent.spawn(Arrivals.run, environment)
