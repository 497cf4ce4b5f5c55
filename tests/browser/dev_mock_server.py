#!/usr/bin/env python3
"""DEV AID ONLY — a throwaway stand-in for the Showroom server's public chat API.

It exists so the widget (Sources/ShowroomServer/Public) can be previewed and clicked through in a real
browser before the Swift server is there. It is NOT used by the browser test suite (the tests always
talk to the real server at SHOWROOM_BASE_URL) and it is not a reference implementation: its "agents"
are a dozen lines of keyword matching, its prices are made up.

    python tests/browser/dev_mock_server.py --port 8080
    python tests/browser/dev_mock_server.py --port 8080 --database-url postgres://... --seed

With --database-url, bookings are written to `leads` and `appointments`; with --seed, the v1 schema is
created there (from Sources/ShowroomData/Migration+V1Schema.swift) and a small demo inventory inserted,
so the browser tests can be dry-run end to end against this mock. Use a scratch database.

Dev-only extras: messages "!429", "!500" and "!cut" simulate a rate limit, a server error and a stream
cut mid-answer; POST /dev/sessions/{id}/staff {"text": ...} appends a staff reply (for polling).
"""

import argparse
import json
import random
import re
import secrets
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = ROOT / "Sources" / "ShowroomServer" / "Public"
PAGES = {
    "/": "index.html",
    "/demo/sh-pudong": "demo-sh-pudong.html",
    "/demo/sf-bay": "demo-sf-bay.html",
    "/demo/sh-pudong/vehicle": "demo-sh-pudong-vehicle.html",
}
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}

STORES = {
    "sh-pudong": {"key": "pk_demo_sh_pudong", "currency": "CNY", "offset": 8, "phone": "021-5888-0000",
                  "name": "Meridian Auto Shanghai Pudong", "name_zh": "子午汽车上海浦东店", "locale": "zh-CN", "tz": "Asia/Shanghai"},
    "sf-bay": {"key": "pk_demo_sf_bay", "currency": "USD", "offset": -8, "phone": "+1-415-555-0100",
               "name": "Meridian Auto San Francisco Bay", "name_zh": None, "locale": "en-US", "tz": "America/Los_Angeles"},
}

# store, stock, vin, year, make, model, trim, condition, body, powertrain, range_km, mileage_km, price
UNITS = [
    ("sh-pudong", "SH24001", "LGXCE4CB0R0000011", 2025, "BYD", "Song L", "662km Excellence", "new", "suv", "bev", 662, 0, 189800),
    ("sh-pudong", "SH24002", "LGXCE4CB0R0000012", 2025, "BYD", "Yuan PLUS", "510km Flagship", "new", "suv", "bev", 510, 0, 139800),
    ("sh-pudong", "SH24003", "LFZ63AL50RD000013", 2025, "Aion", "V", "Plus 70", "new", "suv", "bev", 600, 0, 159900),
    ("sh-pudong", "SH24004", "LRW3E7EK0RC000014", 2025, "Tesla", "Model Y", "RWD", "new", "suv", "bev", 554, 0, 249900),
    ("sh-pudong", "SH24005", "LGXCE4CB0R0000015", 2024, "BYD", "Han", "EV 605km", "used", "sedan", "bev", 605, 18000, 159000),
    ("sh-pudong", "SH24006", "LHGRT8H50R0000016", 2025, "Honda", "CR-V", "1.5T 2WD", "new", "suv", "ice", None, 0, 189900),
    ("sf-bay", "SF24001", "5YJYGDEE0RF000021", 2025, "Tesla", "Model Y", "Long Range AWD", "new", "suv", "bev", 526, 0, 47990),
    ("sf-bay", "SF24002", "KM8KN4DE0RU000022", 2025, "Hyundai", "Ioniq 5", "SE", "new", "suv", "bev", 395, 0, 44750),
    ("sf-bay", "SF24003", "3FMTK3SU0RM000023", 2024, "Ford", "Mustang Mach-E", "Select", "cpo", "suv", "bev", 402, 14000, 36900),
    ("sf-bay", "SF24004", "1G1FZ6S00R4000024", 2023, "Chevrolet", "Bolt EUV", "LT", "used", "suv", "bev", 397, 30500, 22400),
    ("sf-bay", "SF24005", "JTMW1RFV0RD000025", 2025, "Toyota", "RAV4", "Hybrid XLE", "new", "suv", "hev", None, 0, 36500),
    ("sf-bay", "SF24006", "5YJ3E1EA0RF000026", 2025, "Tesla", "Model 3", "Long Range", "new", "sedan", "bev", 584, 0, 47490),
]


