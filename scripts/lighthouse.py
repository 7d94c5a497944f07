"""`make lighthouse`: Lighthouse's four scores on every page, as a phone sees them.

Starts the app as in production (gunicorn, DEBUG off, whitenoise for the collected static
files, Redis database 3 as the shared cache, emptied first) on a fresh SQLite database in
a temporary directory with the shipped content imported; walks her whole path (and makes
a share code, which a clinician opens) so that the step, result and summary pages have a
session; then runs Lighthouse 12 (node_modules/.bin/lighthouse: mobile, simulated
throttling, Debian's Chromium) on each page, one after the other, with her (or the
clinician's) cookies as an extra header. Prints a markdown table of the four scores per
page and every audit that kept a page below 100 (a measurement, like make bench: it fails
only when it cannot measure). The JSON reports land in test-artefacts/lighthouse/.

Usage: scripts/lighthouse.py [--only SUBSTRING ...] [--runs N]
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "keuzehulp.settings")
os.environ.setdefault("DEBUG", "true")  # only for this process's own Django set-up

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from tests.gunicorn import Server, Visitor, production_environment  # noqa: E402
from tests.helpers import STEP_URLS, WALK  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
# Database 3: this script's own (the tests use 13, make bench 14).
REDIS_URL = "redis://127.0.0.1:6379/3"
REPORTS = ROOT / "test-artefacts" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
ATTEMPTS = 3
STAFF = ("lighthouse-arts", "een-lang-wachtwoord-voor-lighthouse")
# Her hospital, live in this throwaway database only (its numbers reach nobody but
# Lighthouse); the clinician is one of its doctors, so that her share code opens.
HOSPITAL = "lighthouse-ziekenhuis"

# (name, path, whose cookies): every page she or a clinician can open with a GET.
PAGES = [
    ("start", "/", None),
    ("option afwachten", "/opties/afwachten/", None),
    ("option medicijnen", "/opties/medicijnen/", None),
    ("option curettage", "/opties/curettage/", None),
    ("comparison", "/vergelijken/", None),
    ("background", "/over-een-miskraam/", None),
    ("about", "/over-deze-keuzehulp/", None),
    ("path intro", "/mijn-keuze/", "her"),
    ("step 1 safety", STEP_URLS["safety"], "her"),
    ("call now", "/mijn-keuze/bel-nu/", "her"),
    ("step 2 situation", STEP_URLS["situation"], "her"),
    ("situation result", "/mijn-keuze/situatie/wat-betekent-dit/", "her"),
    ("step 3 values", STEP_URLS["values"], "her"),
    ("values result", "/mijn-keuze/wat-vind-ik-belangrijk/wat-past/", "her"),
    ("step 4 knowledge", STEP_URLS["knowledge"], "her"),
    ("knowledge result", "/mijn-keuze/kennis/antwoorden/", "her"),
    ("step 5 leaning", STEP_URLS["leaning"], "her"),
    ("leaning doubt", "/mijn-keuze/voorkeur/twijfel/", "her"),
    ("step 6 questions", STEP_URLS["questions"], "her"),
    ("step 7 check", STEP_URLS["check"], "her"),
    ("summary", "/mijn-keuze/samenvatting/", "her"),
    ("share", "/mijn-keuze/delen/", "her"),
    ("resume code", "/mijn-keuze/code/", "her"),
    ("resume", "/mijn-keuze/verder/", None),
    ("delete", "/mijn-keuze/wissen/", "her"),
    ("hospital list", "/ziekenhuis/", None),
    ("decision", "/mijn-keuze/besluit/", "her"),
    ("plan", "/mijn-keuze/besluit/plan/", "her"),
    ("check-in", "/mijn-keuze/besluit/terugblik/", "her"),
    ("en start", "/en/", None),
    ("en option medicijnen", "/en/opties/medicijnen/", None),
    ("en comparison", "/en/vergelijken/", None),
    ("en path intro", "/en/mijn-keuze/", "her"),
    ("en step 3 values", "/en" + STEP_URLS["values"], "her"),
    ("en summary", "/en/mijn-keuze/samenvatting/", "her"),
    ("en plan", "/en/mijn-keuze/besluit/plan/", "her"),
    ("clinician login", "/zorgverlener/inloggen/", None),
    ("clinician open", "/zorgverlener/", "clinician"),
    ("clinician summary", "/zorgverlener/samenvatting/", "clinician"),
    ("figures", "/zorgverlener/cijfers/", "clinician"),
]


def start_server(directory):
    environment = production_environment(
        f"sqlite:///{directory}/lighthouse.sqlite3",
        REDIS_URL=REDIS_URL,
        # Lighthouse speaks plain HTTP to 127.0.0.1; in production the proxy speaks TLS.
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
    )
    manage(environment, "migrate", "--no-input")
    manage(environment, "import_content", "content/miskraam")
    manage(environment, "collectstatic", "--no-input", "--clear")
    staff = (
        "from django.contrib.auth.models import Group, User\n"
        "from hospitals.models import Hospital, Membership\n"
        "hospital = Hospital.objects.create(is_live=True, name='Lighthouse-ziekenhuis', slug={!r}, "
        "phone_office_hours='088 100 0001', phone_24h='088 200 0001')\n"
        "user = User.objects.create_user({!r}, password={!r}, is_staff=True)\n"
        "user.groups.add(Group.objects.get(name='Ziekenhuis: arts'))\n"
        "Membership.objects.create(user=user, hospital=hospital)"
    )
    manage(environment, "shell", "-c", staff.format(HOSPITAL, *STAFF))
    return Server(environment, 2, Path(directory) / "gunicorn.log")


def manage(environment, *arguments):
    """manage.py in the server's environment; what it prints is not part of the table."""
    command = [sys.executable, "manage.py", *arguments]
    subprocess.run(command, cwd=ROOT, env=environment, check=True, stdout=subprocess.DEVNULL)


