"""Faults of the production stack, on gunicorn and the real PostgreSQL: a restart of the
database in the middle of her path, the database down, a worker killed in the middle of
a save. Runs where the tests run on PostgreSQL and may restart it (CI does)."""

import contextlib
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from answers.models import Record
from tests.gunicorn import Server, Visitor, database_url, manage, production_environment
from tests.helpers import STEP_URLS, WALK

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql" or not shutil.which("pg_ctlcluster") or os.geteuid() != 0,
    reason="needs the machine's own PostgreSQL, which these tests restart (run by CI)",
)


def postgresql(action):
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action], check=True)


def wait_until_ready(server, seconds=20):
    deadline = time.monotonic() + seconds
    while Visitor(server).get("/readyz").status != 200:
        assert time.monotonic() < deadline, "the app did not become ready again"
        time.sleep(0.2)


@pytest.fixture(scope="module")
def static_files():
    manage(production_environment(database_url()), "collectstatic", "--no-input", "-v", "0")


def start_server(tmp_path, workers):
    return Server(production_environment(database_url()), workers, Path(tmp_path) / "gunicorn.log")


@pytest.fixture
def server(live_aids, static_files, tmp_path):
    server = start_server(tmp_path, workers=2)
    yield server
    server.stop()


def walk(visitor, steps):
    return {step: visitor.save(STEP_URLS[step], WALK[step]).status for step in steps}


def assert_all_saved():
    connection.close()  # the test's own connection did not survive the restart either
    answers = Record.objects.get().answers
    assert answers.situation == WALK["situation"]
    assert answers.ratings == {key: int(value) for key, value in WALK["values"].items() if key != "concern_1"}
    assert answers.concerns == [WALK["values"]["concern_1"]]
    assert answers.knowledge == WALK["knowledge"]
    assert answers.questions == [WALK["questions"]["question_1"], WALK["questions"]["question_2"]]


def test_a_restart_of_postgresql_mid_path_loses_nothing(server):
    her = Visitor(server)
    assert set(walk(her, ["safety", "situation", "values"]).values()) == {302}
    postgresql("restart")
    after = walk(her, ["knowledge", "leaning", "questions"])
    failed = [step for step, status in after.items() if status != 302]
    assert len(failed) <= 1, after
    # She sends a failed step again, as she would after the error page.
    assert set(walk(her, failed).values()) <= {302}
    assert her.get("/mijn-keuze/samenvatting/").status == 200
    assert_all_saved()


def test_with_postgresql_down_she_gets_a_503_within_seconds(server):
    her = Visitor(server)
    walk(her, WALK)
    postgresql("stop")
    try:
        started = time.monotonic()
        response = her.get("/mijn-keuze/samenvatting/")
        waited = time.monotonic() - started
        assert response.status == 503
        assert response.getheader("Retry-After") == "30"
        assert "even niet bereikbaar" in response.text
        assert waited < 5
        assert Visitor(server).get("/readyz").status == 503
        assert Visitor(server).get("/healthz").status == 200
    finally:
        postgresql("start")
    wait_until_ready(server)
    assert her.get("/mijn-keuze/samenvatting/").status == 200
    assert_all_saved()


def test_a_worker_killed_in_the_middle_of_a_save_leaves_no_half_answer(live_aids, static_files, tmp_path):
    server = start_server(tmp_path, workers=1)
    try:
        her = Visitor(server)
        walk(her, WALK)
        her.get(STEP_URLS["values"])
        # Hold her record, so that the save stops half-way: after deleting her old
        # ratings, at inserting the new ones (their foreign key needs the record).
        with psycopg.connect(database_url()) as blocker:
            blocker.execute("SELECT 1 FROM answers_record FOR UPDATE")
            changed = {"thuis": "1", "geen-operatie": "1", "snel-voorbij": "1", "concern_1": "Nieuw", "action": "save"}
            saving = threading.Thread(target=lambda: her_save(her, changed), daemon=True)
            saving.start()
            wait_for_a_waiting_query(blocker)
            (worker,) = server.workers()
            os.kill(worker, 9)
            saving.join(10)
            blocker.rollback()
        server.wait_until_live()
        assert her.get("/mijn-keuze/controleren/").status == 200
        assert_all_saved()
    finally:
        server.stop()


def her_save(her, data):
    with contextlib.suppress(OSError):  # the worker dies under her request
        her.post(STEP_URLS["values"], data)


def wait_for_a_waiting_query(blocker, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        waiting = blocker.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
        ).fetchone()[0]
        if waiting:
            return
        time.sleep(0.05)
    raise AssertionError("the save never reached the locked record")
