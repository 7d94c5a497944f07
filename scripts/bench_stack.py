"""`make bench`: the production-like stack on this machine, under load, measured.

Starts gunicorn (DEBUG off, 2 × cores + 1 workers, whitenoise for static files) on a fresh
PostgreSQL database `keuzehulp_bench` with Redis database 14 as the shared cache, and
drives it from a second process with simulated patients, each walking her whole path as
her browser would (GET the form, POST her answers, follow the redirect) up to her summary,
its PDF and a resume code. It prints, per phase, requests/s, median, p95 and p99 latency
and errors per page, against the targets of issue 5:

- capacity: each path page, closed loop, 20 clients, against /healthz (a minimal Django
  view on the same server) as the ceiling;
- patients: 20 patients walking the path and taking the PDF;
- PDF burst: 10 clients taking PDFs while 10 others read path pages;
- page weight, memory per worker, lost answers (the database checked against what the
  driver submitted) and log lines holding an answer or a code.

`make soak` runs 100 patients for 5 minutes instead and compares worker memory in the
first and the last minute. Options: scripts/bench_stack.py --help.
"""

import argparse
import datetime
import gzip
import json
import multiprocessing
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "keuzehulp.settings")
os.environ.setdefault("DEBUG", "true")  # only for this process's own Django set-up

import django  # noqa: E402

django.setup()

from tests.gunicorn import Server, Visitor, manage, production_environment  # noqa: E402

POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "keuzehulp_bench"
REDIS_URL = "redis://127.0.0.1:6379/14"
STEPS = [
    ("safety", "/mijn-keuze/veiligheid/"),
    ("situation", "/mijn-keuze/situatie/"),
    ("values", "/mijn-keuze/wat-vind-ik-belangrijk/"),
    ("knowledge", "/mijn-keuze/kennis/"),
    ("leaning", "/mijn-keuze/voorkeur/"),
    ("questions", "/mijn-keuze/vragen/"),
]
READING = [("start", "/"), ("option", "/opties/medicijnen/"), ("comparison", "/vergelijken/")]
PATH_PAGES = [*STEPS, ("check", "/mijn-keuze/controleren/"), ("summary", "/mijn-keuze/samenvatting/")]
PDF = "/mijn-keuze/samenvatting/pdf/"
MARKER = "BENCHMARK"


# -- her answers, read off the form as a browser shows it --------------------------------


def radio_groups(html):
    groups = {}
    for name, value in re.findall(r'<input type="radio"[^>]*name="([^"]+)" value="([^"]+)"', html):
        groups.setdefault(name, []).append(value)
    return groups


def text_areas(html):
    return re.findall(r'<textarea[^>]*name="([^"]+)"', html)


def answers_for(step, html, marker):
    """Every question answered at random (the safety check mostly "nee", as for most
    women); the first two text areas hold a marker, to find her record and to grep logs."""
    answers = {}
    for name, values in radio_groups(html).items():
        calm = step == "safety" and "nee" in values and random.random() < 0.9
        answers[name] = "nee" if calm else random.choice(values)
    for name in text_areas(html)[:2]:
        answers[name] = f"{marker}-{name}"
    return answers


# -- the driver (a second process) ------------------------------------------------------


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = []  # (name, milliseconds, outcome)

    def timed(self, name, call, accept=(200, 302)):
        started = time.perf_counter()
        try:
            response = call()
            outcome = "ok" if response.status in accept else ("shed" if response.status == 503 else "error")
        except OSError:
            response, outcome = None, "error"
        with self.lock:
            self.samples.append((name, (time.perf_counter() - started) * 1000, outcome))
        return response


