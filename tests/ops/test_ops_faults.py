"""Bad requests get the api.md error shape with a fitting 4xx: never a 500, never HTML."""

import json
import socket

import pytest
import requests

from opslib import ServerProcess, assert_error_shape, free_port


@pytest.fixture(scope="module")
def server(showroom_bin, database_url, session_secret, chat_store):
    s = ServerProcess(showroom_bin, free_port(), database_url, session_secret, "faults").wait_ready()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def session(server, chat_store):
    store, key = chat_store
    r = requests.post(server.base + "/v1/chat/sessions", json={"store_id": store}, headers={"X-Showroom-Key": key}, timeout=30)
    assert r.status_code == 201, r.text
    return r.json()["session_id"], r.json()["session_token"]


def post_raw(server, session, body, content_type="application/json", token=None, path=None):
    sid, tok = session
    return requests.post(server.base + (path or f"/v1/chat/sessions/{sid}/messages"), data=body,
                         headers={"Authorization": f"Bearer {token or tok}", "Content-Type": content_type}, timeout=30)


def test_an_oversized_body_is_413(server, session):
    e = assert_error_shape(post_raw(server, session, b'{"text":"' + b"a" * 200_000 + b'"}'), 413)
    assert e["code"] == "body_too_large"


def test_a_body_far_over_the_upload_limit_is_413_too(server, session):
    assert_error_shape(post_raw(server, session, b"x" * (9 * 1024 * 1024)), 413)


def test_huge_text_under_the_body_limit_is_413_message_too_long(server, session):
    assert_error_shape(post_raw(server, session, json.dumps({"text": "车" * 5000}).encode()), 413, "message_too_long")


@pytest.mark.parametrize("body", [b'{"text": "hel', b'{"text": "hello"', b"{", b'{"text": "a" "b"}'], ids=str)
def test_truncated_or_broken_json_is_400(server, session, body):
    assert_error_shape(post_raw(server, session, body), 400, "invalid_json")


def test_invalid_utf8_is_400(server, session):
    assert_error_shape(post_raw(server, session, b'{"text": "caf\xc3\x28 \xff\xfe"}'), 400, "invalid_utf8")


@pytest.mark.parametrize("body", [b"[1, 2]", b'"hello"', b"42", b"null", b"true"], ids=str)
def test_json_that_is_not_an_object_is_400(server, session, body):
    assert_error_shape(post_raw(server, session, body), 400, "invalid_json")


