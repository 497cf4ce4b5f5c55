import json
import os
import re
import subprocess

import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def model_server(cmd):
    """deploy/dev/model-server.sh start|stop|status (installs into .venv-llm/ on first use)."""
    return subprocess.run(["bash", os.path.join(ROOT, "deploy", "dev", "model-server.sh"), cmd],
                          capture_output=True, text=True, timeout=1800)

KEYS = {"sh-pudong": "pk_demo_sh_pudong", "sf-bay": "pk_demo_sf_bay"}
MONEY = re.compile(r"(?:[¥$￥]\s?([0-9][0-9,]*(?:\.[0-9]+)?)(\s?[kK万](?![A-Za-z]))?)|([0-9][0-9,]*(?:\.[0-9]+)?)\s?(?:元|万)")


def session(base, store):
    r = requests.post(f"{base}/v1/chat/sessions", json={"store_id": store}, headers={"X-Showroom-Key": KEYS[store]}, timeout=30)
    assert r.status_code == 201, r.text
    j = r.json()
    return j["session_id"], {"Authorization": f"Bearer {j['session_token']}"}


def say(base, sid, auth, text, timeout=180):
    r = requests.post(f"{base}/v1/chat/sessions/{sid}/messages", json={"text": text}, headers=auth, timeout=timeout)
    assert r.status_code == 200, f"{text!r}: {r.status_code} {r.text[:300]}"
    return r.json()


def say_streamed(base, sid, auth, text, timeout=180, on_event=None):
    headers = dict(auth, Accept="text/event-stream")
    events = []
    with requests.post(f"{base}/v1/chat/sessions/{sid}/messages", json={"text": text}, headers=headers,
                       stream=True, timeout=timeout) as r:
        assert r.status_code == 200, r.text[:300]
        name, data = None, []
        for raw in r.iter_lines(decode_unicode=True):
            if raw is None:
                continue
            if raw == "":
                if name:
                    events.append((name, json.loads("\n".join(data))))
                    if on_event:
                        on_event(name)
                name, data = None, []
            elif raw.startswith("event: "):
                name = raw[7:]
            elif raw.startswith("data: "):
                data.append(raw[6:])
    return events


def amounts(text):
    """Money amounts written in a reply (¥/$ prefixed or 元/万 suffixed), as floats."""
    out = []
    for m in MONEY.finditer(text):
        raw = (m.group(1) or m.group(3)).replace(",", "")
        value = float(raw)
        suffix = (m.group(2) or "").strip() if m.group(1) else ("万" if "万" in m.group(0) else "")
        if suffix == "万":
            value *= 10000
        elif suffix in ("k", "K"):
            value *= 1000
        out.append(value)
    return out


def numbers_in(value, acc=None):
    acc = set() if acc is None else acc
    if isinstance(value, bool):
        return acc
    if isinstance(value, (int, float)):
        acc.add(round(abs(float(value)), 2))
    elif isinstance(value, str):
        for a in amounts(value):
            acc.add(round(a, 2))
    elif isinstance(value, list):
        for v in value:
            numbers_in(v, acc)
    elif isinstance(value, dict):
        for v in value.values():
            numbers_in(v, acc)
    return acc


def grounded_numbers(db, conversation_id):
    """What a reply may state as an amount, by the product's rule (ReplyGuard): numbers in this
    conversation's tool results, and the customer's own amounts (their budget: "under $60k")."""
    rows = db.execute("SELECT result FROM tool_calls WHERE conversation_id = %s AND ok", (conversation_id,)).fetchall()
    acc = set()
    for (result,) in rows:
        numbers_in(result, acc)
    said = db.execute("SELECT text FROM messages WHERE conversation_id = %s AND role = 'user'", (conversation_id,)).fetchall()
    for (text,) in said:
        for a in amounts(text):
            acc.add(round(a, 2))
    return acc