def walk(visitor, recorder, marker, submitted):
    """Her whole path; returns what she submitted, step by step, once saved."""
    for name, url in READING:
        recorder.timed(name, lambda url=url: visitor.get(url))
    recorder.timed("intro", lambda: visitor.get("/mijn-keuze/"))
    saved = {}
    entry = {"marker": marker, "answers": saved, "code": None}
    submitted.append(entry)
    for name, url in STEPS:
        form = recorder.timed(f"{name} (GET)", lambda url=url: visitor.get(url))
        if form is None:
            return
        answers = answers_for(name, form.text, marker)
        response = recorder.timed(
            f"{name} (POST)", lambda url=url, a=answers: visitor.post(url, {**a, "action": "save"})
        )
        if response is None or response.status != 302:
            return
        saved[name] = answers
        after = response.getheader("Location")
        if after != url and not after.startswith(tuple(u for _, u in STEPS)):
            recorder.timed(f"{name} (result)", lambda after=after: visitor.get(after))
    recorder.timed("check", lambda: visitor.get("/mijn-keuze/controleren/"))
    recorder.timed("summary", lambda: visitor.get("/mijn-keuze/samenvatting/"))
    for _attempt in range(10):
        pdf = recorder.timed("PDF", lambda: visitor.get(PDF), accept=(200,))
        if pdf is None or pdf.status != 503:
            break
        time.sleep(float(pdf.getheader("Retry-After", "1")) / 5)
    code = recorder.timed("resume code (POST)", lambda: visitor.post("/mijn-keuze/code/", {}), accept=(200,))
    found = re.search(r"\b([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})\b", code.text if code else "")
    entry["code"] = found.group(1) if found else None


class Port:
    def __init__(self, port):
        self.port = port


def walked_visitor(port, marker):
    visitor = Visitor(Port(port))
    walk(visitor, Recorder(), marker, [])
    return visitor


