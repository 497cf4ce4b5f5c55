"""Helpers of the operations tests: server processes, the chat API, assertions on the error shape and on rows."""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("SHOWROOM_ARTIFACTS") or REPO / "artifacts") / "ops"


def connect(url, **kw):
    import psycopg
    kw.setdefault("autocommit", True)
    return psycopg.connect(url, connect_timeout=5, **kw)



def free_port():
    """A loopback port nothing listens on now (several test runs may share this machine)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """One `showroom serve` child process on 127.0.0.1:<port>."""

    def __init__(self, binary, port, database_url, secret, name, extra_env=None):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.log_path = ARTIFACTS / f"{name}.log"
        env = dict(os.environ)
        env.update({
            "DATABASE_URL": database_url, "SHOWROOM_HOST": "127.0.0.1", "SHOWROOM_PORT": str(port),
            "SHOWROOM_SESSION_SECRET": secret, "SHOWROOM_RATE_LIMIT": "off", "SHOWROOM_LOG_FORMAT": "json",
        })
        env.update(extra_env or {})
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([binary, "serve"], cwd=REPO, env=env, stdout=self._log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"showroom serve on :{self.port} exited with {self.proc.returncode}; see {self.log_path}")
            try:
                if requests.get(self.base + "/health/ready", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise AssertionError(f"showroom serve on :{self.port} was not ready in {timeout} s; see {self.log_path}")

    def signal(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)

    def stop(self, timeout=20):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()
        return self.proc.returncode

    def log_lines(self):
        return self.log_path.read_text(errors="replace").splitlines()



class Chat:
    """The public chat API of one server, as the widget uses it (no Origin header: not a browser)."""

    def __init__(self, base, store, key):
        self.base, self.store, self.key = base, store, key

    def create_session(self, base=None):
        r = requests.post((base or self.base) + "/v1/chat/sessions", json={"store_id": self.store, "locale": "en"},
                          headers={"X-Showroom-Key": self.key}, timeout=30)
        assert r.status_code == 201, r.text
        body = r.json()
        return body["session_id"], body["session_token"]

    def send(self, session, token, text, base=None, timeout=60):
        return requests.post(f"{base or self.base}/v1/chat/sessions/{session}/messages", json={"text": text},
                             headers={"Authorization": f"Bearer {token}"}, timeout=timeout)

    def transcript(self, session, token, base=None):
        r = requests.get(f"{base or self.base}/v1/chat/sessions/{session}/messages",
                         headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert r.status_code == 200, r.text
        return r.json()["messages"]



def assert_error_shape(response, status, code=None):
    """The api.md error shape with the given status: JSON, never HTML, never a stack trace."""
    assert response.status_code == status, f"{response.status_code} {response.text[:300]}"
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers.get("Content-Type")
    body = response.json()
    assert set(body) == {"error"}, body
    assert isinstance(body["error"].get("code"), str) and body["error"]["code"], body
    assert isinstance(body["error"].get("message"), str) and body["error"]["message"], body
    assert "<html" not in response.text.lower()
    if code is not None:
        assert body["error"]["code"] == code, body
    return body["error"]


def db_messages(conn, session):
    """(seq, role, text) of a conversation's messages in seq order, straight from the database."""
    return conn.execute("SELECT seq, role, text FROM messages WHERE conversation_id = %s ORDER BY seq",
                        (session,)).fetchall()


def assert_contiguous(conn, session):
    """Seqs are 0..n-1 without gap or duplicate, and the conversation's next_seq is n."""
    rows = db_messages(conn, session)
    seqs = [r[0] for r in rows]
    assert seqs == list(range(len(seqs))), f"seqs not contiguous: {seqs}"
    next_seq = conn.execute("SELECT next_seq FROM conversations WHERE id = %s", (session,)).fetchone()[0]
    assert next_seq == len(seqs)
    return rows
