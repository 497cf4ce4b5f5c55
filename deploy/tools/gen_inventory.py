#!/usr/bin/env python3
"""Generates catalog/inventory.csv for the demo dealer group from catalog/models.yaml.

Deterministic (fixed seed and reference date): running it twice gives the same file, so
the committed CSV can be regenerated after editing models.yaml or the stocking plan below.
Prices come from the trims of models.yaml in the store's currency, so they stay consistent:

- new units: list price = published price (US units may carry an option package on top;
  msrp = list); floor 2-6 % under list; cost 3-7 % under floor. Model year 2026 (some 2025
  stock), the trim's published specs.
- used / cpo units: price from the published new price by age, mileage and powertrain
  (BEVs lose value faster), cpo a little dearer; msrp left empty; floor 2-5 % under list;
  cost 12-20 % under list.
- VINs: a plausible WMI for the maker and plant of the market, a model descriptor, a valid
  check digit (position 9), the model-year code (position 10) and a unique serial.

Usage: deploy/tools/gen_inventory.py [--out catalog/inventory.csv]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import random
import sys

from catalog_lib import (CATALOG, INVENTORY_HEADER, PRICE_KEY, VIN_ALPHABET, effective, load_yaml, trim_rows,
                         vin_year_code, with_check_digit)

SEED = 20261124
TODAY = dt.date(2026, 11, 24)
NEW_MODEL_YEAR = 2026

STORES = {"sh-pudong": ("SH24", "CNY"), "sf-bay": ("SF24", "USD")}

# Stocking plan: (make, model, new, used, cpo) per store, in stock-number order.
# SH24001 (BYD Song L) and SF24001 (Tesla Model Y) are the units the widget demo pages show.
PLAN = {
    "sh-pudong": [
        ("BYD", "Song L", 3, 1, 0), ("BYD", "Han", 2, 1, 1), ("BYD", "Qin PLUS", 3, 1, 0),
        ("BYD", "Song PLUS", 3, 1, 0), ("BYD", "Seal", 2, 1, 0), ("BYD", "Dolphin", 2, 1, 0),
        ("BYD", "Seagull", 2, 0, 0), ("BYD", "Tang", 2, 1, 0), ("BYD", "Yuan PLUS", 3, 0, 0),
        ("Hyptec", "GT", 1, 0, 0), ("Hyptec", "HT", 2, 0, 0), ("Hyptec", "SSR", 1, 0, 0), ("Hyptec", "HL", 1, 0, 0),
        ("Aion", "S", 2, 1, 0), ("Aion", "Y", 2, 0, 0), ("Aion", "V", 3, 0, 0), ("Aion", "UT", 2, 0, 0),
        ("Tesla", "Model 3", 0, 1, 1), ("Tesla", "Model Y", 0, 2, 1), ("Tesla", "Model S", 0, 1, 0),
        ("Tesla", "Model X", 0, 0, 1),
        ("Xiaomi", "SU7", 3, 1, 0), ("Xiaomi", "YU7", 3, 0, 0),
        ("Li Auto", "L6", 2, 1, 0), ("Li Auto", "L7", 1, 1, 0), ("Li Auto", "L8", 1, 0, 0),
        ("Li Auto", "L9", 2, 0, 1), ("Li Auto", "MEGA", 1, 0, 0),
        ("NIO", "ES6", 1, 1, 0), ("NIO", "ET5", 1, 1, 0), ("NIO", "EC6", 1, 0, 0), ("NIO", "ES8", 1, 0, 0),
        ("XPeng", "P7", 0, 2, 0), ("XPeng", "G6", 0, 1, 1), ("XPeng", "G9", 1, 0, 0), ("XPeng", "MONA M03", 2, 0, 0),
        ("AITO", "M5", 1, 0, 0), ("AITO", "M7", 2, 1, 0), ("AITO", "M9", 1, 0, 1),
        ("Zeekr", "001", 1, 1, 0), ("Zeekr", "007", 1, 0, 0), ("Zeekr", "7X", 2, 0, 0),
        ("Toyota", "Camry", 2, 1, 1), ("Toyota", "Corolla", 1, 1, 0), ("Toyota", "RAV4", 1, 1, 0),
        ("Toyota", "Highlander", 1, 0, 0), ("Toyota", "Sienna", 1, 0, 0),
        ("Honda", "Accord", 1, 1, 0), ("Honda", "Civic", 1, 1, 0), ("Honda", "CR-V", 2, 0, 1),
        ("Volkswagen", "Lavida", 2, 1, 0), ("Volkswagen", "Passat", 1, 0, 0), ("Volkswagen", "Tiguan L", 1, 1, 0),
        ("Volkswagen", "ID.4", 2, 0, 0),
        ("BMW", "3 Series", 1, 1, 1), ("BMW", "5 Series", 1, 0, 1), ("BMW", "X3", 1, 0, 0),
        ("Mercedes-Benz", "C-Class", 1, 1, 0), ("Mercedes-Benz", "E-Class", 1, 0, 1), ("Mercedes-Benz", "GLC", 1, 0, 0),
    ],
    "sf-bay": [
        ("Tesla", "Model Y", 3, 1, 1), ("Tesla", "Model 3", 3, 1, 1), ("Tesla", "Model S", 1, 0, 1),
        ("Tesla", "Model X", 1, 1, 0),
        ("Toyota", "Camry", 3, 1, 1), ("Toyota", "Corolla", 2, 1, 0), ("Toyota", "RAV4", 3, 1, 1),
        ("Toyota", "Highlander", 2, 1, 0), ("Toyota", "Sienna", 2, 0, 1), ("Toyota", "Prius", 2, 1, 0),
        ("Honda", "Accord", 2, 1, 0), ("Honda", "Civic", 2, 1, 1), ("Honda", "CR-V", 3, 1, 0), ("Honda", "Odyssey", 2, 0, 1),
        ("Ford", "F-150", 2, 1, 0), ("Ford", "Mustang Mach-E", 1, 1, 1), ("Ford", "Explorer", 2, 1, 0),
        ("Chevrolet", "Equinox", 2, 1, 0), ("Chevrolet", "Silverado", 2, 1, 0), ("Chevrolet", "Bolt EUV", 0, 2, 1),
        ("Hyundai", "Ioniq 5", 2, 1, 1), ("Hyundai", "Tucson", 2, 1, 0),
        ("BMW", "3 Series", 1, 1, 0), ("BMW", "5 Series", 1, 0, 1), ("BMW", "X3", 1, 1, 0), ("BMW", "i4", 1, 0, 1),
        ("Mercedes-Benz", "C-Class", 1, 1, 0), ("Mercedes-Benz", "E-Class", 1, 0, 0), ("Mercedes-Benz", "GLC", 1, 1, 1),
    ],
}

# First model year of the current model or generation: no used unit is older.
FIRST_YEAR = {
    "SU7": 2024, "YU7": 2025, "GT": 2023, "HT": 2024, "SSR": 2024, "HL": 2025, "UT": 2025, "V": 2024, "S": 2023,
    "Song L": 2024, "Seagull": 2023, "Seal": 2022, "Yuan PLUS": 2022, "L6": 2024, "L7": 2023, "L8": 2023,
    "L9": 2022, "MEGA": 2024, "ES6": 2023, "EC6": 2023, "ES8": 2023, "ET5": 2022, "G6": 2023, "G9": 2022,
    "MONA M03": 2024, "M9": 2024, "007": 2024, "7X": 2024, "Bolt EUV": 2022, "Ioniq 5": 2022, "i4": 2022,
    "Mustang Mach-E": 2021, "ID.4": 2021,
}

# Last model year built, for models no longer made.
LAST_YEAR = {"Bolt EUV": 2023}

# World manufacturer identifier and plant code (position 11) by make and market, with model overrides.
WMI = {
    ("BYD", "CNY"): ("LGX", "S"), ("Hyptec", "CNY"): ("LMG", "G"), ("Aion", "CNY"): ("LMG", "A"),
    ("Tesla", "CNY"): ("LRW", "C"), ("Xiaomi", "CNY"): ("LNB", "B"), ("Li Auto", "CNY"): ("LW4", "C"),
    ("NIO", "CNY"): ("LJ1", "H"), ("XPeng", "CNY"): ("LMV", "Z"), ("AITO", "CNY"): ("LM8", "K"),
    ("Zeekr", "CNY"): ("L6T", "N"), ("Toyota", "CNY"): ("LVG", "G"), ("Honda", "CNY"): ("LVH", "W"),
    ("Volkswagen", "CNY"): ("LSV", "N"), ("BMW", "CNY"): ("LBV", "S"), ("Mercedes-Benz", "CNY"): ("LE4", "B"),
    ("Tesla", "USD"): ("5YJ", "F"), ("Toyota", "USD"): ("4T1", "U"), ("Honda", "USD"): ("1HG", "A"),
    ("Ford", "USD"): ("1FT", "F"), ("Chevrolet", "USD"): ("1GC", "Z"), ("Hyundai", "USD"): ("KM8", "U"),
    ("BMW", "USD"): ("WBA", "N"), ("Mercedes-Benz", "USD"): ("W1K", "R"),
}
MODEL_WMI = {
    ("BYD", "Qin PLUS", "CNY"): ("LC0", "X"), ("BYD", "Song L", "CNY"): ("LC0", "X"),
    ("BYD", "Yuan PLUS", "CNY"): ("LC0", "C"),
    ("Tesla", "Model S", "CNY"): ("5YJ", "F"), ("Tesla", "Model X", "CNY"): ("7SA", "F"),
    ("Tesla", "Model Y", "USD"): ("7SA", "A"), ("Tesla", "Model X", "USD"): ("7SA", "F"),
    ("Toyota", "Corolla", "CNY"): ("LFM", "T"), ("Toyota", "RAV4", "CNY"): ("LFM", "T"),
    ("Honda", "Accord", "CNY"): ("LHG", "G"),
    ("Toyota", "Corolla", "USD"): ("5YF", "P"), ("Toyota", "RAV4", "USD"): ("4T3", "W"),
    ("Toyota", "Highlander", "USD"): ("5TD", "S"), ("Toyota", "Sienna", "USD"): ("5TD", "S"),
    ("Toyota", "Prius", "USD"): ("JTD", "3"),
    ("Honda", "Civic", "USD"): ("2HG", "H"), ("Honda", "CR-V", "USD"): ("7FA", "L"), ("Honda", "Odyssey", "USD"): ("5FN", "B"),
    ("Ford", "Mustang Mach-E", "USD"): ("3FM", "M"), ("Ford", "Explorer", "USD"): ("1FM", "G"),
    ("Chevrolet", "Equinox", "USD"): ("3GN", "S"), ("Chevrolet", "Bolt EUV", "USD"): ("1G1", "4"),
    ("Hyundai", "Tucson", "USD"): ("5NM", "H"),
    ("BMW", "3 Series", "USD"): ("3MW", "8"), ("BMW", "X3", "USD"): ("5UX", "9"), ("BMW", "i4", "USD"): ("WBY", "F"),
    ("Mercedes-Benz", "GLC", "USD"): ("W1N", "F"),
}

EXTERIOR = {
    "Tesla": ["white", "white", "black", "gray", "blue", "red", "silver"],
    "Xiaomi": ["green", "blue", "gray", "white", "black", "purple"],
    "default": ["white", "white", "white", "black", "black", "gray", "silver", "blue", "red", "green"],
}
INTERIOR = {
    "Tesla": ["black", "black", "white"],
    "default": ["black", "black", "gray", "beige", "brown", "white"],
}
# Share of the new price a car keeps by age in whole years (before mileage, powertrain and brand).
# US used-car prices hold up better than China's, where heavy new-car discounting pulls them down.
RETAINED = {"CNY": [0.88, 0.80, 0.72, 0.65, 0.58, 0.52, 0.47, 0.43],
            "USD": [0.90, 0.84, 0.77, 0.71, 0.65, 0.60, 0.55, 0.51]}
BEV_FACTOR = {"CNY": 0.85, "USD": 0.88}  # electric cars lose value faster
STRONG_RESALE = {"Toyota", "Honda"}
KM_PER_YEAR = {"CNY": 11_000, "USD": 19_000}


# Descriptors (positions 4-8) in the maker's published pattern where it is well known.
DESCRIPTOR = {("Tesla", "Model 3"): "3E1EB", ("Tesla", "Model Y"): "YGDEE", ("Tesla", "Model S"): "SA1E4",
              ("Tesla", "Model X"): "XCDE4"}


def descriptor(make: str, model: str) -> str:
    """A stable 5-character vehicle descriptor (positions 4-8) over the VIN alphabet."""
    if (make, model) in DESCRIPTOR:
        return DESCRIPTOR[(make, model)]
    digest = hashlib.sha256(f"{make}/{model}".encode()).digest()
    return "".join(VIN_ALPHABET[b % len(VIN_ALPHABET)] for b in digest[:5])


class Generator:
    def __init__(self, models_doc):
        self.rng = random.Random(SEED)
        self.trims: dict[tuple[str, str], list[tuple[dict, dict]]] = {}
        for make, model, trim in trim_rows(models_doc):
            self.trims.setdefault((make["make"], model["model"]), []).append((model, trim))
        self.serials: set[str] = set()

    def vin(self, make: str, model: str, currency: str, year: int) -> str:
        wmi, plant = MODEL_WMI.get((make, model, currency)) or WMI[(make, currency)]
        while True:
            serial = f"{self.rng.randrange(10**6):06d}"
            body = wmi + descriptor(make, model) + "0" + vin_year_code(year) + plant + serial
            vin = with_check_digit(body)
            if vin not in self.serials:
                self.serials.add(vin)
                return vin

    def money(self, value: float, currency: str) -> int:
        step = 100 if currency == "CNY" else 10
        return int(round(value / step) * step)

    def used_price(self, make: str, new_price: int, year: int, mileage: int, powertrain: str, condition: str,
                   currency: str) -> int:
        age = max(0, NEW_MODEL_YEAR - year)
        curve = RETAINED[currency]
        share = curve[min(age, len(curve) - 1)]
        if powertrain == "bev":
            share *= BEV_FACTOR[currency]
        if make in STRONG_RESALE:
            share *= 1.06
        expected = max(1, (age + 0.5) * KM_PER_YEAR[currency])
        share *= min(1.1, max(0.9, 1 - 0.08 * (mileage / expected - 1)))
        if condition == "cpo":
            share *= 1.04
        share *= self.rng.uniform(0.97, 1.03)
        price = new_price * min(share, 0.92)
        if currency == "CNY":
            return int(round(price / 100) * 100)
        return int(round(price / 100) * 100 - 10)  # $24,990 style

    def day(self, start: dt.date, end: dt.date) -> str:
        return (start + dt.timedelta(days=self.rng.randrange((end - start).days + 1))).isoformat()

    def unit(self, store: str, stock: str, make: str, model_name: str, condition: str, index: int) -> list:
        _, currency = STORES[store]
        key = PRICE_KEY[currency]
        options = [(m, t) for m, t in self.trims[(make, model_name)] if t.get(key)]
        if not options:
            sys.exit(f"{make} {model_name}: no trim priced in {currency} for {store}")
        rng = self.rng
        model, trim = options[index % len(options)] if condition == "new" else rng.choice(options)
        price = int(trim[key])
        powertrain = effective(model, trim, "powertrain")
        ext = rng.choice(EXTERIOR.get(make, EXTERIOR["default"]))
        inner = rng.choice(INTERIOR.get(make, INTERIOR["default"]))
        if condition == "new":
            year = NEW_MODEL_YEAR if rng.random() < 0.8 or trim["year"] < 2025 else 2025
            mileage = rng.choice([0, 0, 3, 5, 8, 12, 15, 21])
            extra = 0 if currency == "CNY" else rng.choice([0, 0, 0.015, 0.03]) * price
            list_price = self.money(price + extra, currency)
            msrp = list_price
            floor = self.money(list_price * rng.uniform(0.94, 0.98), currency)
            cost = self.money(floor * rng.uniform(0.93, 0.97), currency)
            status = rng.choices(["available", "hold", "in_transit", "sold"], [80, 8, 7, 5])[0]
            date = self.day(dt.date(2026, 5, 1), TODAY - dt.timedelta(days=4))
        else:
            first = FIRST_YEAR.get(model_name, 2019)
            low = max(first, 2020 if condition == "used" else 2022)
            year = rng.randint(low, LAST_YEAR.get(model_name, 2025))
            age = NEW_MODEL_YEAR - year + rng.uniform(-0.3, 0.6)
            usage = rng.uniform(0.6, 1.4) if condition == "used" else rng.uniform(0.4, 0.9)
            mileage = int(max(1200, age * KM_PER_YEAR[currency] * usage))
            list_price = self.used_price(make, price, year, mileage, powertrain, condition, currency)
            msrp = ""
            floor = self.money(list_price * rng.uniform(0.95, 0.98), currency)
            cost = self.money(list_price * rng.uniform(0.80, 0.88), currency)
            status = rng.choices(["available", "hold", "sold"], [85, 8, 7])[0]
            date = self.day(dt.date(2026, 7, 1), TODAY - dt.timedelta(days=2))
        if stock.endswith("001"):
            status = "available"  # the demo pages' unit
        return [store, stock, self.vin(make, model_name, currency, year), make, model_name, trim["trim"], year,
                condition, mileage, ext, inner, list_price, msrp, floor, cost, status, date]

    def rows(self) -> list[list]:
        out = []
        for store, plan in PLAN.items():
            prefix, _ = STORES[store]
            number = 1
            for make, model, new, used, cpo in plan:
                if (make, model) not in self.trims:
                    sys.exit(f"plan names {make} {model}, which models.yaml does not have")
                for condition, count in (("new", new), ("used", used), ("cpo", cpo)):
                    for i in range(count):
                        out.append(self.unit(store, f"{prefix}{number:03d}", make, model, condition, i))
                        number += 1
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default=str(CATALOG / "models.yaml"))
    parser.add_argument("--out", default=str(CATALOG / "inventory.csv"))
    args = parser.parse_args()
    rows = Generator(load_yaml(args.models)).rows()
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(INVENTORY_HEADER)
        writer.writerows(rows)
    print(f"wrote {len(rows)} units to {args.out}")


if __name__ == "__main__":
    main()
