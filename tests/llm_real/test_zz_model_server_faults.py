"""The model server killed mid-stream, then absent: turns still complete through the fallback,
and /metrics shows the fallbacks. Runs after the other real-model tests (file name order)."""
import threading
import time

import requests

from llm_helpers import model_server, say, say_streamed, session


def fallback_count(base):
    text = requests.get(base + "/metrics", timeout=10).text
    total = 0.0
    for line in text.splitlines():
        if line.startswith("showroom_llm_fallbacks_total") or line.startswith("showroom_turn_fallbacks_total"):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_killed_mid_stream_then_absent(llm_server, db):
    before = fallback_count(llm_server)
    sid, auth = session(llm_server, "sf-bay")
    killed = threading.Event()

    def kill_on_route(name):
        if name == "route" and not killed.is_set():
            killed.set()
            threading.Thread(target=lambda: model_server("stop"), daemon=True).start()

    events = say_streamed(llm_server, sid, auth, "electric SUV under $60k", on_event=kill_on_route)
    assert killed.is_set()
    assert events[-1][0] == "done", [n for n, _ in events]
    assert events[-1][1]["messages"][-1]["text"].strip()

    time.sleep(1)
    answer = say(llm_server, sid, auth, "What's the out-the-door price of SF24001?")
    assert answer["messages"][-1]["text"].strip()
    fell_back = db.execute("SELECT fallback FROM turns WHERE id = %s", (answer["turn_id"],)).fetchone()[0]
    assert fell_back, "with the model server absent the turn is answered by the fallback"
    assert fallback_count(llm_server) > before, "/metrics shows the fallbacks"
