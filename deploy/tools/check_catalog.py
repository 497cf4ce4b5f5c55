#!/usr/bin/env python3
"""Validates the demo catalog (catalog/stores.yaml, models.yaml, inventory.csv).

Checks the file formats of notes/catalog-format.md and the content demo-catalog.md asks for:
every make and model of the spec's table with its Chinese name and the required fields,
trims with price, range or fuel use, power, dimensions and drivetrain; inventory rows that
name an existing make/model/trim priced in the store's currency; VINs with a valid check
digit and matching model-year code, unique; stock numbers unique per store; at least 150
units, new and used, in both stores; stores whose assistant answers at any hour (the chat
tests run whenever CI does).

Usage: deploy/tools/check_catalog.py [--catalog DIR] [--spec demo-catalog.md]
Exit status 0 when the catalog passes, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import pathlib
import re
import sys
import zoneinfo

from catalog_lib import (BODY_TYPES, CATALOG, CONDITIONS, DRIVETRAINS, ELECTRIC, INVENTORY_HEADER, POWERTRAINS,
                         PRICE_KEY, REPO, STATUSES, effective, load_yaml, trim_rows, vin_check_digit, vin_year_code)

MIN_UNITS = 150
SPEC_CANDIDATES = [REPO / "docs" / "spec" / "demo-catalog.md", pathlib.Path("/work/shared/spec/demo-catalog.md")]
# Fallback copy of the spec's two tables, used only when the spec file is not at hand (e.g. in CI).
SPEC_FALLBACK = """
| `sh-pudong` | Shanghai | CNY | zh | China |
| `sf-bay` | San Francisco | USD | en | US/California |
| Hyptec | 昊铂 | GT, HT, SSR, HL |
| Aion | 埃安 | S (AION S), Y (AION Y), V (AION V), UT |
| BYD | 比亚迪 | Han 汉, Qin PLUS 秦PLUS, Song PLUS 宋PLUS, Song L 宋L, Seal 海豹, Dolphin 海豚, Seagull 海鸥, Tang 唐, Yuan PLUS 元PLUS |
| Tesla | 特斯拉 | Model 3, Model Y, Model S, Model X |
| Xiaomi | 小米 | SU7, YU7 |
| Li Auto | 理想 | L6, L7, L8, L9, MEGA |
| NIO | 蔚来 | ES6, ET5, EC6, ES8 |
| XPeng | 小鹏 | P7, G6, G9, MONA M03 |
| AITO | 问界 | M5, M7, M9 |
| Zeekr | 极氪 | 001, 007, 7X |
| Toyota | 丰田 | Camry 凯美瑞, Corolla 卡罗拉, RAV4 (RAV4荣放), Highlander 汉兰达, Sienna 赛那, Prius 普锐斯 |
| Honda | 本田 | Accord 雅阁, Civic 思域, CR-V, Odyssey 奥德赛 |
| Volkswagen | 大众 | Lavida 朗逸, Passat 帕萨特, Tiguan L 途观L, ID.4 |
| BMW | 宝马 | 3 Series 3系, 5 Series 5系, X3, i4 |
| Mercedes-Benz | 奔驰 | C-Class C级, E-Class E级, GLC |
| Ford | 福特 | F-150, Mustang Mach-E, Explorer 探险者 |
| Chevrolet | 雪佛兰 | Equinox 探界者, Silverado, Bolt EUV |
| Hyundai | 现代 | Ioniq 5, Tucson 途胜 |
"""

MAKE_KEYS = {"make", "name_zh", "aliases", "country", "models"}
MODEL_KEYS = {"model", "name_zh", "aliases", "body_type", "powertrain", "seats", "trims"}
TRIM_KEYS = {"trim", "year", "powertrain", "drivetrain", "seats", "body_type", "price_cny", "price_usd", "range_km",
             "fuel_l_100km", "kwh_100km", "power_kw", "battery_kwh", "length_mm", "width_mm", "height_mm",
             "wheelbase_mm", "accel_0_100_s"}
# Plausible bounds of numeric trim fields (inclusive).
BOUNDS = {"year": (1990, 2030), "seats": (1, 12), "price_cny": (20_000, 5_000_000), "price_usd": (5_000, 1_000_000),
          "range_km": (30, 1200), "fuel_l_100km": (1.0, 25.0), "kwh_100km": (8.0, 40.0), "power_kw": (30, 1500),
          "battery_kwh": (5.0, 250.0), "length_mm": (3000, 6500), "width_mm": (1400, 2300),
          "height_mm": (1000, 2200), "wheelbase_mm": (2000, 4200), "accel_0_100_s": (1.5, 20.0)}
REQUIRED_TRIM = ["trim", "year", "drivetrain", "power_kw", "length_mm", "width_mm", "height_mm", "wheelbase_mm"]
STORE_KEYS = {"id", "name", "name_zh", "city", "currency", "locale", "timezone", "address", "phone", "email",
              "publishable_key", "allowed_origins", "hours", "tax_profile", "settings", "promotions"}
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
CJK = re.compile(r"[\u3400-\u9fff]")
QUIET = re.compile(r"([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d")  # may pass midnight
HOURS = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$")


def norm(text: str) -> str:
    """Alias comparison key: case-folded, inner whitespace collapsed."""
    return " ".join(str(text).casefold().split())


def parse_date(text) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        return None


class Checker:
    def __init__(self, catalog: pathlib.Path, spec_text: str):
        self.catalog = catalog
        self.spec_text = spec_text
        self.errors: list[str] = []
        self.notes: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    # ------------------------------------------------------------------ spec
    def spec_tables(self):
        """Required stores {id: currency} and models [(make, make_zh, model, zh_or_alias_list)]."""
        stores, models = {}, []
        for line in self.spec_text.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 3 and re.fullmatch(r"`[a-z0-9-]+`", cells[0]) and cells[2] in PRICE_KEY:
                stores[cells[0].strip("`")] = cells[2]
            elif len(cells) == 3 and CJK.search(cells[1]) and not cells[0].startswith("-") and cells[0] != "make":
                for item in (i.strip() for i in cells[2].split(",")):
                    words, extra = [], []
                    for token in item.split():
                        (extra if extra or CJK.search(token) or token.startswith("(") else words).append(token)
                    models.append((cells[0], cells[1], " ".join(words), " ".join(extra).strip("()")))
        return stores, models

    # ------------------------------------------------------------------ models.yaml
    def check_models(self, doc, spec_models):
        makes = {}
        alias_owner: dict[str, str] = {}

        def claim(key: str, owner: str, where: str):
            k = norm(key)
            if k in alias_owner and alias_owner[k] != owner:
                self.error(where, f"alias/name '{key}' also names {alias_owner[k]}")
            alias_owner.setdefault(k, owner)

        for make in doc.get("makes") or []:
            name = make.get("make")
            where = f"models.yaml make {name!r}"
            if not isinstance(name, str) or not name:
                self.error(where, "make name missing")
                continue
            if name in makes:
                self.error(where, "duplicate make")
            makes[name] = make
            for key in set(make) - MAKE_KEYS:
                self.error(where, f"unknown key '{key}'")
            if not make.get("name_zh"):
                self.error(where, "name_zh missing")
            if not re.fullmatch(r"[A-Z]{2}", str(make.get("country", ""))):
                self.error(where, "country must be a two-letter code")
            for alias in [name, make.get("name_zh")] + list(make.get("aliases") or []):
                if alias:
                    claim(alias, f"make {name}", where)
            models = {}
            for model in make.get("models") or []:
                mname = model.get("model")
                mwhere = f"models.yaml {name} {mname!r}"
                if not isinstance(mname, str) or not mname:
                    self.error(mwhere, "model name missing or not a string (quote names like \"001\")")
                    continue
                if mname in models:
                    self.error(mwhere, "duplicate model")
                models[mname] = model
                self.check_model(name, model, mwhere)
                owner = f"model {name} {mname}"
                for alias in [mname, model.get("name_zh")] + list(model.get("aliases") or []):
                    if alias and not isinstance(alias, str):
                        self.error(mwhere, f"alias {alias!r} is not a string")
                    elif alias and norm(alias) != norm(name):
                        claim(alias, owner, mwhere)
            make["_models"] = models
        for make_name, make_zh, model_name, zh in spec_models:
            where = f"spec {make_name} {model_name}"
            make = makes.get(make_name)
            if make is None:
                self.error(where, "make missing from models.yaml")
                continue
            if make.get("name_zh") != make_zh:
                self.error(where, f"make name_zh is {make.get('name_zh')!r}, spec says {make_zh!r}")
            model = make["_models"].get(model_name)
            if model is None:
                self.error(where, "model missing from models.yaml")
                continue
            known = {norm(model.get("name_zh", ""))} | {norm(a) for a in model.get("aliases") or []}
            if zh and norm(zh) not in known:
                self.error(where, f"spec name '{zh}' is neither name_zh nor an alias")
        return makes

    def check_model(self, make: str, model: dict, where: str):
        for key in set(model) - MODEL_KEYS:
            self.error(where, f"unknown key '{key}'")
        if not model.get("name_zh"):
            self.error(where, "name_zh missing")
        if model.get("body_type") not in BODY_TYPES:
            self.error(where, f"body_type {model.get('body_type')!r} not one of {sorted(BODY_TYPES)}")
        if model.get("powertrain") not in POWERTRAINS:
            self.error(where, f"powertrain {model.get('powertrain')!r} not one of {sorted(POWERTRAINS)}")
        if not isinstance(model.get("seats"), int) or not 1 <= model["seats"] <= 12:
            self.error(where, "seats must be an integer 1-12")
        trims = model.get("trims") or []
        if not trims:
            self.error(where, "no trims")
        names = collections.Counter(t.get("trim") for t in trims)
        for trim_name, count in names.items():
            if count > 1:
                self.error(where, f"trim '{trim_name}' appears {count} times (the importer matches make/model/trim)")
        for trim in trims:
            self.check_trim(model, trim, f"{where} trim {trim.get('trim')!r}")

    def check_trim(self, model: dict, trim: dict, where: str):
        for key in set(trim) - TRIM_KEYS:
            self.error(where, f"unknown key '{key}'")
        for key in REQUIRED_TRIM:
            if trim.get(key) in (None, ""):
                self.error(where, f"{key} missing")
        if not isinstance(trim.get("trim"), str):
            self.error(where, "trim name must be a string")
        for key, (low, high) in BOUNDS.items():
            value = trim.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
                self.error(where, f"{key} {value!r} outside {low}-{high}")
        if not trim.get("price_cny") and not trim.get("price_usd"):
            self.error(where, "needs price_cny or price_usd")
        powertrain = effective(model, trim, "powertrain")
        if powertrain not in POWERTRAINS:
            self.error(where, f"powertrain {powertrain!r} invalid")
        if trim.get("drivetrain") not in DRIVETRAINS:
            self.error(where, f"drivetrain {trim.get('drivetrain')!r} not one of {sorted(DRIVETRAINS)}")
        if trim.get("body_type") is not None and trim["body_type"] not in BODY_TYPES:
            self.error(where, f"body_type {trim['body_type']!r} invalid")
        if powertrain in ELECTRIC and not trim.get("range_km"):
            self.error(where, f"{powertrain} trim needs range_km (electric range)")
        if powertrain in {"ice", "hev"}:
            if not trim.get("fuel_l_100km"):
                self.error(where, f"{powertrain} trim needs fuel_l_100km")
            if trim.get("range_km") or trim.get("battery_kwh"):
                self.error(where, f"{powertrain} trim has an electric range or battery")
        if powertrain == "bev" and trim.get("fuel_l_100km"):
            self.error(where, "bev trim has fuel use")
        if all(trim.get(k) for k in ("length_mm", "wheelbase_mm")) and trim["wheelbase_mm"] >= trim["length_mm"]:
            self.error(where, "wheelbase not shorter than length")

    # ------------------------------------------------------------------ stores.yaml
    def check_stores(self, doc, makes, spec_stores):
        stores = {}
        keys = set()
        for store in doc.get("stores") or []:
            sid = store.get("id")
            where = f"stores.yaml {sid!r}"
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,40}", str(sid)):
                self.error(where, "id must be lower-case ASCII letters, digits and dashes")
                continue
            if sid in stores:
                self.error(where, "duplicate store id")
            stores[sid] = store
            for key in set(store) - STORE_KEYS:
                self.error(where, f"unknown key '{key}'")
            for key in ("name", "city", "address", "phone", "locale", "publishable_key"):
                if not store.get(key):
                    self.error(where, f"{key} missing")
            if store.get("currency") not in PRICE_KEY:
                self.error(where, "currency must be CNY or USD")
            try:
                zoneinfo.ZoneInfo(str(store.get("timezone")))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                self.error(where, f"unknown time zone {store.get('timezone')!r}")
            key = store.get("publishable_key", "")
            if not str(key).startswith("pk_") or key in keys:
                self.error(where, "publishable_key must start with pk_ and be unique")
            keys.add(key)
            origins = store.get("allowed_origins") or []
            if not origins or any(not re.fullmatch(r"https?://[^/\s]+", str(o)) for o in origins):
                self.error(where, "allowed_origins must be a non-empty list of http(s) origins without paths")
            self.check_hours(store.get("hours") or {}, where)
            self.check_tax(store.get("tax_profile") or {}, where)
            settings = store.get("settings") or {}
            if settings.get("lead_retention") not in {"anonymize", "delete"}:
                self.error(where, "settings.lead_retention must be anonymize or delete")
            for key in ("retention_days", "test_drive_minutes"):
                if not isinstance(settings.get(key), int) or settings[key] <= 0:
                    self.error(where, f"settings.{key} must be a positive integer")
            finance = settings.get("finance")
            if finance is not None:
                apr = finance.get("apr_pct") if isinstance(finance, dict) else None
                if isinstance(apr, bool) or not isinstance(apr, (int, float)) or not 0 <= apr <= 30:
                    self.error(where, "settings.finance.apr_pct must be a number from 0 to 30")
                residual = finance.get("residual_pct", 55) if isinstance(finance, dict) else None
                if isinstance(residual, bool) or not isinstance(residual, (int, float)) or not 0 < residual < 100:
                    self.error(where, "settings.finance.residual_pct must be a number between 0 and 100")
            quiet = settings.get("quiet_hours")
            if quiet is not None and not QUIET.fullmatch(str(quiet)):
                self.error(where, "settings.quiet_hours must be HH:MM-HH:MM or null")
            # The HTTP suites chat with the demo stores at whatever hour CI runs: a demo store that is
            # silent at some hours (quiet hours, assistant off) answers "waiting for staff" then instead.
            if quiet is not None or settings.get("assistant_enabled", True) is not True:
                self.error(where, "a demo store must answer around the clock (assistant_enabled true, quiet_hours null): "
                                  "the chat tests run at any hour")
            self.check_promotions(store.get("promotions") or [], makes, where)
        for sid, currency in spec_stores.items():
            if sid not in stores:
                self.error("stores.yaml", f"store {sid} from the spec is missing")
            elif stores[sid].get("currency") != currency:
                self.error(f"stores.yaml {sid!r}", f"currency should be {currency}")
        return stores

    def check_hours(self, hours: dict, where: str):
        for key in set(hours) - set(DAYS):
            self.error(where, f"hours: unknown day '{key}'")
        for day in DAYS:
            value = str(hours.get(day, "closed"))
            if value == "closed":
                continue
            if not HOURS.match(value) or value[:5] >= value[6:]:
                self.error(where, f"hours.{day} '{value}' must be HH:MM-HH:MM (closing after opening) or closed")

    def check_tax(self, tax: dict, where: str):
        kind = tax.get("kind")
        if kind == "cn":
            for key in ("vat_pct", "purchase_tax_pct"):
                if not isinstance(tax.get(key), (int, float)) or not 0 <= tax[key] <= 100:
                    self.error(where, f"tax_profile.{key} must be a percentage")
            relief = tax.get("nev_relief")
            if relief is not None:
                start, end = parse_date(relief.get("from")), parse_date(relief.get("to"))
                if not start or not end or start > end:
                    self.error(where, "tax_profile.nev_relief needs from <= to (YYYY-MM-DD)")
                if not 0 <= float(relief.get("factor", -1)) <= 1:
                    self.error(where, "tax_profile.nev_relief.factor must be 0-1")
        elif kind == "us":
            if not isinstance(tax.get("sales_tax_pct"), (int, float)) or not 0 <= tax["sales_tax_pct"] <= 100:
                self.error(where, "tax_profile.sales_tax_pct must be a percentage")
        else:
            self.error(where, "tax_profile.kind must be cn or us")
        codes = set()
        for fee in tax.get("fees") or []:
            if not fee.get("code") or not fee.get("label") or fee.get("code") in codes:
                self.error(where, f"fee {fee!r} needs a unique code and a label")
            codes.add(fee.get("code"))
            if not isinstance(fee.get("amount"), (int, float)) or fee["amount"] < 0:
                self.error(where, f"fee {fee.get('code')} amount must be >= 0")

    def check_promotions(self, promotions: list, makes: dict, where: str):
        codes = set()
        for promo in promotions:
            code = promo.get("code")
            pwhere = f"{where} promotion {code!r}"
            if not code or code in codes:
                self.error(pwhere, "code missing or duplicate")
            codes.add(code)
            if not promo.get("title"):
                self.error(pwhere, "title missing")
            kind, value = promo.get("kind"), promo.get("value")
            if kind not in {"amount", "percent"} or not isinstance(value, (int, float)) or value <= 0 \
                    or (kind == "percent" and value > 100):
                self.error(pwhere, "kind must be amount|percent with value > 0 (<= 100 for percent)")
            make = promo.get("make")
            if make is not None and make not in makes:
                self.error(pwhere, f"make {make!r} not in models.yaml")
            model = promo.get("model")
            if model is not None and (make is None or model not in makes.get(make, {}).get("_models", {})):
                self.error(pwhere, f"model {model!r} needs a make whose models include it")
            if promo.get("powertrain") not in (None, *POWERTRAINS):
                self.error(pwhere, "powertrain filter invalid")
            if promo.get("condition") not in (None, *CONDITIONS):
                self.error(pwhere, "condition filter invalid")
            start, end = promo.get("starts_on"), promo.get("ends_on")
            if (start and not parse_date(start)) or (end and not parse_date(end)) or \
                    (start and end and parse_date(start) and parse_date(end) and parse_date(start) > parse_date(end)):
                self.error(pwhere, "starts_on/ends_on must be YYYY-MM-DD, start before end")

    # ------------------------------------------------------------------ inventory.csv
    def check_inventory(self, path: pathlib.Path, stores: dict, models_doc):
        index = {(mk["make"], md["model"], tr["trim"]): (md, tr) for mk, md, tr in trim_rows(models_doc)}
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader, [])
            if header != INVENTORY_HEADER:
                self.error("inventory.csv", f"header must be exactly {','.join(INVENTORY_HEADER)}")
                return []
            rows = [dict(zip(header, r)) | {"_line": n} for n, r in enumerate(reader, start=2) if r]
        vins, stocks = {}, set()
        for row in rows:
            where = f"inventory.csv line {row['_line']} ({row['stock_number']})"
            store = stores.get(row["store_id"])
            if store is None:
                self.error(where, f"unknown store {row['store_id']!r}")
                continue
            key = (row["store_id"], row["stock_number"])
            if not row["stock_number"] or key in stocks:
                self.error(where, "stock number missing or duplicated in its store")
            stocks.add(key)
            self.check_vin(row, vins, where)
            found = index.get((row["make"], row["model"], row["trim"]))
            if found is None:
                self.error(where, f"no trim {row['make']} / {row['model']} / {row['trim']} in models.yaml")
                continue
            model, trim = found
            row["_model"], row["_trim"] = model, trim
            self.check_unit(row, store, model, trim, where)
        return rows

    def check_vin(self, row: dict, vins: dict, where: str):
        vin = row["vin"]
        if not re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", vin):
            self.error(where, f"VIN {vin!r} is not 17 characters of the VIN alphabet")
            return
        if vin[8] != vin_check_digit(vin):
            self.error(where, f"VIN {vin} check digit should be {vin_check_digit(vin)}")
        if vin in vins:
            self.error(where, f"VIN {vin} also on line {vins[vin]}")
        vins[vin] = row["_line"]
        try:
            if vin[9] != vin_year_code(int(row["year"])):
                self.error(where, f"VIN {vin} year code {vin[9]} does not match model year {row['year']}")
        except ValueError:
            self.error(where, f"model year {row['year']!r} invalid")

    def check_unit(self, row: dict, store: dict, model: dict, trim: dict, where: str):
        currency = store.get("currency")
        published = trim.get(PRICE_KEY.get(currency, ""))
        if not published:
            self.error(where, f"trim '{trim['trim']}' has no {PRICE_KEY.get(currency)} for a {currency} store")
        numbers = {}
        for key in ("year", "mileage_km", "list_price", "floor_price", "cost", "msrp"):
            text = row[key]
            if key == "msrp" and text == "":
                continue
            if not re.fullmatch(r"\d+", text):
                self.error(where, f"{key} {text!r} must be a whole number")
                return
            numbers[key] = int(text)
        if row["condition"] not in CONDITIONS:
            self.error(where, f"condition {row['condition']!r} invalid")
        if row["status"] not in STATUSES:
            self.error(where, f"status {row['status']!r} invalid")
        if row["status"] == "in_transit" and row["condition"] != "new":
            self.error(where, "only new units can be in transit")
        if not 1990 <= numbers["year"] <= 2027:
            self.error(where, f"year {numbers['year']} implausible")
        new = row["condition"] == "new"
        if new and numbers["mileage_km"] > 100:
            self.error(where, "a new unit with more than 100 km")
        if not new and numbers["mileage_km"] == 0:
            self.error(where, "a used/cpo unit needs its mileage")
        list_price, floor, cost = numbers["list_price"], numbers["floor_price"], numbers["cost"]
        if not 0 < cost < floor <= list_price:
            self.error(where, f"expected 0 < cost ({cost}) < floor ({floor}) <= list ({list_price})")
        if published:
            if new and not 0.9 * published <= list_price <= 1.1 * published:
                self.error(where, f"new list price {list_price} is not within 10% of the published {published}")
            if not new and list_price >= published:
                self.error(where, f"used list price {list_price} is not below the new price {published}")
        if new and floor < 0.9 * list_price:
            self.error(where, "floor price more than 10% under list for a new unit")
        for key in ("exterior_color", "interior_color"):
            if not re.fullmatch(r"[a-z]+( [a-z]+)*", row[key]):
                self.error(where, f"{key} {row[key]!r} must be lower-case English")
        day = parse_date(row["date_in_stock"])
        if day is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", row["date_in_stock"]):
            self.error(where, f"date_in_stock {row['date_in_stock']!r} must be YYYY-MM-DD")

    # ------------------------------------------------------------------ coverage and demo needs
    def check_coverage(self, rows: list, stores: dict, models_doc):
        have = {(r["make"], r["model"]) for r in rows}
        for make, model, _ in trim_rows(models_doc):
            if (make["make"], model["model"]) not in have:
                self.error("inventory.csv", f"no unit of {make['make']} {model['model']}")
                have.add((make["make"], model["model"]))
        if len(rows) < MIN_UNITS:
            self.error("inventory.csv", f"{len(rows)} units; at least {MIN_UNITS} required")
        for sid in stores:
            conditions = {r["condition"] for r in rows if r["store_id"] == sid}
            if not {"new", "used"} <= conditions:
                self.error("inventory.csv", f"store {sid} needs new and used units (has {sorted(conditions)})")
        live = [r for r in rows if "_trim" in r and r["status"] == "available"]
        for sid in stores:
            seven = [r for r in live if r["store_id"] == sid and (effective(r["_model"], r["_trim"], "seats") or 0) >= 7]
            if not seven:
                self.error("inventory.csv", f"store {sid} has no available unit with 7 or more seats")
        if "sh-pudong" in stores:
            cheap_bev_suv = [r for r in live if r["store_id"] == "sh-pudong"
                             and effective(r["_model"], r["_trim"], "powertrain") == "bev"
                             and effective(r["_model"], r["_trim"], "body_type") == "suv"
                             and int(r["list_price"]) <= 200_000]
            if len(cheap_bev_suv) < 3:
                self.error("inventory.csv", "sh-pudong needs at least 3 available BEV SUVs at or under 200,000 CNY "
                                            "(the widget demo asks 20万以内的纯电SUV有哪些)")
            self.notes.append(f"sh-pudong available BEV SUVs <= 200,000 CNY: {len(cheap_bev_suv)} units, "
                              f"{len({(r['make'], r['model']) for r in cheap_bev_suv})} models")

    # ------------------------------------------------------------------ run
    def run(self) -> int:
        spec_stores, spec_models = self.spec_tables()
        if not spec_models:
            self.error("spec", "no model table found")
        models_doc = load_yaml(self.catalog / "models.yaml") or {}
        stores_doc = load_yaml(self.catalog / "stores.yaml") or {}
        makes = self.check_models(models_doc, spec_models)
        stores = self.check_stores(stores_doc, makes, spec_stores)
        rows = self.check_inventory(self.catalog / "inventory.csv", stores, models_doc)
        self.check_coverage(rows, stores, models_doc)

        trims = trim_rows(models_doc)
        print(f"makes {len(makes)}, models {sum(len(m['_models']) for m in makes.values())}, trims {len(trims)} "
              f"(CNY-priced {sum(1 for *_, t in trims if t.get('price_cny'))}, "
              f"USD-priced {sum(1 for *_, t in trims if t.get('price_usd'))}); "
              f"spec models required {len(spec_models)}")
        print(f"stores {len(stores)}; units {len(rows)}")
        for sid in stores:
            mine = [r for r in rows if r["store_id"] == sid]
            by = collections.Counter(r["condition"] for r in mine)
            status = collections.Counter(r["status"] for r in mine)
            print(f"  {sid}: {len(mine)} units (new {by['new']}, used {by['used']}, cpo {by['cpo']}; "
                  + ", ".join(f"{k} {v}" for k, v in sorted(status.items())) + ")")
        for note in self.notes:
            print(f"  {note}")
        for message in self.errors:
            print(f"ERROR {message}")
        print("FAIL" if self.errors else "OK", f"({len(self.errors)} problems)")
        return 1 if self.errors else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", default=str(CATALOG), help="folder with stores.yaml, models.yaml, inventory.csv")
    parser.add_argument("--spec", help="demo-catalog.md (default: docs/spec or /work/shared/spec, else built-in copy)")
    args = parser.parse_args()
    spec_path = pathlib.Path(args.spec) if args.spec else next((p for p in SPEC_CANDIDATES if p.exists()), None)
    if args.spec and not spec_path.exists():
        sys.exit(f"spec not found: {spec_path}")
    spec_text = spec_path.read_text(encoding="utf-8") if spec_path else SPEC_FALLBACK
    print(f"spec: {spec_path or 'built-in copy of demo-catalog.md tables'}")
    sys.exit(Checker(pathlib.Path(args.catalog), spec_text).run())


if __name__ == "__main__":
    main()
