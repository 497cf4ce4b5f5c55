"""Fixtures of the operations tests: Showroom processes of their own, their database, a chat store.

Each test that needs a server starts `showroom serve` itself (SHOWROOM_BIN) on a free port of its own
against the end-to-end database (E2E_DATABASE_URL, else DATABASE_URL), so it can stop, signal or
double it without touching the server the other suites use. Logs go to artifacts/ops/<name>.log.
deploy/dev/test.sh exports everything; by hand:

    SHOWROOM_BIN=$(swift build --show-bin-path)/showroom E2E_DATABASE_URL=postgres://... pytest tests/ops

Tests marked `restarts_database` stop and start the PostgreSQL cluster (deploy/dev/pg.sh with
SHOWROOM_PG_ROOT/SHOWROOM_PG_PORT); they are moved to the very end of the whole session.
"""

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from opslib import Chat, ServerProcess, connect, free_port

# The demo catalog's stores; when the database has none of them the tests add a store of their own.
DEMO_STORES = [("sh-pudong", "pk_demo_sh_pudong"), ("sf-bay", "pk_demo_sf_bay")]
OPS_STORE = ("ops-test", "pk_ops_test")


def pytest_configure(config):
    config.addinivalue_line("markers", "restarts_database: stops and restarts PostgreSQL; runs after every other test")


def pytest_collection_modifyitems(session, config, items):
    """Tests that restart the database go last in the whole session, so no other suite sees the outage."""
    items.sort(key=lambda item: item.get_closest_marker("restarts_database") is not None)


@pytest.fixture(scope="session")
def database_url():
    url = os.environ.get("E2E_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if not url:
        pytest.skip("E2E_DATABASE_URL (or DATABASE_URL) is not set")
    return url


@pytest.fixture(scope="session")
def showroom_bin():
    path = os.environ.get("SHOWROOM_BIN")
    if not path or not Path(path).exists():
        pytest.skip("SHOWROOM_BIN is not set (deploy/dev/test.sh sets it)")
    probe = subprocess.run([path, "serve", "--help"], capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        pytest.skip("this build of showroom has no `serve` command yet")
    return path


@pytest.fixture
def db(database_url):
    """An autocommit connection for asserting rows (per test: the restart test breaks connections)."""
    conn = connect(database_url)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def chat_store(database_url):
    """(store_id, publishable_key) of a store that takes chats: a demo store, else one made here."""
    with connect(database_url) as conn:
        for store, key in DEMO_STORES:
            row = conn.execute("SELECT 1 FROM stores WHERE id = %s AND publishable_key = %s", (store, key)).fetchone()
            if row:
                return store, key
        store, key = OPS_STORE
        conn.execute("""
            INSERT INTO stores (id, name, city, currency, locale, timezone, address, phone, hours, tax_profile,
                                allowed_origins, publishable_key, settings)
            VALUES (%s, 'Ops Test Motors', 'Shanghai', 'CNY', 'en', 'Asia/Shanghai', '1 Test Rd', '+86 21 0000 0000',
                    '{"mon":"09:00-21:00","tue":"09:00-21:00","wed":"09:00-21:00","thu":"09:00-21:00",
                      "fri":"09:00-21:00","sat":"09:00-21:00","sun":"09:00-21:00"}',
                    '{"kind":"cn","vat_pct":13,"purchase_tax_pct":10,"fees":[]}',
                    '{http://127.0.0.1:8080}', %s, '{}')
            ON CONFLICT (id) DO NOTHING
            """, (store, key))
        return store, key


@pytest.fixture(scope="session")
def session_secret():
    return os.environ.get("SHOWROOM_SESSION_SECRET") or "ops-secret-" + uuid.uuid4().hex


@pytest.fixture
def start_server(showroom_bin, database_url, session_secret, request):
    """Starts servers for one test (`start_server()`, on a free port), all stopped when it ends."""
    started = []

    def start(name=None, secret=None, env=None, ready=True):
        port = free_port()
        name = f"{request.node.name}-{name or len(started)}"
        server = ServerProcess(showroom_bin, port, database_url, secret or session_secret, name, env)
        started.append(server)
        return server.wait_ready() if ready else server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def chat(chat_store):
    store, key = chat_store
    return lambda base: Chat(base, store, key)
