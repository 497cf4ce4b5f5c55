"""The staff API over HTTP with keys made by the real CLI: refusals by key, role and store, unit edits,
and a live takeover round trip through the public widget API."""

import requests

from staff_rows import FUZZ_PK


def call(base_url, method, path, key=None, **kw):
    headers = kw.pop("headers", {})
    if key:
        headers["Authorization"] = f"Bearer {key}"
    return requests.request(method, base_url + path, headers=headers, timeout=30, **kw)


def test_requests_without_a_valid_key_are_401_in_the_error_shape(base_url):
    for key in (None, "sk_" + "x" * 40):
        r = call(base_url, "GET", "/v1/staff/inventory", key)
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "unauthorized"


def test_roles_and_stores_are_enforced(base_url, keys, fuzz_store, db):
    # A North American VIN: its check digit (position 9) must be right, as for the feed importer.
    unit = {"store_id": fuzz_store, "stock_number": "QAF900", "vin": "1ZAFZ000300000900", "make": "QA Motors",
            "model": "Fuzzer", "year": 2025, "condition": "new", "list_price": 30500}
    sales = call(base_url, "POST", "/v1/staff/inventory", keys["sales"], json=unit)
    assert sales.status_code == 403 and sales.json()["error"]["code"] == "forbidden"
    other = call(base_url, "GET", "/v1/staff/inventory?store_id=sh-pudong", keys["manager"])
    assert other.status_code == 403 and other.json()["error"]["code"] == "forbidden_store"
    assert call(base_url, "GET", "/v1/staff/analytics", keys["sales"]).status_code == 403
    assert call(base_url, "GET", "/v1/staff/agents", keys["manager"]).status_code == 403
    with db.cursor() as cur:
        cur.execute("SELECT outcome FROM audit_log WHERE action = 'listInventory' AND target = 'sh-pudong' ORDER BY id DESC LIMIT 1")
        assert cur.fetchone()[0] == "forbidden_store"

    wrong = call(base_url, "POST", "/v1/staff/inventory", keys["manager"], json={**unit, "vin": "1ZAFZ000000000900"})
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "vin_check_digit", wrong.text
    created = call(base_url, "POST", "/v1/staff/inventory", keys["manager"], json=unit)
    assert created.status_code == 201, created.text
    assert created.json()["floor_price"] is None
    seen = call(base_url, "GET", "/v1/staff/inventory/QAF900", keys["sales"])
    assert seen.status_code == 200 and "floor_price" not in seen.json()
    patched = call(base_url, "PATCH", "/v1/staff/inventory/QAF900", keys["manager"], json={"status": "sold"})
    assert patched.json()["status"] == "sold"
    assert call(base_url, "DELETE", "/v1/staff/inventory/QAF900", keys["manager"]).status_code == 204
    assert call(base_url, "GET", "/v1/staff/inventory/QAF900", keys["manager"]).status_code == 404


def test_a_takeover_round_trip_through_the_widget_api(base_url, keys, fuzz_store):
    s = requests.post(base_url + "/v1/chat/sessions", json={"store_id": fuzz_store, "locale": "zh-CN"},
                      headers={"X-Showroom-Key": FUZZ_PK}, timeout=30)
    assert s.status_code == 201, s.text
    sid, token = s.json()["session_id"], s.json()["session_token"]
    customer = {"Authorization": f"Bearer {token}"}

    def say(text):
        r = requests.post(f"{base_url}/v1/chat/sessions/{sid}/messages", json={"text": text}, headers=customer, timeout=60)
        assert r.status_code == 200, r.text
        return r.json()

    assert say("转人工")["status"] == "waiting_staff"
    waiting = call(base_url, "GET", f"/v1/staff/conversations?status=waiting_staff&store_id={fuzz_store}", keys["sales"]).json()
    assert sid in [c["id"] for c in waiting["conversations"]]
    assert call(base_url, "POST", f"/v1/staff/conversations/{sid}/takeover", keys["sales"]).json()["status"] == "staff"
    seq = requests.get(f"{base_url}/v1/chat/sessions/{sid}/messages", headers=customer, timeout=30).json()["messages"][-1]["seq"]
    sent = call(base_url, "POST", f"/v1/staff/conversations/{sid}/messages", keys["sales"], json={"text": "您好，我来帮您。"})
    assert sent.status_code == 201
    fresh = requests.get(f"{base_url}/v1/chat/sessions/{sid}/messages?after={seq}", headers=customer, timeout=30).json()
    assert [(m["role"], m["text"]) for m in fresh["messages"]] == [("staff", "您好，我来帮您。")]
    assert call(base_url, "POST", f"/v1/staff/conversations/{sid}/release", keys["sales"]).json()["status"] == "active"
    answer = say("你们几点关门？")
    assert answer["status"] == "active"
    assert answer["messages"][-1]["role"] == "assistant"