def card(u):
    store, stock, vin, year, make, model, trim, cond, body, pt, rng, km, price = u
    c = {"type": "vehicle", "stock_number": stock, "vin": vin, "year": year, "make": make, "model": model,
         "trim": trim, "condition": cond, "price": {"amount": price, "currency": STORES[store]["currency"]},
         "body_type": body, "powertrain": pt}
    if rng is not None:
        c["range_km"] = rng
    if cond != "new":
        c["mileage_km"] = km
    return c


class Mock:
    def __init__(self, database_url):
        self.sessions = {}
        self.lock = threading.Lock()
        self.db = database_url

    # --- tiny "agents" ---------------------------------------------------------------------------
    def turn(self, s, text, booking):
        zh = bool(re.search(r"[\u3400-\u9fff]", text))
        store = s["store"]
        units = [u for u in UNITS if u[0] == store]
        low = text.lower()
        stock = next((u for u in units if u[1].lower() in low), None)
        if booking or "试驾" in text or "test drive" in low:
            return self.book(s, zh, booking, stock)
        if "落地" in text or "out-the-door" in low or "out the door" in low or "price" in low or "多少钱" in text:
            u = stock or (s["last"][0] if s["last"] else None)
            if not u:
                return "pricing", "price_quote", [], ("您想了解哪台车的落地价？" if zh else "Which car should I price for you?"), [], []
            return "pricing", "price_quote", ["quote_price"], *self.quote(u, zh)
        if stock:
            s["last"] = [stock]
            c = card(stock)
            txt = (f"{stock[3]} {stock[4]} {stock[5]} {stock[6]}，库存号 {stock[1]}。" if zh
                   else f"The {stock[3]} {stock[4]} {stock[5]} {stock[6]}, stock {stock[1]}.")
            return "catalog", "vehicle_details", ["get_vehicle"], txt, [c], [
                {"type": "book_test_drive", "label": "预约试驾" if zh else "Book a test drive",
                 "value": json.dumps({"stock_number": stock[1], "slots": self.slots(store, stock[1])})}]
        if any(w in low for w in ("suv", "ev", "electric")) or "纯电" in text:
            cap = None
            m = re.search(r"(\d+(?:\.\d+)?)\s*万", text)
            if m:
                cap = float(m.group(1)) * 10000
            m = re.search(r"\$?\s*(\d+(?:\.\d+)?)\s*k\b", low)
            if m:
                cap = float(m.group(1)) * 1000
            hits = [u for u in units if u[8] == "suv" and u[9] == "bev" and (cap is None or u[12] <= cap)]
            hits.sort(key=lambda u: u[12])
            s["last"] = hits
            txt = (f"为您找到 {len(hits)} 台符合条件的纯电 SUV：" if zh else f"I found {len(hits)} electric SUVs that fit:")
            return "catalog", "vehicle_search", ["search_inventory"], txt, [card(u) for u in hits], [
                {"type": "reply", "label": "第一辆落地价多少" if zh else "Out-the-door price of the first one?",
                 "value": "第一辆落地价多少" if zh else "What's the out-the-door price of the first one?"}]
        st = STORES[store]
        txt = ("您好！我可以帮您查现车、算落地价、预约试驾。" if zh else "Hi! I can search our stock, price a car out the door and book a test drive.")
        return "concierge", "greeting", [], txt, [], [
            {"type": "reply", "label": "20万以内的纯电SUV" if zh else "Electric SUVs under $50k",
             "value": "20万以内的纯电SUV有哪些" if zh else "electric SUV under $50k"},
            {"type": "call", "label": "致电门店" if zh else "Call the store", "value": st["phone"]}]

    def quote(self, u, zh):
        store, price, pt = u[0], u[12], u[9]
        if store == "sh-pudong":
            tax = round(price / 1.13 * 0.10, 2)
            if pt in ("bev", "phev", "erev"):
                tax = round(tax - min(tax / 2, 15000), 2)
            lines = [("车价" if zh else "Vehicle price", price), ("购置税" if zh else "Purchase tax", tax),
                     ("上牌费" if zh else "Registration", 500), ("交强险" if zh else "Compulsory insurance", 950)]
            disc = "估算仅供参考，以门店正式报价为准。" if zh else "Estimate only; the store's written quote prevails."
        else:
            lines = [("Vehicle price", price), ("Sales tax (8.625%)", round(price * 0.08625, 2)),
                     ("DMV and registration", 412), ("Documentation fee", 85)]
            disc = "Estimate only; taxes and fees depend on your address."
        total = round(sum(a for _, a in lines), 2)
        cur = STORES[store]["currency"]
        q = {"type": "quote", "lines": [{"label": l, "amount": a} for l, a in lines],
             "total": {"amount": total, "currency": cur}, "disclaimer": disc}
        txt = (f"{u[3]} {u[4]} {u[5]}（{u[1]}）的落地价估算如下：" if zh else f"Here is the out-the-door estimate for the {u[3]} {u[4]} {u[5]} ({u[1]}):")
        return txt, [q], [{"type": "book_test_drive", "label": "预约试驾" if zh else "Book a test drive", "value": u[1]}]

    def slots(self, store, stock=None):
        off = timezone(timedelta(hours=STORES[store]["offset"]))
        day = datetime.now(off).replace(hour=0, minute=0, second=0, microsecond=0)
        taken = set()
        if self.db and stock:
            import psycopg
            with psycopg.connect(self.db) as conn:
                taken = {r[0] for r in conn.execute(
                    "SELECT starts_at FROM appointments WHERE store_id = %s AND stock_number = %s AND status = 'booked'",
                    (store, stock))}
        out = []
        for d in range(1, 8):
            for h in (10, 11, 14, 15, 16):
                t = day + timedelta(days=d, hours=h)
                if t not in taken:
                    out.append(t.isoformat())
        return out[:9]

    def book(self, s, zh, b, stock):
        if not b:
            u = stock or (s["last"][0] if s["last"] else None)
            txt = "好的，请填写试驾信息：" if zh else "Sure — fill in the form to book:"
            return "booking", "test_drive", [], txt, [], [
                {"type": "book_test_drive", "label": "填写预约信息" if zh else "Open booking form",
                 "value": json.dumps({"stock_number": u[1] if u else None, "slots": self.slots(s["store"], u[1] if u else None)})}]
        u = next((x for x in UNITS if x[0] == s["store"] and x[1] == b.get("stock_number")), None)
        if self.db:
            import psycopg
            with psycopg.connect(self.db) as conn:
                digits = re.sub(r"\D", "", b["phone"])
                lead = conn.execute(
                    """INSERT INTO leads (id, store_id, contact_key, name, phone, consent, interest, stock_number, conversation_id)
                       VALUES (%s, %s, %s, %s, %s, true, 'test-drive', %s, %s)
                       ON CONFLICT (store_id, contact_key) DO UPDATE SET updated_at = now() RETURNING id""",
                    (uuid.uuid4(), s["store"], "phone:" + digits, b["name"], b["phone"], b.get("stock_number"), s["id"])).fetchone()[0]
                unit = conn.execute("SELECT id FROM inventory_units WHERE store_id = %s AND stock_number = %s",
                                    (s["store"], b.get("stock_number"))).fetchone()
                start = datetime.fromisoformat(b["start"])
                conn.execute(
                    """INSERT INTO appointments (id, store_id, lead_id, unit_id, stock_number, make, model, name, phone,
                       starts_at, ends_at, locale, conversation_id) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)""",
                    (uuid.uuid4(), s["store"], lead, unit[0] if unit else None, b.get("stock_number"),
                     u[4] if u else None, u[5] if u else None, b["name"], b["phone"], start,
                     start + timedelta(minutes=45), "zh" if zh else "en", s["id"]))
        when = b["start"][:16].replace("T", " ")
        txt = (f"已为您预约 {when} 试驾{u[4] + ' ' + u[5] if u else ''}，顾问会致电 {b['phone']} 确认。" if zh
               else f"You're booked for {when}{' in the ' + u[4] + ' ' + u[5] if u else ''}. We'll call {b['phone']} to confirm.")
        return "booking", "test_drive", ["book_test_drive"], txt, [], []


