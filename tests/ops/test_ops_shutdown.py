"""Graceful shutdown: SIGTERM lets an in-flight streamed turn finish, then the process exits 0.

To hold a turn in flight for as long as the test needs, the test takes the conversation's row
lock in its own transaction: the turn routes and answers, then waits in
ConversationRepository.append until the test commits.
"""

import json
import signal
import threading
import time

import pytest
import requests

from opslib import connect


def read_events(response, sink):
    """Parses an SSE stream into (event, data) pairs appended to `sink` as they arrive."""
    event, data = None, []
    for raw in response.iter_lines(chunk_size=1, decode_unicode=True):
        if raw is None:
            continue
        if raw == "":
            if event:
                sink.append((event, json.loads("\n".join(data)) if data else None))
            event, data = None, []
        elif raw.startswith("event:"):
            event = raw[6:].strip()
        elif raw.startswith("data:"):
            data.append(raw[5:].strip())


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_lets_the_streamed_turn_finish_then_exits_zero(start_server, chat, database_url, db, sig):
    server = start_server()
    api = chat(server.base)
    sid, token = api.create_session()
    events, errors = [], []

    def stream():
        try:
            with requests.post(f"{server.base}/v1/chat/sessions/{sid}/messages", json={"text": "When are you open?"},
                               headers={"Authorization": f"Bearer {token}", "Accept": "text/event-stream"},
                               stream=True, timeout=60) as r:
                assert r.status_code == 200, r.text
                read_events(r, events)
        except Exception as e:  # reported by the main thread
            errors.append(e)

    locker = connect(database_url, autocommit=False)
    try:
        locker.execute("SELECT 1 FROM conversations WHERE id = %s FOR UPDATE", (sid,))
        reader = threading.Thread(target=stream, daemon=True)
        reader.start()
        wait_for(lambda: any(e == "route" for e, _ in events) or errors, 20, "the route event")
        time.sleep(0.3)
        assert not any(e == "done" for e, _ in events), "the turn must still be waiting on the row lock"

        server.signal(sig)
        time.sleep(1.5)
        assert server.proc.poll() is None, "the server exited while a turn was in flight"
        with pytest.raises(requests.ConnectionError):
            requests.get(server.base + "/health/live", timeout=3)  # no new connections while draining
    finally:
        locker.commit()  # the turn can now persist
        locker.close()

    reader.join(timeout=30)
    assert not errors, errors
    names = [e for e, _ in events]
    assert names[0] == "route" and names[-1] == "done", names
    done = events[-1][1]
    assert [m["role"] for m in done["messages"]] == ["user", "assistant"]
    assert server.proc.wait(timeout=20) == 0, f"exit status {server.proc.returncode}; see {server.log_path}"

    stored = db.execute("SELECT seq, role FROM messages WHERE conversation_id = %s ORDER BY seq", (sid,)).fetchall()
    assert stored == [(0, "assistant"), (1, "user"), (2, "assistant")]
    lines = server.log_path.read_text(errors="replace")
    assert "Fatal error" not in lines and "Segmentation fault" not in lines


def test_an_idle_server_exits_zero_promptly_on_sigterm(start_server):
    server = start_server()
    started = time.monotonic()
    server.signal(signal.SIGTERM)
    assert server.proc.wait(timeout=15) == 0
    assert time.monotonic() - started < 10
