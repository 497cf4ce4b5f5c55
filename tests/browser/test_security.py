"""A publishable key works only from its store's allowed origins."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from widget_page import Widget

STRANGER = "http://evil.example"
DEMO_ORIGIN = "http://localhost:8080"  # api.md: the demo stores allow it


def preflight(base_url, origin):
    return requests.options(base_url + "/v1/chat/sessions", timeout=10, headers={
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-showroom-key",
    })


def test_preflight_from_a_stranger_origin_gets_no_cors_grant(base_url):
    r = preflight(base_url, STRANGER)
    assert "Access-Control-Allow-Origin" not in r.headers, r.headers


def test_preflight_from_the_demo_origin_is_granted(base_url):
    r = preflight(base_url, DEMO_ORIGIN)
    assert r.status_code in (200, 204), r.status_code
    assert r.headers.get("Access-Control-Allow-Origin") == DEMO_ORIGIN
    allowed = r.headers.get("Access-Control-Allow-Headers", "").lower()
    assert "x-showroom-key" in allowed and "content-type" in allowed, allowed


@pytest.mark.parametrize("origin,store,key", [
    (STRANGER, "sh-pudong", "pk_demo_sh_pudong"),
    (DEMO_ORIGIN, "sh-pudong", "pk_demo_sf_bay"),  # another store's key
], ids=["stranger-origin", "wrong-store-key"])
def test_session_creation_is_refused(base_url, origin, store, key):
    r = requests.post(base_url + "/v1/chat/sessions", timeout=10, json={"store_id": store, "locale": "en"},
                      headers={"Origin": origin, "X-Showroom-Key": key})
    assert r.status_code in (401, 403), f"{r.status_code} {r.text[:200]}"
    error = r.json().get("error", {})
    assert error.get("code") and error.get("message"), f"not the error shape: {r.text[:200]}"
    if origin == STRANGER:
        assert "Access-Control-Allow-Origin" not in r.headers


@pytest.fixture
def stranger_page(base_url):
    """A page on an origin the store never allowed, embedding the widget from the real server."""
    html = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not a dealer</title></head>'
            f'<body><h1>Somebody else\'s site</h1>'
            f'<script src="{base_url}/widget.js" data-store="sf-bay" data-key="pk_demo_sf_bay" async></script>'
            f'</body></html>').encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_the_widget_on_a_stranger_site_cannot_open_a_session(stranger_page, driver, shot):
    w = Widget(driver).load(stranger_page)
    w.open()
    shot(driver, "stranger-page")
    assert w.error_notices(), "the widget should say the assistant is unavailable"
    assert w.stored_session() is None, "no session may be created from a stranger origin"
    assert not w.message_elements(), "no greeting from a session that must not exist"