def expect(response, status, what):
    if response.status != status:
        raise SystemExit(f"{what}: {response.status}, expected {status}\n{response.text[:2000]}")


def cookies(visitor):
    return "; ".join(f"{name}={value}" for name, value in visitor.cookies.items())


def sessions(server):
    """Her cookies after her whole path and a share code; a clinician's who opened it."""
    her = Visitor(server)
    her.get(f"/ziekenhuis/{HOSPITAL}/")
    for step, data in WALK.items():
        expect(her.save(STEP_URLS[step], data), 302, step)
    her.get("/mijn-keuze/delen/")
    share = her.post("/mijn-keuze/delen/", {"action": "create"})
    code = re.search(r'<strong class="code">([^<]+)</strong>', share.text).group(1)
    # Decided with her doctor ten days ago: her plan has dates and the check-in is open.
    decided = (timezone.localdate() - datetime.timedelta(days=10)).isoformat()
    her.get("/mijn-keuze/besluit/")
    expect(her.post("/mijn-keuze/besluit/", {"option": "medicijnen", "on_date": decided}), 302, "decision")
    clinician = Visitor(server)
    clinician.get("/zorgverlener/inloggen/")
    expect(clinician.post("/zorgverlener/inloggen/", {"username": STAFF[0], "password": STAFF[1]}), 302, "login")
    clinician.get("/zorgverlener/")
    expect(clinician.post("/zorgverlener/", {"code": code}), 302, "share code")
    return {"her": cookies(her), "clinician": cookies(clinician)}


def lighthouse(url, cookie, report):
    headers = {"Cookie": cookie} if cookie else {}
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-flags={CHROME_FLAGS}",
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        f"--extra-headers={json.dumps(headers)}",
        "--quiet",
        "--no-enable-error-reporting",
    ]
    # On a busy machine Lighthouse now and then loses the page's trace (NO_NAVSTART, NO_FCP):
    # that is no score of the page, so it is measured again.
    for attempt in range(1, ATTEMPTS + 1):
        finished = subprocess.run(command, check=False, env={**os.environ, "CHROME_PATH": CHROMIUM})
        result = json.loads(report.read_text()) if finished.returncode == 0 else {}
        error = result.get("runtimeError", {}).get("code") if result else f"exit status {finished.returncode}"
        if not error:
            return result
        print(f"{url}: {error} (attempt {attempt} of {ATTEMPTS})", file=sys.stderr, flush=True)
    raise SystemExit(f"Lighthouse could not measure {url}")


