"""`make faults` (with tests/test_faults.py): a web container that dies costs her nothing.

Two web processes (gunicorn as in production, DEBUG off, 2 sync workers each) on a fresh
PostgreSQL database `keuzehulp_proxy` with Redis database 14, behind the project's own
Caddyfile (PROXY_MODE=local: the two as fixed upstreams, HTTPS on 127.0.0.1 with Caddy's
local CA, which is not installed anywhere). Caddy is the one on PATH (Debian's; another:
--caddy), and REQUEST_BUFFERING follows its version.

1. Walks: she walks her path through the proxy; in the middle of each walk one of the two
   web processes is killed (SIGKILL, master and workers: a container that dies) and she
   goes on; it is started again after her walk. Counted: error pages she saw (any 5xx
   but the app's own "PDF busy, try again" 503, which she retries as her browser would),
   and answers lost (every step she saw saved, checked in the database).
2. Both web processes down: the proxy's own calm page, in Dutch and under /en/ in English,
   with 112 and the advice to call her own hospital, loading nothing from elsewhere.
3. Slow bodies: three connections that send a form body at 1 byte/s, and /healthz
   latency meanwhile, with one web process of 2 sync workers (fewer than the senders):
   straight to it, through Caddy without request buffering, and through Caddy as
   configured.

Prints the counts; exits 1 on any error page or lost answer (or a missing calm page).
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "keuzehulp.settings")
os.environ.setdefault("DEBUG", "true")  # only for this process's own Django set-up

import django  # noqa: E402

django.setup()

from load.her_path import CODE, PDF, RESUME_CODE, STEPS, answers_for, stored  # noqa: E402

from tests.gunicorn import Server, free_port, manage, production_environment  # noqa: E402

POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "keuzehulp_proxy"
REDIS_URL = "redis://127.0.0.1:6379/14"
CALM_PAGE = "Levensgevaar? Bel 112."


class Her:
    """Her browser, over HTTPS to the proxy: cookies, the CSRF token, redirects not
    followed (each request is counted)."""

    def __init__(self, port, context):
        self.port, self.context = port, context
        self.cookies, self.token = {}, ""
        self.seen = []  # (method, path, status, calm page of the proxy?)

    def request(self, method, path, data=None, timeout=30):
        headers = {"Host": f"127.0.0.1:{self.port}", "Origin": f"https://127.0.0.1:{self.port}"}
        body = None
        if data is not None:
            body = urlencode({**data, "csrfmiddlewaretoken": self.token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=self.context)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.body = response.read()
        finally:
            connection.close()
        response.text = response.body.decode(errors="replace") if b"%PDF" not in response.body[:8] else ""
        for line in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(line)
            self.cookies.update({name: morsel.value for name, morsel in jar.items()})
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
        self.token = token.group(1) if token else self.token
        self.seen.append((method, path, response.status, CALM_PAGE in response.text))
        return response


def error_pages(her):
    """The 5xx she saw, but the app's own "PDF busy" 503 (Retry-After; she retries)."""
    return [(m, p, s) for m, p, s, _ in her.seen if s >= 500 and not (p == PDF and s == 503)]


def walk(her, marker, halfway):
    """Her path; `halfway()` is called when the fourth step's form is filled in. Returns what she saw saved."""
    saved = {}
    her.request("GET", "/")
    her.request("GET", "/mijn-keuze/")
    for number, (step, url) in enumerate(STEPS):
        form = her.request("GET", url)
        if form.status != 200:
            continue
        answers = answers_for(step, form.text, marker)
        if number == 3:
            halfway()  # between the form and her "Opslaan en verder"
        response = her.request("POST", url, {**answers, "action": "save"})
        if response.status == 302:
            saved[step] = answers
    her.request("GET", "/mijn-keuze/controleren/")
    her.request("GET", "/mijn-keuze/samenvatting/")
    for _ in range(20):  # as her browser: after Retry-After, again
        pdf = her.request("GET", PDF)
        if pdf.status not in (202, 503) or "Retry-After" not in pdf.headers:
            break
        time.sleep(float(pdf.headers["Retry-After"]))
    code = her.request("POST", CODE, {})
    return saved, pdf.status == 200, bool(RESUME_CODE.search(code.text))


