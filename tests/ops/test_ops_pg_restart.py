"""PostgreSQL stopped and restarted under load: turns fail fast with 503, recover by themselves, and
nothing persisted is lost or duplicated.

Stops the test cluster with deploy/dev/pg.sh (SHOWROOM_PG_ROOT/SHOWROOM_PG_PORT, exported by
deploy/dev/test.sh), so it is marked `restarts_database` and runs after every other test.
"""

import os
import subprocess
import threading
import time

import pytest
import requests

from opslib import REPO, assert_contiguous, assert_error_shape, connect

PG = REPO / "deploy" / "dev" / "pg.sh"


def pg(action):
    subprocess.run(["bash", str(PG), action], check=True, capture_output=True, timeout=120)


@pytest.mark.restarts_database
def test_postgres_restart_under_load_fails_fast_and_recovers(start_server, chat, database_url):
    if not os.environ.get("SHOWROOM_PG_ROOT"):
        pytest.skip("SHOWROOM_PG_ROOT is not set: the database is not a throwaway cluster deploy/dev/pg.sh may stop")
    server = start_server()
    api = chat(server.base)
    sid, token = api.create_session()
    for i in range(5):
        assert api.send(sid, token, f"before the outage {i}").status_code == 200
    before = api.transcript(sid, token)

    results = []  # (text, started, finished, status, response)
    stop_load = threading.Event()

    def load():
        n = 0
        while not stop_load.is_set():
            text = f"load turn {n}"
            started = time.monotonic()
            try:
                r = api.send(sid, token, text, timeout=30)
                results.append((text, started, time.monotonic(), r.status_code, r))
            except requests.RequestException as e:
                results.append((text, started, time.monotonic(), None, e))
            n += 1
            time.sleep(0.05)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    try:
        time.sleep(1.0)
        down_at = time.monotonic()
        pg("stop")
        stopped_at = time.monotonic()
        # Long enough for one request to wait out the 5 s acquire timeout and several to fail fast after it.
        time.sleep(7.0)
        ready_during = requests.get(server.base + "/health/ready", timeout=10)
        up_at = time.monotonic()
    finally:
        pg("start")
    started_at = time.monotonic()

    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        if any(s == 200 and t0 > started_at for _, t0, _, s, _ in results):
            break
        time.sleep(0.2)
    time.sleep(0.5)
    stop_load.set()
    worker.join(timeout=60)

    assert_error_shape(ready_during, 503)
    statuses = [s for _, _, _, s, _ in results]
    assert None not in statuses, [r for *_, s, r in results if s is None][:3]
    assert set(statuses) <= {200, 503}, sorted(set(statuses))
    for *_, s, r in results:
        if s == 503:
            assert_error_shape(r, 503)
            assert r.headers.get("Retry-After")

    # While the database was down, turns failed fast instead of hanging in the pool's queue.
    outage = [(t1 - t0, s) for _, t0, t1, s, _ in results if t0 >= stopped_at and t1 <= up_at]
    assert len(outage) >= 3, f"too few requests during the outage: {outage}"
    assert all(s == 503 for _, s in outage), outage
    latencies = sorted(d for d, _ in outage)
    assert latencies[len(latencies) // 2] < 1.0 and latencies[-1] < 8.0, latencies

    # Recovered by itself: turns sent after the restart succeed, and the readiness probe is back.
    after_restart = [s for _, t0, _, s, _ in results if t0 > started_at]
    assert 200 in after_restart, f"no successful turn after the restart: {after_restart}"
    assert requests.get(server.base + "/health/ready", timeout=10).status_code == 200

    # Nothing persisted was lost or duplicated.
    transcript = api.transcript(sid, token)
    assert transcript[:len(before)] == before
    assert [m["seq"] for m in transcript] == list(range(len(transcript)))
    users = [m["text"] for m in transcript if m["role"] == "user"]
    assert len(users) == len(set(users)), "a user message was stored twice"
    ok_texts = [text for text, _, _, s, _ in results if s == 200]
    for text in ok_texts:
        assert users.count(text) == 1, f"{text!r} was answered 200 but is not stored exactly once"
    sent_order = [text for text, *_ in results]
    stored_load = [u for u in users if u.startswith("load turn ")]
    assert stored_load == [t for t in sent_order if t in stored_load], "stored turns are out of order"
    with connect(database_url) as conn:
        rows = assert_contiguous(conn, sid)
    assert len(rows) == len(transcript)
    # Each stored turn is whole: a user message and its reply, never one without the other.
    assert [m["role"] for m in transcript] == ["assistant"] + ["user", "assistant"] * ((len(transcript) - 1) // 2)
    assert down_at < stopped_at