MOCK = None


class Handler(BaseHTTPRequestHandler):
    server_version = "ShowroomDevMock/0"

    def log_message(self, fmt, *args):
        pass

    def allowed_origin(self):
        origin = self.headers.get("Origin")
        port = self.server.server_address[1]
        ok = (f"http://localhost:{port}", f"http://127.0.0.1:{port}", "http://localhost:8080", "http://127.0.0.1:8080")
        return origin if origin in ok else None

    def cors(self):
        origin = self.allowed_origin()
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
            self.send_header("Access-Control-Expose-Headers", "Retry-After")

    def json(self, status, obj, extra=None):
        body = json.dumps(obj, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.cors()
        self.end_headers()
        self.wfile.write(body)

    def error(self, status, code, message, extra=None):
        self.json(status, {"error": {"code": code, "message": message}}, extra)

    def do_OPTIONS(self):
        self.send_response(204)
        self.cors()
        if self.allowed_origin():
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, X-Showroom-Key, Authorization, Accept")
            self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()

    def session(self, sid):
        with MOCK.lock:
            s = MOCK.sessions.get(sid)
        auth = self.headers.get("Authorization", "")
        if not s:
            self.error(404, "session_not_found", "No such session.")
            return None
        if auth != "Bearer " + s["token"]:
            self.error(401, "unauthorized", "Missing or wrong session token.")
            return None
        return s

    def do_GET(self):
        url = urlparse(self.path)
        path = url.path
        if path in PAGES or (path.startswith("/") and (PUBLIC / path[1:]).is_file() and "/" not in path[1:]):
            f = PUBLIC / PAGES.get(path, path[1:])
            body = f.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", TYPES.get(f.suffix, "application/octet-stream"))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
            return
        if path == "/health/live":
            return self.json(200, {"status": "ok"})
        m = re.fullmatch(r"/v1/chat/sessions/([^/]+)/(messages|slots)", path)
        if m:
            s = self.session(m.group(1))
            if not s:
                return
            if m.group(2) == "messages":
                return self.json(200, {"messages": s["messages"]})
            stock = (parse_qs(url.query).get("stock_number") or [None])[0]
            return self.json(200, {"slots": MOCK.slots(s["store"], stock)})
        self.error(404, "not_found", "Not found.")

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        try:
            return json.loads(self.rfile.read(n) or b"{}")
        except ValueError:
            return None

    def do_POST(self):
        path = urlparse(self.path).path
        data = self.body()
        if data is None:
            return self.error(400, "invalid_json", "The body is not valid JSON.")
        if self.headers.get("Origin") and not self.allowed_origin():
            return self.error(403, "origin_not_allowed", "This origin may not use the key.")
        if path == "/v1/chat/sessions":
            store = STORES.get(data.get("store_id"))
            if not store or self.headers.get("X-Showroom-Key") != store["key"]:
                return self.error(401, "invalid_key", "Unknown store or publishable key.")
            sid, token = str(uuid.uuid4()), secrets.token_urlsafe(24)
            zh = (data.get("locale") or "").startswith("zh")
            stock = data.get("stock_number")
            greet = ("您好，我是子午汽车的在线顾问，想看什么车？" if zh else "Hi! I'm the dealership's assistant. What are you looking for?")
            if stock:
                greet = (f"您好！您正在看库存号 {stock} 这台车，想了解续航、落地价还是预约试驾？" if zh
                         else f"Hi! You're looking at stock {stock}. Range, price or a test drive?")
            g = {"role": "assistant", "agent": "concierge", "text": greet, "cards": [], "actions": [], "seq": 0}
            with MOCK.lock:
                MOCK.sessions[sid] = {"id": sid, "token": token, "store": data["store_id"], "messages": [g], "last": []}
            return self.json(201, {"session_id": sid, "session_token": token, "greeting": g})
        m = re.fullmatch(r"/dev/sessions/([^/]+)/staff", path)
        if m and m.group(1) in MOCK.sessions:
            s = MOCK.sessions[m.group(1)]
            s["messages"].append({"role": "staff", "agent": None, "text": data.get("text", ""), "cards": [], "actions": [],
                                  "seq": len(s["messages"])})
            return self.json(201, {"ok": True})
        m = re.fullmatch(r"/v1/chat/sessions/([^/]+)/messages", path)
        if not m:
            return self.error(404, "not_found", "Not found.")
        s = self.session(m.group(1))
        if not s:
            return
        text = (data.get("text") or "").strip()
        if not text:
            return self.error(400, "empty_message", "Say something.")
        if text == "!429":
            return self.error(429, "rate_limited", "Slow down.", {"Retry-After": "7"})
        if text == "!500":
            return self.error(500, "internal", "Boom.")
        agent, intent, tools, reply, cards, actions = MOCK.turn(s, text, data.get("booking"))
        user = {"role": "user", "agent": None, "text": text, "cards": [], "actions": [], "seq": len(s["messages"])}
        answer = {"role": "assistant", "agent": agent, "text": reply, "cards": cards, "actions": actions, "seq": len(s["messages"]) + 1}
        cut = text == "!cut"
        if not cut:
            s["messages"] += [user, answer]
        result = {"turn_id": str(uuid.uuid4()), "intent": intent, "agent": agent, "messages": [answer]}
        if "text/event-stream" not in (self.headers.get("Accept") or ""):
            return self.json(200, result)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.cors()
        self.end_headers()
        out = []

        def ev(name, obj):
            out.append(f"event: {name}\ndata: {json.dumps(obj, ensure_ascii=False)}\n\n")

        ev("route", {"intent": intent, "agent": agent})
        for t in tools:
            ev("tool", {"name": t, "status": "started"})
            out.append(": heartbeat\n\n")
            ev("tool", {"name": t, "status": "done"})
        for i in range(0, len(reply), 6):
            ev("delta", {"text": reply[i:i + 6]})
        for c in cards:
            ev("card", c)
        if not cut:
            ev("done", result)
        raw = "".join(out).encode()
        try:
            i = 0
            while i < len(raw):  # odd chunk sizes: the parser must not care where chunks break
                n = random.randint(3, 90)
                self.wfile.write(raw[i:i + n])
                self.wfile.flush()
                i += n
                time.sleep(0.015)
        except (BrokenPipeError, ConnectionResetError):
            pass


def seed(url):
    import psycopg
    swift = (ROOT / "Sources" / "ShowroomData" / "Migration+V1Schema.swift").read_text()
    sql = swift.split('#"""', 1)[1].rsplit('"""#', 1)[0]
    with psycopg.connect(url, autocommit=True) as conn:
        if conn.execute("SELECT to_regclass('public.stores')").fetchone()[0] is None:
            conn.execute(sql)
        for sid, st in STORES.items():
            conn.execute(
                """INSERT INTO stores (id, name, name_zh, city, currency, locale, timezone, address, phone, hours, tax_profile, publishable_key)
                   VALUES (%s, %s, %s, %s, %s, %s, %s, 'demo', %s, '{}', '{}', %s) ON CONFLICT (id) DO NOTHING""",
                (sid, st["name"], st["name_zh"], sid, st["currency"], st["locale"], st["tz"], st["phone"], st["key"]))
        for u in UNITS:
            store, stock, vin, year, make, model, trim, cond, body, pt, rng, km, price = u
            conn.execute("INSERT INTO makes (name) VALUES (%s) ON CONFLICT (name) DO NOTHING", (make,))
            conn.execute("""INSERT INTO models (make_id, name, body_type, powertrain)
                            SELECT id, %s, %s, %s FROM makes WHERE name = %s ON CONFLICT (make_id, name) DO NOTHING""",
                         (model, body, pt, make))
            conn.execute(
                """INSERT INTO inventory_units (store_id, stock_number, vin, model_id, make, model, trim, year, condition,
                   body_type, powertrain, range_km, mileage_km, currency, list_price)
                   SELECT %s, %s, %s, m.id, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s
                   FROM models m JOIN makes k ON k.id = m.make_id WHERE k.name = %s AND m.name = %s
                   ON CONFLICT (store_id, stock_number) DO NOTHING""",
                (store, stock, vin, make, model, trim, year, cond, body, pt, rng, km, STORES[store]["currency"], price, make, model))


def main():
    global MOCK
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--database-url")
    ap.add_argument("--seed", action="store_true")
    a = ap.parse_args()
    if a.seed and a.database_url:
        seed(a.database_url)
    MOCK = Mock(a.database_url)
    print(f"DEV MOCK (not the Showroom server) on http://{a.host}:{a.port}/", flush=True)
    ThreadingHTTPServer((a.host, a.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