@pytest.mark.parametrize("body,ctype", [
    (b"text=hello", "application/x-www-form-urlencoded"),
    (b"hello there", "text/plain"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
], ids=["form", "plain", "binary"])
def test_wrong_content_is_400(server, session, body, ctype):
    r = post_raw(server, session, body, content_type=ctype)
    assert r.status_code in (400, 415), r.text
    assert_error_shape(r, r.status_code)


@pytest.mark.parametrize("body", [b'{"text": 42}', b'{"text": ["a"]}', b"{}", b'{"text": "   "}'], ids=str)
def test_a_missing_or_mistyped_text_is_400(server, session, body):
    assert_error_shape(post_raw(server, session, body), 400)


def test_an_unknown_session_is_404(server, session):
    assert_error_shape(post_raw(server, session, b'{"text":"hi"}', path="/v1/chat/sessions/not-a-session/messages"), 404)


def test_a_session_that_no_longer_exists_is_404(server, session, chat_store, db):
    store, key = chat_store
    r = requests.post(server.base + "/v1/chat/sessions", json={"store_id": store}, headers={"X-Showroom-Key": key}, timeout=30)
    sid, token = r.json()["session_id"], r.json()["session_token"]
    db.execute("DELETE FROM conversations WHERE id = %s", (sid,))
    assert_error_shape(post_raw(server, (sid, token), b'{"text":"hello"}'), 404)
    assert_error_shape(requests.get(f"{server.base}/v1/chat/sessions/{sid}/messages",
                                    headers={"Authorization": f"Bearer {token}"}, timeout=30), 404)


@pytest.mark.parametrize("token", ["garbage", "v1.x.y.z.w", ""], ids=["garbage", "forged", "empty"])
def test_a_wrong_token_is_401(server, session, token):
    sid, _ = session
    r = requests.post(f"{server.base}/v1/chat/sessions/{sid}/messages", json={"text": "hi"},
                      headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert_error_shape(r, 401)
    r = requests.post(f"{server.base}/v1/chat/sessions/{sid}/messages", json={"text": "hi"}, timeout=30)
    assert_error_shape(r, 401)


def test_another_sessions_token_is_403(server, session, chat_store):
    store, key = chat_store
    r = requests.post(server.base + "/v1/chat/sessions", json={"store_id": store}, headers={"X-Showroom-Key": key}, timeout=30)
    other_token = r.json()["session_token"]
    sid, _ = session
    assert_error_shape(post_raw(server, session, b'{"text":"hi"}', token=other_token), 403)
    assert_error_shape(requests.get(f"{server.base}/v1/chat/sessions/{sid}/messages",
                                    headers={"Authorization": f"Bearer {other_token}"}, timeout=30), 403)


def test_session_creation_errors_have_the_shape(server, chat_store):
    store, key = chat_store
    url = server.base + "/v1/chat/sessions"
    assert_error_shape(requests.post(url, json={"store_id": store}, timeout=30), 401)
    assert_error_shape(requests.post(url, json={"store_id": store}, headers={"X-Showroom-Key": "pk_wrong"}, timeout=30), 401)
    assert_error_shape(requests.post(url, json={"store_id": "no-such-store"}, headers={"X-Showroom-Key": key}, timeout=30), 404)
    assert_error_shape(requests.post(url, data=b'{"store_id": ', headers={"X-Showroom-Key": key}, timeout=30), 400)


def test_unknown_paths_and_methods_answer_json(server):
    assert_error_shape(requests.get(server.base + "/v1/no/such/thing", timeout=30), 404)
    r = requests.delete(server.base + "/v1/chat/sessions", timeout=30)
    assert r.status_code in (404, 405)
    assert_error_shape(r, r.status_code)


def test_a_request_id_is_echoed_or_made(server):
    r = requests.get(server.base + "/health/live", headers={"X-Request-Id": "ops-test-42"}, timeout=30)
    assert r.headers.get("X-Request-Id") == "ops-test-42"
    made = requests.get(server.base + "/health/live", timeout=30).headers.get("X-Request-Id")
    assert made and len(made) >= 16
    unsafe = requests.get(server.base + "/health/live", headers={"X-Request-Id": "a b<script>"}, timeout=30)
    assert unsafe.headers.get("X-Request-Id") not in (None, "a b<script>")


def test_a_client_that_hangs_up_mid_body_does_not_break_the_server(server, session):
    sid, token = session
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
        s.sendall((f"POST /v1/chat/sessions/{sid}/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                   f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
                   "Content-Length: 1000\r\n\r\n{\"text\": \"hel").encode())
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
        s.sendall(b"GARBAGE\r\n\r\n")
        s.settimeout(5)
        try:
            s.recv(1024)
        except (socket.timeout, ConnectionResetError):
            pass
    assert requests.get(server.base + "/health/live", timeout=10).status_code == 200


def test_logs_are_json_lines_with_request_ids_and_no_customer_text(server, session):
    sid, token = session
    secret = "my phone is 13912345678 and mail zed@example.org"
    r = requests.post(f"{server.base}/v1/chat/sessions/{sid}/messages", json={"text": secret},
                      headers={"Authorization": f"Bearer {token}", "X-Request-Id": "ops-log-check"}, timeout=60)
    assert r.status_code == 200, r.text
    lines = server.log_lines()
    records = [json.loads(line) for line in lines if line.startswith("{")]
    assert records and len(records) == len([line for line in lines if line.strip()]), "every log line is one JSON object"
    for rec in records:
        assert {"ts", "level", "label", "message"} <= set(rec)
    mine = [rec for rec in records if rec.get("metadata", {}).get("request_id") == "ops-log-check"]
    assert mine, "the request's lines carry its request_id"
    assert any(rec["metadata"].get("conversation_id") == sid for rec in mine), "chat lines carry the conversation_id"
    text = "\n".join(lines)
    assert "13912345678" not in text and "zed@example.org" not in text and secret not in text
