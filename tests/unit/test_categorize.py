"""Categorize (pure): built-in map, income, transfers, manual categories. Data tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.categorize import DEFAULT_CATEGORY, TxnFields, categorize
from pipeline.merchant_map import category_for, display_merchant, normalise_merchant
from pipeline.rules import to_spec, validate_rule


def txn(merchant=None, *, direction="debit", kind="purchase", counterparty=None, description=None,
        account="xxxx0019", amount="5.000") -> TxnFields:
    return TxnFields(merchant=normalise_merchant(merchant), description=description or merchant,
                     counterparty=counterparty, amount=Decimal(amount), account=account, bank="bank_muscat",
                     direction=direction, kind=kind)


BUILTIN = [
    ("JENAN TEA AIRP", "Restaurants & Cafes"),
    ("883315-Quality Saving - Al AraMUSC", "Groceries"),
    ("LULU HYPERMARKET BAWSHAR", "Groceries"),
    ("Carrefour City Centre", "Groceries"),
    ("AL FAIR MADINAT QABOOS", "Groceries"),
    ("Nesto Hypermarket", "Groceries"),
    ("OMANTEL PREPAID", "Telecom"),
    ("Ooredoo Oman", "Telecom"),
    ("SHELL AL KHUWAIR", "Fuel"),
    ("AL MAHA PETROLEUM", "Fuel"),
    ("OOMCO SEEB", "Fuel"),
    ("TALABAT.COM", "Restaurants & Cafes"),
    ("Starbucks Muscat Grand Mall", "Restaurants & Cafes"),
    ("OMAN AIR WEB", "Travel"),
    ("Muscat Pharmacy", "Health"),
    ("NETFLIX.COM", "Entertainment"),
    ("AMAZON.AE", "Shopping"),
    ("مطعم البيت", "Restaurants & Cafes"),
    ("صيدلية الشفاء", "Health"),
    ("Otaxi", "Transport"),
    ("ZXQ Trading", None),
]


@pytest.mark.parametrize(("merchant", "expected"), BUILTIN)
def test_builtin_map(merchant, expected):
    assert category_for(normalise_merchant(merchant)) == expected
    d = categorize(txn(merchant), [])
    assert d.category == (expected or DEFAULT_CATEGORY)
    assert d.source == ("builtin" if expected else "default")


NORMALISE = [
    ("883315-Quality Saving - Al AraMUSC", "Quality Saving - Al AraMUSC"),
    ("  JENAN   TEA  AIRP ", "JENAN TEA AIRP"),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALISE)
def test_normalise_merchant(raw, expected):
    assert normalise_merchant(raw) == expected


def test_display_merchant_title_cases_shouting_only():
    assert display_merchant("883315-JENAN TEA AIRP") == "Jenan Tea Airp"
    assert display_merchant("talabat.com") == "talabat.com"


KINDS = [
    # (direction, kind, merchant, category, is_income)
    ("credit", "salary", "Ministry of Health", "Salary", True),
    ("credit", "credit", None, "Income", True),
    ("credit", "deposit", None, "Income", True),
    ("credit", "refund", "Lulu", "Groceries", False),
    ("debit", "withdrawal", "ATM SEEB", "Cash", False),
    ("debit", "fee", None, "Fees & Charges", False),
    ("debit", "transfer", None, "Transfers", False),  # to someone else: still spend
]


@pytest.mark.parametrize(("direction", "kind", "merchant", "category", "income"), KINDS)
def test_kinds_income_and_default_categories(direction, kind, merchant, category, income):
    d = categorize(txn(merchant, direction=direction, kind=kind), [])
    assert (d.category, d.is_income, d.is_transfer) == (category, income, False)


OWN = ["xxxx0019", "4837********1518", "XX7700"]
TRANSFERS = [
    # (kind, direction, counterparty, description, is_transfer)
    ("transfer", "debit", "A/C xxxx7700", None, True),  # to own savings
    ("transfer", "credit", "from a/c 00017700", None, True),  # from own savings: not income
    ("transfer", "debit", "AHMED xxxx4455", None, False),  # to another person: spend
    ("bill_payment", "debit", None, "Credit card payment 4837XXXXXXXX1518", True),  # own card
    ("purchase", "debit", None, "Card payment 4837XXXXXXXX1518", True),
    ("purchase", "debit", None, "LULU 1518", False),  # a number in a shop name is no transfer
    ("transfer", "debit", "xxxx0019", None, False),  # the alert's own account is not "the other side"
]


@pytest.mark.parametrize(("kind", "direction", "counterparty", "description", "expected"), TRANSFERS)
def test_own_account_transfers(kind, direction, counterparty, description, expected):
    t = txn(None, kind=kind, direction=direction, counterparty=counterparty, description=description)
    d = categorize(t, [], own_masks=OWN)
    assert d.is_transfer is expected
    if expected:
        assert d.category == "Transfers" and d.is_income is False
    assert categorize(t, []).is_transfer is False  # without known own accounts nothing is assumed


def test_manual_category_is_never_overwritten_but_flags_still_apply():
    spec = to_spec(validate_rule({"name": "x", "conditions": [{"field": "merchant", "value": "tea"}],
                                  "actions": [{"type": "set_category", "value": "Cafes"}, {"type": "exclude"}]}), 9)
    d = categorize(txn("JENAN TEA AIRP"), [spec], category_source="manual")
    assert d.category is None and d.source == "manual" and d.excluded is True and d.rule_id == 9
    d = categorize(txn("JENAN TEA AIRP"), [spec])
    assert d.category == "Cafes" and d.source == "rule" and d.rule_id == 9
