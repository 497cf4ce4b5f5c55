"""Shared helpers for the demo catalog tools (gen_inventory.py, check_catalog.py).

Loads catalog/models.yaml into lookup tables and computes North-American VIN check digits
(49 CFR 565.15; China's GB 16735 uses the same algorithm).
"""

from __future__ import annotations

import pathlib

import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
CATALOG = REPO / "catalog"

INVENTORY_HEADER = [
    "store_id", "stock_number", "vin", "make", "model", "trim", "year", "condition", "mileage_km",
    "exterior_color", "interior_color", "list_price", "msrp", "floor_price", "cost", "status", "date_in_stock",
]

BODY_TYPES = {"sedan", "suv", "mpv", "hatchback", "coupe", "pickup", "wagon", "convertible"}
POWERTRAINS = {"bev", "phev", "erev", "hev", "ice"}
ELECTRIC = {"bev", "phev", "erev"}
DRIVETRAINS = {"awd", "fwd", "rwd"}
CONDITIONS = {"new", "used", "cpo"}
STATUSES = {"available", "hold", "sold", "in_transit"}
PRICE_KEY = {"CNY": "price_cny", "USD": "price_usd"}

VIN_ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O, Q
_TRANSLITERATION = {
    **{str(d): d for d in range(10)},
    "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
    "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
    "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
}
_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
# Position 10 model-year code; the 30-year cycle repeats, these are the 2010-2039 letters.
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"


def vin_check_digit(vin: str) -> str:
    """The check digit (position 9) for a 17-character VIN; position 9 itself is ignored."""
    if len(vin) != 17 or any(c not in VIN_ALPHABET for c in vin.upper()):
        raise ValueError(f"not a 17-character VIN over the VIN alphabet: {vin!r}")
    total = sum(_TRANSLITERATION[c] * w for c, w in zip(vin.upper(), _WEIGHTS))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def with_check_digit(vin: str) -> str:
    """`vin` with position 9 replaced by its correct check digit."""
    return vin[:8] + vin_check_digit(vin) + vin[9:]


def vin_year_code(year: int) -> str:
    """Position-10 code of a model year (2010 → A ... 2025 → S, 2026 → T)."""
    if not 2010 <= year <= 2039:
        raise ValueError(f"model year out of the supported cycle: {year}")
    return _YEAR_CODES[year - 2010]


def load_yaml(path: pathlib.Path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def trim_rows(models_doc) -> list[tuple[dict, dict, dict]]:
    """Every (make, model, trim) entry of models.yaml in file order."""
    return [(make, model, trim)
            for make in models_doc.get("makes") or []
            for model in make.get("models") or []
            for trim in model.get("trims") or []]


def effective(model: dict, trim: dict, key: str):
    """A trim's value for `key`, falling back to the model's default (powertrain, seats, body_type)."""
    value = trim.get(key)
    return model.get(key) if value is None else value