def score(result, category):
    value = result["categories"][category]["score"]
    return "–" if value is None else round(value * 100)


def failing_audits(result, category):
    """The audits of a category that count in its score and did not pass, with what they
    found; for a performance below 100 also the opportunities Lighthouse names."""
    details = result["categories"][category]
    if details["score"] is None or details["score"] >= 1:
        return []
    found = []
    for ref in details["auditRefs"]:
        audit = result["audits"][ref["id"]]
        opportunity = audit.get("details", {}).get("type") == "opportunity"
        if audit["score"] is None or audit["score"] >= 1 or not (ref["weight"] > 0 or opportunity):
            continue
        value = f" – {audit['displayValue']}" if audit.get("displayValue") else ""
        found.append(f"{category}: {audit['id']} ({audit['score']:.2f}) {audit['title']}{value}")
    return found


def median_run(runs, category):
    """The run whose score in the category is the median (the lower one of two)."""
    ordered = sorted(runs, key=lambda result: result["categories"][category]["score"] or 0)
    return ordered[(len(ordered) - 1) // 2]


def not_measured(result):
    """What Lighthouse could not do on this run: audits that ended in an error (they count
    in no score) and its warnings about the run."""
    errors = [
        f"{audit['id']}: {audit.get('errorMessage', '')}"
        for audit in result["audits"].values()
        if audit.get("scoreDisplayMode") == "error"
    ]
    return errors + [f"warning: {' '.join(warning.split())}" for warning in result.get("runWarnings", [])]


def print_report(rows, problems, unmeasured, runs):
    print("| page | path | performance | accessibility | best practices | SEO |")
    print("|---|---|---|---|---|---|")
    for name, path, scores in rows:
        print(f"| {name} | `{path}` | {' | '.join(str(s) for s in scores)} |")
    print()
    if problems:
        print("Audits that kept a page below 100:\n")
        for line, names in sorted(problems.items()):
            print(f"- {line}: {', '.join(dict.fromkeys(names))}")
    else:
        print("Every page scores 100 in all four categories.")
    if unmeasured:
        print("\nNot measured (counted in no score), in how many of the runs:\n")
        for line, count in sorted(unmeasured.items()):
            print(f"- {line} ({count} of {runs})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", default=[], help="only pages whose name contains one of these")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the table shows each score's median")
    options = parser.parse_args()
    pages = [page for page in PAGES if not options.only or any(word in page[0] for word in options.only)]
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True).stdout
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=True).stdout
    REPORTS.mkdir(parents=True, exist_ok=True)
    for old in REPORTS.glob("*.json"):
        old.unlink()
    started, load_before = datetime.datetime.now(datetime.UTC), os.getloadavg()[0]
    rows, problems, unmeasured = [], {}, {}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as directory:
        server = start_server(directory)
        try:
            cookie = sessions(server)
            for name, path, whose in pages:
                runs = []
                for run in range(options.runs):
                    report = REPORTS / f"{name.replace(' ', '-')}-{run + 1}.json"
                    runs.append(lighthouse(f"http://127.0.0.1:{server.port}{path}", cookie.get(whose), report))
                scores = [score(median_run(runs, category), category) for category in CATEGORIES]
                rows.append((name, path, scores))
                for category in CATEGORIES:
                    for line in failing_audits(median_run(runs, category), category):
                        problems.setdefault(line, []).append(name)
                for line in (line for result in runs for line in not_measured(result)):
                    unmeasured[line] = unmeasured.get(line, 0) + 1
                print(f"{name}: {scores}", file=sys.stderr, flush=True)
        finally:
            server.stop()
    median = " (each score: the median run's)" if options.runs > 1 else ""
    print(f"Lighthouse {version.strip()}, {chromium.strip()}, mobile, simulated throttling")
    load = f"load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    print(f"{started:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs, {load}, runs per page: {options.runs}{median}\n")
    print_report(rows, problems, unmeasured, len(rows) * options.runs)


if __name__ == "__main__":
    main()