def lost(marker, saved):
    """Fields she saw saved that are not in her record."""
    with psycopg.connect(f"{POSTGRES}/{DATABASE}") as db:
        row = db.execute(
            "SELECT answers FROM answers_record WHERE answers::text LIKE %s LIMIT 1", [f"%{marker}-%"]
        ).fetchone()
    fields = [(step, name, value) for step, answers in saved.items() for name, value in answers.items()]
    return sum(row is None or not stored(row[0], *field) for field in fields), len(fields)


def alive(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class Stack:
    def __init__(self, workdir, caddy, buffering):
        self.workdir, self.caddy_binary = Path(workdir), caddy
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
            db.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            db.execute(f"CREATE DATABASE {DATABASE}")
        self.environment = production_environment(f"{POSTGRES}/{DATABASE}", REDIS_URL=REDIS_URL, TRUSTED_PROXIES="1")
        manage(self.environment, "migrate", "--no-input", "-v", "0")
        manage(self.environment, "import_content", "content/miskraam")
        manage(self.environment, "collectstatic", "--no-input", "-v", "0")
        self.ports = [free_port(), free_port()]
        self.web = [self.start_web(n) for n in range(2)]
        self.caddy = None
        self.https_port = free_port()
        self.start_caddy(buffering)

    def start_web(self, n):
        log = self.workdir / f"web{n}-{time.monotonic_ns()}.log"
        return Server(self.environment, 2, log, "--timeout", "30", port=self.ports[n])

    def kill_web(self, n):
        """As a container that dies: the master and its workers, at once; back once all of
        them are gone (a worker that outlives the master a moment would still accept a
        connection on the shared socket, and reset it as it dies: in a container, the
        network namespace goes with it)."""
        server = self.web[n]
        pids = [*server.workers(), server.process.pid]
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        server.process.wait(10)
        server.log.close()
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.01)
        self.web[n] = None

    def restart_web(self, n):
        self.web[n] = self.start_web(n)

    def start_caddy(self, buffering):
        if self.caddy:
            self.stop_caddy()
        environment = {
            **os.environ,
            "PROXY_MODE": "local",
            "REQUEST_BUFFERING": buffering,
            "WEB_UPSTREAMS": " ".join(f"127.0.0.1:{port}" for port in self.ports),
            "SITE_ADDRESS": f"https://127.0.0.1:{self.https_port}",
            "CADDY_HTTP_PORT": str(free_port()),
            "HEALTH_CHECK_HOST": "127.0.0.1",
            "ERROR_PAGES": str(ROOT / "proxy" / "errors"),
            # Caddy's certificates and its local CA stay in this run's directory.
            "XDG_DATA_HOME": str(self.workdir / "data"),
            "XDG_CONFIG_HOME": str(self.workdir / "config"),
        }
        log = open(self.workdir / "caddy.log", "ab")  # noqa: SIM115 (closed in stop_caddy)
        self.caddy = subprocess.Popen(
            [self.caddy_binary, "run", "--config", str(ROOT / "Caddyfile"), "--adapter", "caddyfile"],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.caddy.log = log
        root = self.workdir / "data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.context = ssl.create_default_context(cafile=str(root))
                if Her(self.https_port, self.context).request("GET", "/healthz", timeout=5).status == 200:
                    return
            except (OSError, ssl.SSLError):
                pass
            time.sleep(0.2)
        raise TimeoutError(f"Caddy did not start:\n{(self.workdir / 'caddy.log').read_text()[-3000:]}")

    def stop_caddy(self):
        self.caddy.send_signal(signal.SIGTERM)
        self.caddy.wait(10)
        self.caddy.log.close()

    def stop(self):
        if self.caddy:
            self.stop_caddy()
        for server in self.web:
            if server:
                server.stop()
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
            db.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def walks(stack, count):
    print(f"{count} walks, one web process killed in the middle of each…", file=sys.stderr)
    seen, missing, checked, rows, tries = [], 0, 0, [], 0
    for n in range(count):
        victim = n % 2
        her = Her(stack.https_port, stack.context)
        marker = f"PROXYCHECK-{n}"
        log = stack.workdir / "caddy.log"
        before = log.stat().st_size
        dead = f"127.0.0.1:{stack.ports[victim]}"
        saved, pdf, code = walk(her, marker, lambda victim=victim: stack.kill_web(victim))
        with open(log, "rb") as lines:
            lines.seek(before)
            tried = [
                line
                for line in lines.read().decode(errors="replace").splitlines()
                if '"logger":"http.handlers.reverse_proxy"' in line and dead in line and "refused" in line
            ]
        tries += len(tried)
        stack.restart_web(victim)
        lost_here, fields = lost(marker, saved)
        missing, checked = missing + lost_here, checked + fields
        errors = error_pages(her)
        seen += errors
        rows.append(
            f"| {n + 1} | web {victim + 1} | {len(her.seen)} | {len(saved)} of {len(STEPS)} | "
            f"{len(tried)} | {'yes' if pdf else 'NO'} | {'yes' if code else 'NO'} | {len(errors)} "
            f"| {lost_here} of {fields} |"
        )
        time.sleep(3)  # the active health check sees it back (every 2 s)
    table = [
        "| walk | killed mid-walk | requests | steps saved | first sent to the killed one, then sent whole "
        "to the other | PDF | resume code | error pages | answers lost |",
        "|---:|---|---:|---|---:|---|---|---:|---|",
        *rows,
    ]
    return "\n".join(table), seen, missing, checked, tries


def calm_pages(stack):
    """Both web processes down: what she sees, in Dutch and in English."""
    print("both web processes down…", file=sys.stderr)
    stack.kill_web(0)
    stack.kill_web(1)
    results = []
    try:
        for path, language, words in (
            ("/mijn-keuze/", "nl", "Bel je eigen ziekenhuis"),
            ("/en/", "en", "Life in danger? Call 112."),
        ):
            her = Her(stack.https_port, stack.context)
            started = time.monotonic()
            response = her.request("GET", path)
            seconds = time.monotonic() - started
            html = response.text
            foreign = re.findall(r'(?:src|href)="(?:https?:)?//', html)
            ok = (
                response.status in (502, 503, 504)
                and f'lang="{language}"' in html
                and ("112" in html)
                and ("ziekenhuis" in html if language == "nl" else "hospital" in html)
                and not foreign
            )
            results.append((path, response.status, language, seconds, ok, words))
    finally:
        stack.restart_web(0)
        stack.restart_web(1)
    lines = ["| path | status | page | seconds | calm page, own language, 112, own hospital, nothing foreign |"]
    lines.append("|---|---:|---|---:|---|")
    lines += [f"| {p} | {s} | {lang} | {sec:.1f} | {'yes' if ok else 'NO'} |" for p, s, lang, sec, ok, _ in results]
    return "\n".join(lines), all(ok for *_, ok, _ in results)


def her_form(port, context):
    """Cookies and the CSRF token of her first step's form, so that the slow POST gets as
    far as Django reading its body (without them it is refused before that)."""
    if context:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    cookies = {}
    for path in ("/mijn-keuze/", "/mijn-keuze/veiligheid/"):
        headers = {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https"}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        html = response.read().decode(errors="replace")
        for line in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(line)
            cookies.update({name: morsel.value for name, morsel in jar.items()})
        connection.close()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return cookies, token.group(1) if token else ""


def slow_sender(port, context, stop, sent):
    """Her first step's form, its body at 1 byte/s."""
    cookies, token = her_form(port, context)
    raw = socket.create_connection(("127.0.0.1", port), timeout=60)
    conn = context.wrap_socket(raw, server_hostname="127.0.0.1") if context else raw
    body = urlencode({"csrfmiddlewaretoken": token, "action": "save", "note": "x" * 100}).encode()
    head = (
        f"POST /mijn-keuze/veiligheid/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Forwarded-Proto: https\r\n"
        f"Origin: https://127.0.0.1:{port}\r\nCookie: {'; '.join(f'{k}={v}' for k, v in cookies.items())}\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    try:
        conn.sendall(head)
        for byte in body:
            if stop.is_set():
                break
            conn.sendall(bytes([byte]))
            sent[0] += 1
            stop.wait(1)
    except OSError:
        pass  # cut off: by Caddy's read timeout, or gunicorn's worker timeout
    finally:
        conn.close()


def healthz_latency(port, context, seconds):
    samples, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            if context:
                connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=context)
            else:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            connection.getresponse().read()
            connection.close()
            samples.append(time.monotonic() - started)
        except OSError:
            samples.append(float("inf"))
        time.sleep(0.5)
    return samples


def slow_bodies(stack, senders, seconds):
    print("slow bodies…", file=sys.stderr)
    # One web process (2 sync workers) in every round, so that the rounds compare: the
    # other is stopped, and the proxy's health check leaves it out.
    stack.kill_web(1)
    rows = []
    for label, buffering, direct in (
        ("straight to the web process", None, True),
        ("through Caddy, request buffering off", "off", False),
        ("through Caddy, as configured (request buffering on)", stack.buffering, False),
    ):
        if buffering:
            stack.start_caddy(buffering)
        port, context = (stack.ports[0], None) if direct else (stack.https_port, stack.context)
        stop, sent = threading.Event(), [0]
        threads = [
            threading.Thread(target=slow_sender, args=(port, context, stop, sent), daemon=True) for _ in range(senders)
        ]
        for thread in threads:
            thread.start()
        time.sleep(1)
        samples = healthz_latency(port, context, seconds)
        stop.set()
        for thread in threads:
            thread.join(5)
        finite = [s for s in samples if s != float("inf")]

        def ms(value):
            return "no answer in 30 s" if value == float("inf") else f"{value * 1000:.0f}"

        rows.append(
            f"| {label} | {len(samples)} | {ms(statistics.median(samples))} | {ms(max(samples))} "
            f"| {len(samples) - len(finite)} |"
        )
        # Let gunicorn finish with what the senders left behind before the next round.
        stack.web[0].wait_until_live(60)
    table = [
        f"| one web process (2 sync workers), {senders} clients sending a body at 1 byte/s: /healthz "
        "meanwhile | asked | median ms | max ms | failed |",
        "|---|---:|---:|---:|---:|",
        *rows,
    ]
    return "\n".join(table)


def caddy_version(binary):
    out = subprocess.run([binary, "version"], capture_output=True, text=True, check=True).stdout.strip()
    found = re.match(r"v?(\d+)\.(\d+)", out)
    return out.split()[0], (int(found.group(1)), int(found.group(2))) if found else (0, 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--caddy", default=shutil.which("caddy"), help="the caddy binary (default: on PATH)")
    parser.add_argument("--walks", type=int, default=6)
    parser.add_argument("--slow-senders", type=int, default=3)
    parser.add_argument("--slow-seconds", type=int, default=10, help="how long /healthz is asked meanwhile")
    arguments = parser.parse_args()
    if not arguments.caddy:
        sys.exit("No caddy: apt-get install caddy (or --caddy PATH).")
    version, number = caddy_version(arguments.caddy)
    buffering = "caddy-2.7" if number >= (2, 7) else "caddy-2.6"

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="keuzehulp-proxy-") as workdir:
        stack = Stack(workdir, arguments.caddy, buffering)
        stack.buffering = buffering
        try:
            walk_table, seen, missing, checked, tries = walks(stack, arguments.walks)
            calm_table, calm_ok = calm_pages(stack)
            slow_table = slow_bodies(stack, arguments.slow_senders, arguments.slow_seconds)
        finally:
            stack.stop()
            shutil.copy(Path(workdir) / "caddy.log", Path(tempfile.gettempdir()) / "keuzehulp-proxy-faults-caddy.log")

    print(f"# Proxy faults: `scripts/proxy_faults.py {' '.join(sys.argv[1:])}`\n")
    print(
        f"Caddy {version} (REQUEST_BUFFERING={buffering}) with the project's Caddyfile (PROXY_MODE=local), "
        "two gunicorn web processes (2 sync workers each), PostgreSQL, Redis; "
        f"{time.monotonic() - started:.0f} s.\n"
    )
    print(f"## A web process killed in the middle of her walk\n\n{walk_table}\n")
    print(f"## No web process answers\n\n{calm_table}\n")
    print(f"## Slow bodies\n\n{slow_table}\n")
    print(f"error pages she saw: {len(seen)}{' ' + str(seen) if seen else ''}")
    print(f"answers lost: {missing} of {checked}")
    print(f"requests first sent to a killed web process: {tries}")
    print(f"calm pages: {'ok' if calm_ok else 'MISSING'}")
    print(f"Caddy's log: {Path(tempfile.gettempdir()) / 'keuzehulp-proxy-faults-caddy.log'}")
    if not tries:
        print("(no request went to a killed process first: the retry was not exercised this time)")
    sys.exit(1 if seen or missing or not calm_ok else 0)


if __name__ == "__main__":
    main()
