"""The official Python MCP client (PyPI `mcp`) against `POST /mcp` and `showroom mcp` (stdio)."""

import json
import os

import anyio
import httpx2
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client


async def _with_http_session(base_url, key, body):
    async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {key}"}, timeout=30) as http:
        async with streamable_http_client(f"{base_url}/mcp", http_client=http) as streams:
            read, write = streams[0], streams[1]
            async with ClientSession(read, write) as session:
                await session.initialize()
                return await body(session)


def run(coro_fn):
    return anyio.run(coro_fn)


def _payload(result):
    assert result.content, result
    return json.loads(result.content[0].text)


def test_a_sales_key_lists_customer_tools_but_not_floor_price(base_url, keys):
    async def body(session):
        return [t.name for t in (await session.list_tools()).tools]

    names = run(lambda: _with_http_session(base_url, keys["sales"], body))
    assert "search_inventory" in names
    assert "floor_price" not in names
    manager = run(lambda: _with_http_session(base_url, keys["manager"], body))
    assert "floor_price" in manager


def test_search_inventory_returns_the_stores_units(base_url, keys, fuzz_store):
    async def body(session):
        return await session.call_tool("search_inventory", {"store_id": fuzz_store, "make": "QA Motors"})

    result = run(lambda: _with_http_session(base_url, keys["sales"], body))
    assert not result.is_error, result
    stocks = sorted(v["stock_number"] for v in _payload(result)["vehicles"])
    assert stocks == ["QAF001", "QAF002"]  # the unit on hold is not offered to customers


def test_floor_price_with_a_sales_key_is_refused_as_a_tool_error(base_url, keys, fuzz_store, db):
    async def body(session):
        return await session.call_tool("floor_price", {"store_id": fuzz_store, "stock_number": "QAF001"})

    refused = run(lambda: _with_http_session(base_url, keys["sales"], body))
    assert refused.is_error
    assert _payload(refused)["error"]["code"] == "forbidden_role"
    allowed = run(lambda: _with_http_session(base_url, keys["manager"], body))
    assert not allowed.is_error
    assert _payload(allowed)["floor"] == 30000
    with db.cursor() as cur:
        cur.execute("SELECT error_code FROM tool_calls WHERE tool = 'floor_price' AND store_id = %s ORDER BY id DESC LIMIT 2",
                    (fuzz_store,))
        assert [r[0] for r in cur.fetchall()] == [None, "forbidden_role"]


def test_another_stores_inventory_is_refused(base_url, keys):
    async def body(session):
        return await session.call_tool("search_inventory", {"store_id": "sh-pudong"})

    result = run(lambda: _with_http_session(base_url, keys["sales"], body))
    assert result.is_error
    assert _payload(result)["error"]["code"] in ("forbidden_store", "store_not_found")


def test_an_unknown_tool_is_a_json_rpc_error(base_url, keys):
    from mcp.shared.exceptions import MCPError

    async def body(session):
        try:
            await session.call_tool("launch_rocket", {})
        except MCPError as e:
            return e
        return None

    error = run(lambda: _with_http_session(base_url, keys["sales"], body))
    assert error is not None and error.error.code == -32602


def test_stdio_serves_the_same_registry(showroom_bin, database_url, keys, fuzz_store):
    params = StdioServerParameters(command=showroom_bin, args=["mcp"],
                                   env=dict(os.environ, DATABASE_URL=database_url, SHOWROOM_STAFF_KEY=keys["sales"]))

    async def main():
        async with stdio_client(params) as streams:
            read, write = streams[0], streams[1]
            async with ClientSession(read, write) as session:
                await session.initialize()
                names = [t.name for t in (await session.list_tools()).tools]
                found = await session.call_tool("search_inventory", {"store_id": fuzz_store})
                refused = await session.call_tool("floor_price", {"store_id": fuzz_store, "stock_number": "QAF001"})
                return names, found, refused

    names, found, refused = run(main)
    assert "search_inventory" in names and "floor_price" not in names
    assert not found.is_error and len(_payload(found)["vehicles"]) == 2
    assert refused.is_error


def test_http_without_a_key_is_401(base_url):
    r = httpx2.post(f"{base_url}/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
                    headers={"Accept": "application/json, text/event-stream"})
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthorized"


def test_a_foreign_host_header_is_refused_before_anything_else(base_url, keys):
    r = httpx2.post(f"{base_url}/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
                    headers={"Accept": "application/json", "Host": "evil.example.com", "Authorization": f"Bearer {keys['admin_fuzz']}"})
    assert r.status_code == 421
