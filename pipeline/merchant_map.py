"""Built-in merchant keywords -> default categories, so day-one alerts land somewhere sensible.

Keywords match whole words of the normalised merchant (case-insensitive); the first
category whose keyword matches wins, so more specific categories come first.
"""

from __future__ import annotations

import re
from functools import lru_cache

CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Cash", ("atm", "cash withdrawal", "withdrawal", "cdm", "سحب نقدي")),
    ("Fuel", ("shell", "al maha", "almaha", "oomco", "oman oil", "fuel", "petrol", "bp", "adnoc", "enoc", "gas station",
              "petroleum", "محطة", "وقود")),
    ("Groceries", ("lulu", "carrefour", "al fair", "nesto", "quality saving", "hypermarket", "supermarket", "grocery",
                   "mart", "spar", "al meera", "khimji", "blinkit", "bigbasket", "safari", "hyper", "market",
                   "هايبر", "سوق")),
    ("Restaurants & Cafes", ("tea", "cafe", "coffee", "starbucks", "costa", "tim hortons", "restaurant", "kfc",
                             "mcdonald", "mcdonalds", "burger", "pizza", "shawarma", "talabat", "swiggy", "zomato",
                             "bakery", "karak", "jenan", "grill", "kitchen", "مطعم", "مقهى", "كافيه")),
    ("Telecom", ("omantel", "ooredoo", "vodafone", "etisalat", "du", "airtel", "jio", "recharge", "ncell",
                 "telecom", "mobile")),
    ("Utilities", ("electricity", "water", "nama", "dewa", "sewa", "utility", "luku", "power", "كهرباء", "مياه")),
    ("Transport", ("uber", "careem", "otaxi", "taxi", "mwasalat", "bus", "metro", "parking", "transport", "toll")),
    ("Travel", ("airways", "airline", "air", "oman air", "salam air", "emirates", "qatar airways", "hotel",
                "booking.com", "airbnb", "expedia", "travel")),
    ("Health", ("pharmacy", "clinic", "hospital", "medical", "dental", "صيدلية", "مستشفى")),
    ("Entertainment", ("netflix", "spotify", "cinema", "vox", "novo", "playstation", "steam", "youtube", "telegram",
                       "apple.com", "google play")),
    ("Shopping", ("amazon", "noon", "ikea", "centrepoint", "max", "h&m", "zara", "mall", "store", "shop",
                  "aliexpress", "shein")),
    ("Education", ("school", "university", "college", "course", "udemy", "coursera")),
    ("Salary", ("salary", "payroll", "راتب")),
    ("Transfers", ("transfer", "tfr", "تحويل")),
)

# Kinds that tell the category on their own, whatever the merchant.
BY_KIND = {"withdrawal": "Cash", "salary": "Salary", "transfer": "Transfers", "deposit": "Income",
           "fee": "Fees & Charges"}

_COMPILED = tuple(
    (name, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(words, key=len, reverse=True)) + r")(?!\w)",
                      re.IGNORECASE))
    for name, words in CATEGORIES
)
_TERMINAL = re.compile(r"^\d{4,}\s*-\s*")
_SPACES = re.compile(r"\s+")


def normalise_merchant(raw: str | None) -> str | None:
    """`883315-Quality Saving - Al AraMUSC` -> `Quality Saving - Al AraMUSC` (terminal id off, spaces collapsed)."""
    if not raw:
        return None
    text = _SPACES.sub(" ", _TERMINAL.sub("", raw.strip())).strip(" -,.")
    return text or None


def display_merchant(raw: str | None) -> str | None:
    """A human label: normalised, then Title Case when the bank shouted it (`JENAN TEA` -> `Jenan Tea`)."""
    text = normalise_merchant(raw)
    if text is None:
        return None
    return text.title() if text.isupper() else text


# A user's mail names the same few merchants again and again; each miss tries 15 patterns.
@lru_cache(maxsize=4096)
def category_for(merchant: str | None, kind: str | None = None) -> str | None:
    if kind in BY_KIND and kind != "transfer":
        return BY_KIND[kind]
    if merchant:
        for name, pattern in _COMPILED:
            if pattern.search(merchant):
                return name
    if kind in BY_KIND:
        return BY_KIND[kind]
    return None
