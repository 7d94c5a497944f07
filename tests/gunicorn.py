"""The production-like server (gunicorn, DEBUG off) for the fault tests and for
`make bench`, and a visitor that talks to it as her browser behind the TLS proxy would."""

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import redis
from django.conf import settings
from django.db import connection

GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The database Django is connected to (in the tests: the test database)."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def production_environment(database, **more):
    environment = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database,
        # Production needs Redis; db 13 is this suite's own (make bench passes its db 14).
        "REDIS_URL": "redis://127.0.0.1:6379/13",
        "LOG_LEVEL": "INFO",
        **more,
    }
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return environment


def manage(environment, *arguments):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=settings.BASE_DIR, env=environment, check=True)


class Server:
    def __init__(self, environment, workers, log_path, *options, port=None):
        # A fresh shared cache, as at a fresh deployment: what an earlier run left there
        # (which content version is current, by a primary key of another test database)
        # would not hold for this one.
        redis.Redis.from_url(environment["REDIS_URL"]).flushdb()
        self.port = port or free_port()  # a fixed port: a web process started again where it was
        self.log = open(log_path, "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [str(GUNICORN), "keuzehulp.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), *options],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.wait_until_live()

    def wait_until_live(self, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if Visitor(self).get("/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise TimeoutError("gunicorn did not start")

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        return [int(pid) for pid in children.split()]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(10)
        self.log.close()


class Visitor:
    """Her browser: keeps cookies (Secure ones too: the proxy speaks HTTPS to her) and
    sends the form's CSRF token back."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}
        self.token = None

    def request(self, method, path, body=None, headers=None, timeout=30):
        host = f"127.0.0.1:{self.server.port}"
        headers = {"X-Forwarded-Proto": "https", "Host": host, "Origin": f"https://{host}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.body = response.read()
            response.text = response.body.decode(errors="replace")
        finally:
            connection.close()
        for line in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(line)
            self.cookies.update({name: morsel.value for name, morsel in jar.items()})
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
        if token:
            self.token = token.group(1)
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, urlencode({**data, "csrfmiddlewaretoken": self.token or ""}, doseq=True))

    def save(self, path, data):
        """A step as she sends it: the form first, then her answers."""
        self.get(path)
        return self.post(path, {**data, "action": "save"})