def run_clients(count, seconds, work):
    stop = time.monotonic() + seconds
    threads = [threading.Thread(target=work, args=(n, stop)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def capacity(port, clients, seconds):
    """Each page alone, as fast as `clients` visitors with her session can ask."""
    results = {}
    visitors = [walked_visitor(port, f"{MARKER}-capacity-{n}") for n in range(clients)]
    for name, url in [("minimal view (/healthz)", "/healthz"), *PATH_PAGES]:
        recorder = Recorder()

        def work(n, stop, url=url, name=name, recorder=recorder):
            while time.monotonic() < stop:
                recorder.timed(name, lambda: visitors[n].get(url))

        started = time.monotonic()
        run_clients(clients, seconds, work)
        results[name] = {"samples": recorder.samples, "seconds": time.monotonic() - started}
    return results


def patients(port, count, seconds, run):
    recorder, submitted = Recorder(), []

    def work(n, stop):
        walks = 0
        while time.monotonic() < stop:
            walk(Visitor(Port(port)), recorder, f"{MARKER}-{run}-{n}-{walks}", submitted)
            walks += 1

    started = time.monotonic()
    run_clients(count, seconds, work)
    return {"samples": recorder.samples, "seconds": time.monotonic() - started, "submitted": submitted}


def burst(port, seconds):
    """10 clients taking PDFs, 10 reading her path's pages, at the same time."""
    visitors = [walked_visitor(port, f"{MARKER}-burst-{n}") for n in range(20)]
    recorder = Recorder()

    def work(n, stop):
        while time.monotonic() < stop:
            if n < 10:
                recorder.timed("PDF", lambda: visitors[n].get(PDF), accept=(200,))
            else:
                name, url = random.choice(PATH_PAGES)
                recorder.timed("path pages", lambda url=url: visitors[n].get(url))

    started = time.monotonic()
    run_clients(20, seconds, work)
    return {"samples": recorder.samples, "seconds": time.monotonic() - started}


def drive(port, phase, options, queue):
    if phase == "capacity":
        queue.put(capacity(port, options["clients"], options["seconds"]))
    elif phase == "patients":
        queue.put(patients(port, options["patients"], options["seconds"], options["run"]))
    else:
        queue.put(burst(port, options["seconds"]))


def in_second_process(port, phase, **options):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=drive, args=(port, phase, options, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


# -- measuring the server ---------------------------------------------------------------


class MemorySampler(threading.Thread):
    """RSS of every gunicorn worker, twice a second."""

    def __init__(self, server):
        super().__init__(daemon=True)
        self.server, self.samples, self.running = server, [], True  # (seconds, pid, MB)
        self.started = time.monotonic()

    def run(self):
        while self.running:
            try:
                workers = self.server.workers()
            except OSError:  # the server is stopping
                break
            for pid in workers:
                try:
                    rss = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
                except OSError:
                    continue
                if rss:  # not a worker that is just being replaced
                    self.samples.append((time.monotonic() - self.started, pid, int(rss.group(1)) / 1024))
            time.sleep(0.5)

    def peak_per_worker(self):
        peaks = {}
        for _, pid, rss in self.samples:
            peaks[pid] = max(peaks.get(pid, 0), rss)
        return peaks

    def median_between(self, start, end):
        values = [rss for seconds, _, rss in self.samples if start <= seconds < end]
        return statistics.median(values) if values else 0


def page_weight(port):
    """Bytes on the wire for each page and what it links to, compressed as our stack sends
    it (static files by whitenoise; the HTML as the reverse proxy's gzip would)."""
    visitor = walked_visitor(port, f"{MARKER}-weight")
    rows, foreign = [], []
    for name, url in [*READING, *PATH_PAGES]:
        html = visitor.get(url).text
        total = len(gzip.compress(html.encode()))
        for asset in re.findall(r'<(?:link|script|img)\b[^>]*(?:href|src)="(/[^/"][^"]*)"', html):
            total += len(visitor.request("GET", asset, headers={"Accept-Encoding": "gzip"}).body)
        rows.append((name, total / 1024))
    # What a browser would load by itself (links she may follow are not requests).
    external = re.compile(r'<(?:link|script|img|iframe|source|object|embed)\b[^>]*(?:href|src)="(?:https?:)?//')
    for _, url in [*READING, *PATH_PAGES]:
        foreign += external.findall(visitor.get(url).text)
    return rows, foreign


def lost_answers(submitted):
    """Every step the driver saw saved must be in the database, exactly."""
    checked = missing = 0
    with psycopg.connect(f"{POSTGRES}/{DATABASE}") as db:
        for walk_ in submitted:
            row = db.execute(
                "SELECT answers FROM answers_record WHERE answers::text LIKE %s LIMIT 1", [f"%{walk_['marker']}-%"]
            ).fetchone()
            for step, answers in walk_["answers"].items():
                for name, value in answers.items():
                    checked += 1
                    if row is None or not stored(row[0], step, name, value):
                        missing += 1
    return checked, missing


def stored(answers, step, name, value):
    """Whether one submitted field is in her answers (answers.models.RecordAnswers)."""
    if step in ("safety", "situation", "knowledge"):
        return answers["situation" if step != "knowledge" else "knowledge"].get(name) == value
    if step == "values":
        if name.startswith("concern"):
            return value in answers["concerns"]
        return str(answers["ratings"].get(name)) == value
    if step == "leaning":
        if name == "leaning":
            return answers["leaning"] == value
        return answers["sure"].get(name.removeprefix("sure_")) == (value == "ja")
    return value in answers["questions"]


def secrets_in_logs(log_dir, submitted):
    logs = "".join(path.read_text(errors="replace") for path in Path(log_dir).glob("*.log"))
    codes = [w["code"] for w in submitted if w["code"]]
    return logs.count(MARKER) + sum(logs.count(code) + logs.count(code.replace("-", "")) for code in codes)


# -- the report -------------------------------------------------------------------------


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0


def table(samples, seconds, names=None):
    by_name = {}
    for name, ms, outcome in samples:
        by_name.setdefault(name, []).append((ms, outcome))
    lines = [
        "| page | requests | req/s | median ms | p95 ms | p99 ms | errors | shed (503) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    stats = {}
    for name in names or by_name:
        rows = by_name.get(name, [])
        ok = [ms for ms, outcome in rows if outcome == "ok"]
        errors = sum(outcome == "error" for _, outcome in rows)
        shed = sum(outcome == "shed" for _, outcome in rows)
        stats[name] = {
            "rps": len(ok) / seconds,
            "median": statistics.median(ok) if ok else 0,
            "p95": percentile(ok, 0.95),
            "p99": percentile(ok, 0.99),
            "errors": errors,
        }
        s = stats[name]
        lines.append(
            f"| {name} | {len(rows)} | {s['rps']:.0f} | {s['median']:.1f} | {s['p95']:.1f} | {s['p99']:.1f} "
            f"| {errors} | {shed} |"
        )
    return "\n".join(lines), stats


def verdict(met, text):
    return f"- {'met' if met else 'MISSED'}: {text}"


def machine():
    model = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024 / 1024
    return f"{os.cpu_count()} cores ({model.group(1) if model else platform.processor()}), {memory:.0f} GiB RAM"


def set_up(log_dir):
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {DATABASE}")
    redis.Redis.from_url(REDIS_URL).flushdb()
    environment = production_environment(f"{POSTGRES}/{DATABASE}", REDIS_URL=REDIS_URL)
    manage(environment, "migrate", "--no-input", "-v", "0")
    manage(environment, "import_content", "content/miskraam")
    manage(environment, "collectstatic", "--no-input", "-v", "0")
    workers = 2 * os.cpu_count() + 1
    log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'  # as scripts/start-web.sh
    server = Server(
        environment,
        workers,
        Path(log_dir) / "gunicorn.log",
        *[
            "--max-requests",
            "2000",
            "--max-requests-jitter",
            "200",
            "--access-logfile",
            str(Path(log_dir) / "access.log"),
        ],
        *["--access-logformat", log_format],
    )
    return server, workers


def tear_down(server):
    server.stop()
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def bench(server, sampler, arguments, log_dir):
    report, checks = [], []
    port = server.port

    print("capacity…", file=sys.stderr)
    results = in_second_process(port, "capacity", clients=20, seconds=arguments.capacity_seconds)
    samples = [s for r in results.values() for s in r["samples"]]
    seconds = {name: r["seconds"] for name, r in results.items()}
    lines = [
        "| page | req/s | median ms | p95 ms | p99 ms | errors | share of minimal |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    ceiling = None
    for name, result in results.items():
        _, stats = table(result["samples"], seconds[name], [name])
        s = stats[name]
        ceiling = ceiling or s["rps"]
        share = s["rps"] / ceiling
        lines.append(
            f"| {name} | {s['rps']:.0f} | {s['median']:.1f} | {s['p95']:.1f} | {s['p99']:.1f} | {s['errors']} "
            f"| {share:.0%} |"
        )
        if name != "minimal view (/healthz)":
            checks.append(verdict(share >= 0.2, f"{name}: {share:.0%} of the minimal view's throughput (≥ 20%)"))
            checks.append(verdict(s["p95"] <= 50, f"{name}: p95 {s['p95']:.0f} ms (≤ 50 ms)"))
    errors = sum(outcome == "error" for _, _, outcome in samples)
    report.append(("Capacity: each page alone, 20 clients, closed loop", "\n".join(lines)))

    print("patients…", file=sys.stderr)
    walked = in_second_process(port, "patients", patients=arguments.patients, seconds=arguments.seconds, run="p")
    text, stats = table(walked["samples"], walked["seconds"])
    report.append((f"Patients: {arguments.patients} walking the whole path and taking the PDF", text))
    pdf = stats.get("PDF", {"median": 0, "p95": 0})
    checks.append(verdict(pdf["median"] <= 400, f"PDF median {pdf['median']:.0f} ms (≤ 400 ms)"))
    checks.append(verdict(pdf["p95"] <= 1000, f"PDF p95 {pdf['p95']:.0f} ms (≤ 1000 ms)"))
    errors += sum(s["errors"] for s in stats.values())

    print("PDF burst…", file=sys.stderr)
    burst_result = in_second_process(port, "burst", seconds=arguments.burst_seconds)
    text, stats = table(burst_result["samples"], burst_result["seconds"])
    report.append(("PDF burst: 10 clients taking PDFs, 10 reading path pages", text))
    pages = stats.get("path pages", {"p95": 0})
    checks.append(verdict(pages["p95"] < 200, f"page p95 during a PDF burst {pages['p95']:.0f} ms (< 200 ms)"))
    errors += sum(s["errors"] for s in stats.values())

    rows, foreign = page_weight(port)
    lines = ["| page | KB on the wire (HTML gzip + CSS) |", "|---|---:|"] + [f"| {n} | {kb:.0f} |" for n, kb in rows]
    report.append(("Page weight", "\n".join(lines)))
    heaviest = max(kb for _, kb in rows)
    checks.append(verdict(heaviest <= 100, f"heaviest page {heaviest:.0f} KB (≤ 100 KB)"))
    checks.append(verdict(not foreign, f"requests to other hosts: {len(foreign)}"))

    checked, missing = lost_answers(walked["submitted"])
    checks.append(verdict(missing == 0, f"answers submitted {checked}, missing in the database {missing}"))
    leaked = secrets_in_logs(log_dir, walked["submitted"])
    checks.append(verdict(leaked == 0, f"answers or codes in the logs: {leaked}"))
    checks.append(verdict(errors == 0, f"errors: {errors}"))
    return report, checks, walked


def soak(server, sampler, arguments, log_dir):
    print(f"soak: {arguments.patients} patients for {arguments.seconds} s…", file=sys.stderr)
    walked = in_second_process(server.port, "patients", patients=arguments.patients, seconds=arguments.seconds, run="s")
    text, stats = table(walked["samples"], walked["seconds"])
    checked, missing = lost_answers(walked["submitted"])
    errors = sum(s["errors"] for s in stats.values())
    first = sampler.median_between(0, 60)
    last = sampler.median_between(arguments.seconds - 60, arguments.seconds + 60)
    checks = [
        verdict(errors == 0, f"errors: {errors}"),
        verdict(missing == 0, f"answers submitted {checked}, missing in the database {missing}"),
        verdict(last <= first * 1.2, f"median worker RSS minute 1: {first:.0f} MB, last minute: {last:.0f} MB"),
        verdict(secrets_in_logs(log_dir, walked["submitted"]) == 0, "no answer or code in the logs"),
        f"- walks completed: {len(walked['submitted'])}",
    ]
    return [(f"Soak: {arguments.patients} patients, {arguments.seconds} s", text)], checks, walked


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--soak", action="store_true", help="100 patients for 5 minutes")
    parser.add_argument("--patients", type=int)
    parser.add_argument("--seconds", type=int, help="length of the patients (or soak) phase")
    parser.add_argument("--capacity-seconds", type=int, default=6)
    parser.add_argument("--burst-seconds", type=int, default=20)
    arguments = parser.parse_args()
    arguments.patients = arguments.patients or (100 if arguments.soak else 20)
    arguments.seconds = arguments.seconds or (300 if arguments.soak else 60)

    with tempfile.TemporaryDirectory() as log_dir:
        server, workers = set_up(log_dir)
        sampler = MemorySampler(server)
        sampler.start()
        try:
            run = soak if arguments.soak else bench
            report, checks, _ = run(server, sampler, arguments, log_dir)
        finally:
            sampler.running = False
            tear_down(server)
    peaks = sampler.peak_per_worker()
    command = " ".join(["scripts/bench_stack.py", *sys.argv[1:]])
    print(f"# Benchmark, {datetime.date.today()}: `{command}`\n")
    print(f"Machine: {machine()}. gunicorn {workers} sync workers (DEBUG off), PostgreSQL, Redis cache, whitenoise;")
    print("the load driver runs in a second process on the same machine.\n")
    for title, text in report:
        print(f"## {title}\n\n{text}\n")
    print(
        f"## Memory\n\npeak RSS per worker: max {max(peaks.values()):.0f} MB, "
        f"median {statistics.median(peaks.values()):.0f} MB over {len(peaks)} worker processes\n"
    )
    print("## Targets\n\n" + "\n".join(checks))
    print(json.dumps({"peak_rss_mb": max(peaks.values())}), file=sys.stderr)


if __name__ == "__main__":
    main()
