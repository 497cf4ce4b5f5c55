"""Fixtures of the staff-side suites: the running server, staff keys made by the real CLI, and a
scratch store of their own (qa-fuzz) so that the fuzzer and the MCP client never touch demo data.

Environment: SHOWROOM_BASE_URL (default http://127.0.0.1:8080), SHOWROOM_BIN (the built `showroom`
binary, for `keys create` and `mcp`), DATABASE_URL (the server's database).
"""

import os
import subprocess
import time
import uuid

import pytest
import requests

from staff_rows import FUZZ_CONVERSATION, FUZZ_LEAD, FUZZ_PK, FUZZ_STORE


@pytest.fixture(scope="session")
def base_url():
    url = (os.environ.get("SHOWROOM_BASE_URL") or "http://127.0.0.1:8080").rstrip("/")
    try:
        live = requests.get(url + "/health/ready", timeout=5)
    except requests.RequestException as e:
        pytest.exit(f"The Showroom server is not reachable at SHOWROOM_BASE_URL={url} ({type(e).__name__}).", returncode=1)
    if live.status_code != 200:
        pytest.exit(f"{url}/health/ready answered {live.status_code}.", returncode=1)
    return url


@pytest.fixture(scope="session")
def showroom_bin():
    path = os.environ.get("SHOWROOM_BIN")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("SHOWROOM_BIN must name the built showroom binary.", pytrace=False)
    return path


@pytest.fixture(scope="session")
def database_url():
    url = os.environ.get("DATABASE_URL")
    if not url:
        pytest.fail("DATABASE_URL is not set (the server's database).", pytrace=False)
    return url


@pytest.fixture(scope="session")
def db(database_url):
    import psycopg

    conn = psycopg.connect(database_url, autocommit=True, connect_timeout=5)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def fuzz_store(db, base_url, database_url):
    """A store with its own make, model, three units, a lead and a conversation, created from scratch
    (and replaced if left over)."""
    with db.cursor() as cur:
        cur.execute("DELETE FROM stores WHERE id = %s", (FUZZ_STORE,))
        cur.execute(
            """INSERT INTO stores (id, name, city, currency, locale, timezone, address, phone, hours, tax_profile,
                                   allowed_origins, publishable_key, settings)
               VALUES (%s, 'QA Fuzz Motors', 'Testville', 'USD', 'en-US', 'America/New_York', '1 QA Way', '+1 555 0100',
                       '{"mon": "09:00-18:00"}', '{"kind": "us", "sales_tax_pct": 5, "fees": []}', '{}', %s,
                       '{"assistant_enabled": true}')""",
            (FUZZ_STORE, FUZZ_PK),
        )
        cur.execute("INSERT INTO makes (name) VALUES ('QA Motors') ON CONFLICT (name) DO NOTHING")
        cur.execute(
            """INSERT INTO models (make_id, name, body_type, powertrain, seats, search_text)
               SELECT id, 'Fuzzer', 'suv', 'bev', 5, 'qa motors fuzzer' FROM makes WHERE name = 'QA Motors'
               ON CONFLICT (make_id, name) DO NOTHING"""
        )
        restock(cur)
        cur.execute(
            """INSERT INTO leads (id, store_id, contact_key, name, phone, consent, interest, stock_number, note)
               VALUES (%s, %s, 'tel:15550100', 'Quinn Fuzz', '+1 555 0100', true, 'test-drive', 'QAF001', 'weekday evenings')""",
            (FUZZ_LEAD, FUZZ_STORE),
        )
        cur.execute("INSERT INTO conversations (id, store_id, channel, locale, next_seq) VALUES (%s, %s, 'widget', 'en', 2)",
                    (FUZZ_CONVERSATION, FUZZ_STORE))
        cur.execute(
            """INSERT INTO messages (conversation_id, seq, role, agent, text) VALUES
               (%s, 0, 'assistant', 'concierge', 'Hello! How can I help?'), (%s, 1, 'user', NULL, 'Is QAF001 still there?')""",
            (FUZZ_CONVERSATION, FUZZ_CONVERSATION),
        )
    # The public API caches stores for up to 30 s: wait until the widget API knows the new one.
    deadline = time.monotonic() + 45
    while True:
        r = requests.post(base_url + "/v1/chat/sessions", json={"store_id": FUZZ_STORE}, headers={"X-Showroom-Key": FUZZ_PK},
                          timeout=10)
        if r.status_code != 404 or time.monotonic() > deadline:
            assert r.status_code == 201, r.text
            break
        time.sleep(1)
    yield FUZZ_STORE
    import psycopg

    # A fresh connection: the session's may have been cut by a database restart in another suite.
    with psycopg.connect(database_url, autocommit=True, connect_timeout=5) as conn:
        conn.execute("DELETE FROM stores WHERE id = %s", (FUZZ_STORE,))


def restock(cur):
    """(Re)creates the fuzz store's three units QAF001-QAF003 as they started (a fuzzer run may delete or edit them)."""
    cur.execute("DELETE FROM inventory_units WHERE store_id = %s AND stock_number IN ('QAF001', 'QAF002', 'QAF003')", (FUZZ_STORE,))
    for i, (status, price) in enumerate([("available", 31000), ("available", 42000), ("hold", 27500)], start=1):
        cur.execute(
            """INSERT INTO inventory_units (store_id, stock_number, vin, model_id, make, model, trim, year, condition,
                   body_type, powertrain, seats, range_km, currency, list_price, floor_price, cost, status)
               SELECT %s, %s, %s, m.id, 'QA Motors', 'Fuzzer', 'Base', 2025, 'new', 'suv', 'bev', 5, 400, 'USD',
                      %s, %s, %s, %s
               FROM models m JOIN makes mk ON mk.id = m.make_id WHERE mk.name = 'QA Motors' AND m.name = 'Fuzzer'""",
            (FUZZ_STORE, f"QAF00{i}", f"1ZAFZ0000000000{i:02d}", price, price - 1000, price - 3000, status),
        )


def create_key(showroom_bin, database_url, role, stores=()):
    """A new staff key from the real CLI (`showroom keys create` prints it once on stdout)."""
    args = [showroom_bin, "keys", "create", "--role", role, "--label", f"pytest-{role}-{uuid.uuid4().hex[:6]}"]
    for s in stores:
        args += ["--store", s]
    env = dict(os.environ, DATABASE_URL=database_url)
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    key = done.stdout.strip()
    assert key.startswith("sk_"), done.stdout
    return key


@pytest.fixture(scope="session")
def keys(showroom_bin, database_url, fuzz_store):
    """Keys by name: sales and manager limited to the fuzz store, and an admin for every store."""
    return {
        "sales": create_key(showroom_bin, database_url, "sales", [fuzz_store]),
        "manager": create_key(showroom_bin, database_url, "manager", [fuzz_store]),
        "admin_fuzz": create_key(showroom_bin, database_url, "admin", [fuzz_store]),
    }
