"""`make bench`: the production-like stack on this machine, under load, measured.

Starts gunicorn (DEBUG off, 2 × cores + 1 workers, whitenoise for static files) on a fresh
PostgreSQL database `keuzehulp_bench` with Redis database 14 as the shared cache, and
loads it with locust (headless, in its own process on the same cores; the load shapes are
in scripts/load/locustfile.py):

- capacity: each path page alone, closed loop, 20 clients, against /healthz (a minimal
  Django view on the same server) as the ceiling; then a PDF burst (10 clients taking
  PDFs while 10 others read path pages);
- patients: open-loop arrivals of patients who read and think 5-10 s on every page (a
  real walk takes 15-25 minutes; this one about two), each walking the whole path and
  taking her PDF and a resume code, in steps of concurrent patients. A step meets the
  targets with page p95 ≤ 100 ms, PDF p95 (first request to PDF received) ≤ 3 s, 0 errors
  and 0 refusals (a 503 she sees).

It also measures page weight, memory per worker, lost answers (the database checked
against what every patient saved) and log lines holding an answer or a code, and prints
markdown tables ready for docs/benchmarks.md. `make soak` runs patients for 5 minutes and
compares worker memory in the first and the last minute. Options: --help.
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import statistics
import subprocess
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

from django.core import signing  # noqa: E402
from load.her_path import BENCH_HOSPITAL, MARKER, PATH_PAGES, READING, STEPS, answers_for, stored  # noqa: E402

from tests.gunicorn import Server, Visitor, manage, production_environment  # noqa: E402

POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "keuzehulp_bench"
REDIS_URL = "redis://127.0.0.1:6379/14"
LOCUST = Path(sys.executable).parent / "locust"
LOCUSTFILE = ROOT / "scripts" / "load" / "locustfile.py"
PAGE_P95_MS, PDF_P95_MS = 100, 3000
PDF_NAMES = ("PDF (until received)", "PDF (each request)", "walk (whole path)")


# -- the load, from locust --------------------------------------------------------------


def run_locust(port, profile, out_dir, *options, users=0):
    """Locust headless in its own process; returns its samples and the walks."""
    out = Path(out_dir) / profile
    out.mkdir(parents=True, exist_ok=True)
    user_class = "CapacityClient" if profile == "capacity" else "Patient"
    command = [
        str(LOCUST),
        *("-f", str(LOCUSTFILE), "--headless", "--only-summary", "--loglevel", "WARNING"),
        *("--host", f"http://127.0.0.1:{port}", "-u", str(users), "-r", str(max(users, 1))),
        *("--csv", str(out / "locust"), "--load-shape", profile),
        *("--samples-out", str(out / "samples.jsonl"), "--walks-out", str(out / "walks.jsonl")),
        *options,
        user_class,
    ]
    with open(out / "locust.log", "wb") as log:
        subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=False)
    if not (out / "samples.jsonl").exists():
        sys.exit(f"locust wrote no samples; its output:\n{(out / 'locust.log').read_text()[-3000:]}")
    samples = [json.loads(line) for line in (out / "samples.jsonl").read_text().splitlines()]
    walks = [json.loads(line) for line in (out / "walks.jsonl").read_text().splitlines()]
    return samples, walks


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

    def now(self):
        return time.monotonic() - self.started

    def peak_per_worker(self):
        peaks = {}
        for _, pid, rss in self.samples:
            peaks[pid] = max(peaks.get(pid, 0), rss)
        return peaks

    def between(self, start, end):
        """Median RSS per worker alive in [start, end)."""
        per_worker = {}
        for seconds, pid, rss in self.samples:
            if start <= seconds < end:
                per_worker.setdefault(pid, []).append(rss)
        return {pid: statistics.median(values) for pid, values in per_worker.items()}


def walk_once(visitor, marker):
    """Her path, once and at once (no load): for the page weight."""
    for _, url in READING:
        visitor.get(url)
    for name, url in STEPS:
        form = visitor.get(url)
        visitor.post(url, {**answers_for(name, form.text, marker), "action": "save"})
    return visitor


def page_weight(port):
    """Bytes on the wire for each page and what it links to, compressed as our stack sends
    it (static files by whitenoise; the HTML as the reverse proxy's gzip would)."""

    class Port:
        pass

    where = Port()
    where.port = port
    visitor = walk_once(Visitor(where), f"{MARKER}-weight")
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


RECORD = "SELECT r.answers, h.slug FROM answers_record r LEFT JOIN hospitals_hospital h ON h.id = r.hospital_id "


def her_record(db, secret_key, session_key):
    """Her record's answers and her hospital's slug, found as the app finds them: her
    session holds its id."""
    row = db.execute("SELECT session_data FROM django_session WHERE session_key = %s", [session_key]).fetchone()
    if row is None:
        return None
    session = signing.loads(row[0], key=secret_key, salt="django.contrib.sessions.SessionStore")
    return db.execute(RECORD + "WHERE r.id = %s", [session.get("answers_record")]).fetchone()


def lost_answers(walks, secret_key):
    """Every step a patient saw saved must be in the database, exactly, and her record
    must name the hospital she arrived through."""
    checked = missing = other_hospital = 0
    with psycopg.connect(f"{POSTGRES}/{DATABASE}") as db:
        for walk in walks:
            if not walk["answers"]:
                continue
            row = her_record(db, secret_key, walk["session"]) if walk.get("session") else None
            if row is None:  # no session found: her marker, in her free texts
                row = db.execute(RECORD + "WHERE r.answers::text LIKE %s LIMIT 1", [f"%{walk['marker']}-%"]).fetchone()
            other_hospital += row is None or row[1] != walk.get("hospital")
            for step, answers in walk["answers"].items():
                for name, value in answers.items():
                    checked += 1
                    if row is None or not stored(row[0], step, name, value):
                        missing += 1
    return checked, missing, other_hospital


def hospital_spread(walks, hospitals):
    """How her walks spread over the hospitals: at least, median and at most per hospital."""
    per_hospital = {BENCH_HOSPITAL.format(n): 0 for n in range(hospitals)}
    for walk in walks:
        if walk.get("hospital") in per_hospital:
            per_hospital[walk["hospital"]] += 1
    counts = sorted(per_hospital.values())
    return (
        f"- {hospitals} hospitals loaded (live, each its own numbers); walks per hospital: at least {counts[0]}, "
        f"median {statistics.median(counts):g}, at most {counts[-1]}; "
        f"{sum(1 for c in counts if c)} hospitals had patients"
    )


def secrets_in_logs(log_dir, walks):
    logs = "".join(path.read_text(errors="replace") for path in Path(log_dir).glob("*.log"))
    codes = [w["code"] for w in walks if w["code"]]
    return logs.count(MARKER) + sum(logs.count(code) + logs.count(code.replace("-", "")) for code in codes)


def postgres_started():
    with psycopg.connect(f"{POSTGRES}/postgres") as db:
        return db.execute("SELECT pg_postmaster_start_time()").fetchone()[0]


class CpuShare:
    """Who used the two cores during a phase: gunicorn (master, its reaped and its live
    workers), and everything else on the machine (the load driver, PostgreSQL, Redis, and
    whatever else runs here: on these shared machines, other people's test suites)."""

    def __init__(self, server):
        self.server = server
        self.start = self.read()
        self.postgres_started = postgres_started()

    def read(self):
        ticks = sum(int(n) for n in Path("/proc/stat").read_text().split("\n")[0].split()[1:])
        idle = [int(n) for n in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        busy = ticks - idle[3] - idle[4]
        fields = Path(f"/proc/{self.server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        web = sum(int(n) for n in fields[11:15])
        for pid in self.server.workers():
            try:
                worker = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            web += int(worker[11]) + int(worker[12])
        return ticks, busy, web

    def report(self):
        ticks, busy, web = (now - then for now, then in zip(self.read(), self.start, strict=True))
        cores = os.cpu_count()
        return (
            f"CPU during this phase (of {cores} cores): busy {busy / ticks * cores:.2f} cores, of which gunicorn "
            f"{web / ticks * cores:.2f}, everything else {(busy - web) / ticks * cores:.2f} (the load driver, "
            f"PostgreSQL, Redis, other processes on this machine); load average {os.getloadavg()[0]:.1f}"
            + (
                ". **PostgreSQL was restarted during this phase** (not by this script: on a shared machine, "
                "someone's fault tests); errors at that moment are the app's 503 page for a database that is away"
                if postgres_started() != self.postgres_started
                else ""
            )
        )


# -- the report -------------------------------------------------------------------------


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0


def summarise(rows, seconds):
    ok = [r["ms"] for r in rows if r["ok"]]
    return {
        "count": len(rows),
        "rps": len(ok) / seconds if seconds else 0,
        "median": statistics.median(ok) if ok else 0,
        "p95": percentile(ok, 0.95),
        "p99": percentile(ok, 0.99),
        "errors": sum(not r["ok"] and r.get("status") != 503 for r in rows),
        "refused": sum(r.get("status") == 503 for r in rows),
    }


def path_order(name):
    """Her path's order: reading, then each step's form, post and result, then the end."""
    order = [n for n, _ in READING] + ["intro"]
    for step, _ in STEPS:
        order += [f"{step} (GET)", f"{step} (POST)", f"{step} (result)"]
    order += ["check", "summary", *PDF_NAMES[:2], "resume code (POST)"]
    return order.index(name) if name in order else len(order)


def page_table(requests, seconds):
    names = sorted(dict.fromkeys(r["name"] for r in requests), key=path_order)
    lines = [
        "| page | requests | req/s | median ms | p95 ms | p99 ms | errors | refused (503) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in names:
        s = summarise([r for r in requests if r["name"] == name], seconds)
        lines.append(
            f"| {name} | {s['count']} | {s['rps']:.1f} | {s['median']:.1f} | {s['p95']:.1f} | {s['p99']:.1f} "
            f"| {s['errors']} | {s['refused']} |"
        )
    return "\n".join(lines)


def verdict(met, text):
    return f"- {'met' if met else 'MISSED'}: {text}"


def machine():
    model = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024 / 1024
    return f"{os.cpu_count()} cores ({model.group(1) if model else platform.processor()}), {memory:.0f} GiB RAM"


def capacity_report(samples, arguments):
    requests = [s for s in samples if s["kind"] == "request" and not s.get("warmup")]
    load = [s for s in samples if s["kind"] == "load"]
    lines = [
        "| page | req/s | median ms | p95 ms | p99 ms | errors | share of minimal | driver CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    checks, ceiling = [], None
    capacity = [r for r in requests if r.get("phase") == "capacity"]
    for name in dict.fromkeys(r["name"] for r in capacity):
        rows = [r for r in capacity if r["name"] == name]
        s = summarise(rows, arguments.page_seconds)
        during = [x["driver_cpu"] for x in load if rows[0]["t"] < x["t"] <= rows[-1]["t"]]
        cpu = f"{statistics.mean(during):.0f}%" if during else "–"
        ceiling = ceiling or s["rps"]
        share = s["rps"] / ceiling if ceiling else 0
        page = name.removeprefix("capacity: ")
        lines.append(
            f"| {page} | {s['rps']:.0f} | {s['median']:.1f} | {s['p95']:.1f} | {s['p99']:.1f} | {s['errors']} "
            f"| {share:.0%} | {cpu} |"
        )
        if "healthz" not in name:
            checks.append(verdict(share >= 0.2, f"{page}: {share:.0%} of the minimal view's throughput (≥ 20%)"))
            checks.append(verdict(s["p95"] <= 50, f"{page}: p95 {s['p95']:.0f} ms (≤ 50 ms, closed loop)"))
    burst = [r for r in requests if r.get("phase") == "burst"]
    pages = summarise([r for r in burst if r["name"] == "burst: path pages"], arguments.burst_seconds)
    checks.append(verdict(pages["p95"] < 200, f"page p95 during a PDF burst {pages['p95']:.0f} ms (< 200 ms)"))
    errors = sum(not r["ok"] and r.get("status") != 503 for r in capacity)
    report = [
        (f"Capacity: each page alone, {arguments.clients} clients, closed loop", "\n".join(lines)),
        (
            f"PDF burst: {arguments.clients // 2} clients taking PDFs, {arguments.clients // 2} reading path pages "
            "(closed loop; anything but a 200 is counted, not asked again)",
            page_table(burst, arguments.burst_seconds),
        ),
    ]
    return report, checks, errors


def steps_report(samples, arguments):
    """Per step: the second half of it (the first is the ramp from the step before)."""
    marks = [s for s in samples if s["kind"] in ("step", "end")]
    rows, last_requests, best, best_pages = [], [], None, None
    table = [
        "| target | walking (mean / max) | page req/s | page p95 ms | PDF p50 / p95 s | walks done / failed "
        "| errors | refused (503) | driver CPU | verdict |",
        "|---:|---|---:|---:|---|---|---:|---:|---:|---|",
    ]
    for mark, after in zip(marks, marks[1:], strict=False):
        if mark["kind"] != "step":
            continue
        start = mark["t"] + (after["t"] - mark["t"]) / 2
        window = [s for s in samples if start <= s["t"] < after["t"]]
        requests = [s for s in window if s["kind"] == "request"]
        pages = [r for r in requests if r["name"] not in PDF_NAMES]
        pdfs = [r for r in requests if r["name"] == "PDF (until received)"]
        walks = [r for r in requests if r["name"] == "walk (whole path)"]
        load = [s for s in window if s["kind"] == "load"]
        walking = [s["walking"] for s in load]
        cpu = statistics.mean(s["driver_cpu"] for s in load) if load else 0
        received = [r["ms"] for r in pdfs if r["ok"]]
        errors = sum(not r["ok"] for r in pages) + sum(not r["ok"] for r in pdfs)
        refused = sum(r.get("refused", 0) for r in pdfs)
        failed_walks = sum(not r["ok"] for r in walks)
        page_p95, pdf_p95 = percentile([r["ms"] for r in pages if r["ok"]], 0.95), percentile(received, 0.95)
        met = page_p95 <= PAGE_P95_MS and pdf_p95 <= PDF_P95_MS and errors == 0 and refused == 0 and not failed_walks
        mean_walking = statistics.mean(walking) if walking else 0
        if met:
            best = (mark["step"], mean_walking)
        if page_p95 <= PAGE_P95_MS and not any(not r["ok"] for r in pages):
            best_pages = (mark["step"], mean_walking)
        table.append(
            f"| {mark['step']} | {mean_walking:.0f} / {max(walking, default=0)} "
            f"| {len(pages) / (after['t'] - start):.0f} | {page_p95:.0f} "
            f"| {percentile(received, 0.5) / 1000:.1f} / {pdf_p95 / 1000:.1f} | {len(walks)} / {failed_walks} "
            f"| {errors} | {refused} | {cpu:.0f}% | {'met' if met else 'missed'} |"
        )
        rows.append(mark["step"])
        last_requests = (mark["step"], [r for r in requests if r["name"] != "walk (whole path)"], after["t"] - start)
    stopped = next((s for s in samples if s["kind"] == "overwhelmed"), None)
    if stopped:
        table.append(
            f"\nStopped after step {stopped['step']}: overwhelmed (page p95 over 1 s, or a quarter of the walks "
            "failed); higher steps were not run."
        )
    return "\n".join(table), best, best_pages, last_requests


def bench(server, sampler, arguments, log_dir, out_dir):
    report, checks = [], []
    port = server.port

    print("capacity…", file=sys.stderr)
    cpu = CpuShare(server)
    samples, capacity_walks = run_locust(
        port,
        "capacity",
        out_dir,
        *("--clients", str(arguments.clients), "--page-seconds", str(arguments.page_seconds)),
        *("--hospitals", str(arguments.hospitals)),
        *("--burst-seconds", str(arguments.burst_seconds)),
        users=arguments.clients,
    )
    more, more_checks, errors = capacity_report(samples, arguments)
    more[0] = (more[0][0], more[0][1] + "\n\n" + cpu.report())
    report += more
    checks += more_checks

    print(f"patients: steps {arguments.steps}, {arguments.step_seconds} s each…", file=sys.stderr)
    cpu = CpuShare(server)
    samples, walks = run_locust(
        port,
        "patients",
        out_dir,
        *("--steps", arguments.steps, "--step-seconds", str(arguments.step_seconds), "--run-name", "p"),
        *("--hospitals", str(arguments.hospitals)),
        *("--think-min", str(arguments.think_min), "--think-max", str(arguments.think_max)),
    )
    table, best, best_pages, (top, top_requests, seconds) = steps_report(samples, arguments)
    report.append(
        (
            "Patients: open-loop arrivals, stepped (each row: the second half of its step; before the first, "
            "one walk's time at its rate, not reported)",
            table
            + "\n\n"
            + (
                f"Most concurrent patients meeting every target: **{best[1]:.0f}** (step {best[0]})."
                if best
                else "Most concurrent patients meeting every target: **none of the steps**."
            )
            + (
                f" Pages alone (p95 ≤ {PAGE_P95_MS} ms, no page error): up to {best_pages[1]:.0f} "
                f"(step {best_pages[0]})."
                if best_pages
                else ""
            )
            + "\n\n"
            + cpu.report(),
        )
    )
    report.append((f"Patients, the top step ({top}), per request", page_table(top_requests, seconds)))
    checks.append(verdict(best is not None and best[1] >= 500, "≥ 500 concurrent patients meeting every target"))

    rows, foreign = page_weight(port)
    lines = ["| page | KB on the wire (HTML gzip + CSS) |", "|---|---:|"] + [f"| {n} | {kb:.0f} |" for n, kb in rows]
    report.append(("Page weight", "\n".join(lines)))
    heaviest = max(kb for _, kb in rows)
    checks.append(verdict(heaviest <= 100, f"heaviest page {heaviest:.0f} KB (≤ 100 KB)"))
    checks.append(verdict(not foreign, f"requests to other hosts: {len(foreign)}"))

    everyone = capacity_walks + walks
    checked, missing, other_hospital = lost_answers(everyone, server.secret_key)
    checks.append(verdict(missing == 0, f"answers submitted {checked}, missing in the database {missing}"))
    checks.append(verdict(other_hospital == 0, f"records without the hospital she arrived through: {other_hospital}"))
    if arguments.hospitals:
        report.append(("Hospitals", hospital_spread(everyone, arguments.hospitals)))
    leaked = secrets_in_logs(log_dir, everyone)
    checks.append(verdict(leaked == 0, f"answers or codes in the logs: {leaked}"))
    checks.append(verdict(errors == 0, f"errors in the capacity phase: {errors}"))
    return report, checks


def soak(server, sampler, arguments, log_dir, out_dir):
    print(f"soak: {arguments.patients} patients for {arguments.seconds} s…", file=sys.stderr)
    started = sampler.now()
    cpu = CpuShare(server)
    samples, walks = run_locust(
        server.port,
        "patients",
        out_dir,
        *("--steps", str(arguments.patients), "--step-seconds", str(arguments.seconds), "--run-name", "s"),
        *("--hospitals", str(arguments.hospitals)),
        *("--think-min", str(arguments.think_min), "--think-max", str(arguments.think_max)),
    )
    ended = sampler.now()
    usage = cpu.report()
    table, best, _, (_, requests, seconds) = steps_report(samples, arguments)
    everything = [s for s in samples if s["kind"] == "request" and s["name"] != "walk (whole path)"]
    walk_rows = [s for s in samples if s["kind"] == "request" and s["name"] == "walk (whole path)"]
    checked, missing, other_hospital = lost_answers(walks, server.secret_key)
    first, last = sampler.between(started, started + 60), sampler.between(ended - 60, ended)
    memory = [
        "| minute | workers | median MB | max MB |",
        "|---|---:|---:|---:|",
        f"| first | {len(first)} | {statistics.median(first.values()):.0f} | {max(first.values()):.0f} |",
        f"| last | {len(last)} | {statistics.median(last.values()):.0f} | {max(last.values()):.0f} |",
    ]
    minutes = int((ended - started) // 60)
    memory += ["", "| minute | " + " | ".join(str(m + 1) for m in range(minutes)) + " |"]
    memory += ["|---|" + "---:|" * minutes]
    per_minute = [sampler.between(started + 60 * m, started + 60 * (m + 1)) for m in range(minutes)]
    memory += ["| median MB | " + " | ".join(f"{statistics.median(w.values()):.0f}" for w in per_minute) + " |"]
    both = sorted(set(first) & set(last))
    if both:
        memory += ["", "| worker alive in both | first minute MB | last minute MB |", "|---|---:|---:|"]
        memory += [f"| {pid} | {first[pid]:.0f} | {last[pid]:.0f} |" for pid in both]
    errors = sum(not r["ok"] and r.get("status") != 503 for r in everything)
    refused = sum(r.get("status") == 503 for r in everything)
    growth = statistics.median(last.values()) <= statistics.median(first.values()) * 1.2
    checks = [
        verdict(errors == 0, f"errors: {errors}"),
        verdict(refused == 0, f"refusals (503) a patient saw: {refused}"),
        verdict(missing == 0, f"answers submitted {checked}, missing in the database {missing}"),
        verdict(other_hospital == 0, f"records without the hospital she arrived through: {other_hospital}"),
        verdict(growth, "median worker RSS, last minute within 20% of the first"),
        verdict(secrets_in_logs(log_dir, walks) == 0, "no answer or code in the logs"),
        f"- walks: {len(walk_rows)} ended, {sum(not r['ok'] for r in walk_rows)} of them failed, "
        f"{sum(w.get('ended', False) and w['code'] is None for w in walks)} of them without a resume code; "
        f"{sum(not w.get('ended', False) for w in walks)} cut off by the end of the run (their answers checked too)",
    ]
    report = [
        (f"Soak: {arguments.patients} concurrent patients (target), {arguments.seconds} s", f"{table}\n\n{usage}"),
        ("Soak, the whole run, per request", page_table(everything, ended - started)),
        ("Memory per worker, first and last minute", "\n".join(memory)),
    ]
    return report, checks


def load_hospitals(environment, count):
    """Live hospitals, for the bench database only (dropped before every run): their
    numbers are well-formed and never shown to anyone but locust."""
    code = (
        "from hospitals.models import Hospital\n"
        "Hospital.objects.bulk_create(Hospital(is_live=True, "
        f"name='Benchziekenhuis {{:03d}}'.format(n), slug={BENCH_HOSPITAL!r}.format(n), "
        "phone_office_hours='088 100 {:04d}'.format(n), phone_24h='088 200 {:04d}'.format(n)) "
        f"for n in range({count}))"
    )
    manage(environment, "shell", "-c", code)


def set_up(log_dir, hospitals):
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {DATABASE}")
    redis.Redis.from_url(REDIS_URL).flushdb()
    environment = production_environment(f"{POSTGRES}/{DATABASE}", REDIS_URL=REDIS_URL)
    manage(environment, "migrate", "--no-input", "-v", "0")
    manage(environment, "import_content", "content/miskraam")
    load_hospitals(environment, hospitals)
    manage(environment, "collectstatic", "--no-input", "-v", "0")
    workers = 2 * os.cpu_count() + 1
    log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'  # as scripts/start-web.sh
    server = Server(
        environment,
        workers,
        Path(log_dir) / "gunicorn.log",
        *["--preload", "--max-requests", "2000", "--max-requests-jitter", "200", "--timeout", "30"],
        *["--access-logfile", str(Path(log_dir) / "access.log"), "--access-logformat", log_format],
    )
    server.secret_key = environment["SECRET_KEY"]
    return server, workers


def tear_down(server):
    server.stop()
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--soak", action="store_true", help="patients for 5 minutes, memory first vs last minute")
    parser.add_argument("--steps", default="50,100,200,400,600,800", help="target concurrent patients per step")
    parser.add_argument("--step-seconds", type=int, default=100)
    parser.add_argument("--patients", type=int, default=100, help="soak: target concurrent patients")
    parser.add_argument("--seconds", type=int, default=300, help="soak: length")
    parser.add_argument("--think-min", type=float, default=5, help="seconds she reads a page, at least")
    parser.add_argument("--think-max", type=float, default=10, help="… and at most")
    parser.add_argument("--hospitals", type=int, default=100, help="live hospitals; each patient arrives through one")
    parser.add_argument("--clients", type=int, default=20, help="capacity: closed-loop clients")
    parser.add_argument("--page-seconds", type=int, default=6, help="capacity: seconds per page")
    parser.add_argument("--burst-seconds", type=int, default=20)
    parser.add_argument("--out", help="where locust's CSV and the samples go (default: a new temporary directory)")
    arguments = parser.parse_args()
    out_dir = Path(arguments.out or tempfile.mkdtemp(prefix="keuzehulp-bench-"))

    with tempfile.TemporaryDirectory() as log_dir:
        server, workers = set_up(log_dir, arguments.hospitals)
        sampler = MemorySampler(server)
        sampler.start()
        try:
            run = soak if arguments.soak else bench
            report, checks = run(server, sampler, arguments, log_dir, out_dir)
        finally:
            sampler.running = False
            tear_down(server)
    peaks = sampler.peak_per_worker()
    command = " ".join(["scripts/bench_stack.py", *sys.argv[1:]])
    print(f"# {'Soak' if arguments.soak else 'Benchmark'}, {datetime.date.today()}: `{command}`\n")
    print(f"Machine: {machine()}. gunicorn {workers} sync workers (DEBUG off), PostgreSQL, Redis cache, whitenoise;")
    print(
        f"load from locust (headless, one process) on the same cores; she thinks {arguments.think_min:g}–"
        f"{arguments.think_max:g} s per page (a real walk: 15–25 minutes). Locust CSV: {out_dir}\n"
    )
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
