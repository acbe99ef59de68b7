"""Rules a user writes once and relies on for months (pure engine): how text, amounts and
stored rules are compared. Review of categorization as a long-term user."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from types import SimpleNamespace

import pytest

from pipeline.categorize import RuleError, TxnFields, categorize, fields_of, rule_specs, spec_from
from pipeline.rules import to_spec, validate_rule


def alert(merchant_raw: str | None = None, *, counterparty: str | None = None, amount: str = "1.000",
          currency: str = "OMR") -> TxnFields:
    """The fields of a stored transaction as the engine sees them (merchant normalised from the raw text)."""
    return fields_of(SimpleNamespace(merchant_raw=merchant_raw, counterparty=counterparty, amount=Decimal(amount),
                                     currency=currency, account_mask="xxxx0019", bank="bank_muscat",
                                     direction="debit", kind="purchase"))


def one(field: str, op: str, value: str, **kw: object):
    return to_spec(validate_rule({"name": "r", "conditions": [{"field": field, "op": op, "value": value, **kw}],
                                  "actions": [{"type": "set_category", "value": "Picked"}]}), 1)


def picked(t: TxnFields, spec) -> bool:
    return categorize(t, [spec]).category == "Picked"


TEXT = [
    # (raw merchant or counterparty, condition, expected): what the bank wrote against what the user typed
    # extra spaces inside the bank's text: the merchant field collapses them, description/counterparty did not
    ("883315-QUALITY  SAVING", ("description", "contains", "quality saving"), True),
    ("883315-QUALITY  SAVING", ("description", "starts_with", "883315-quality saving"), True),
    (("cp", "AHMED  AL   BALUSHI"), ("counterparty", "equals", "Ahmed Al Balushi"), True),
    # ... or inside what the user typed
    ("883315-QUALITY SAVING", ("merchant", "equals", "quality  saving"), True),
    # mixed case and a terminal id in front
    ("883315-Quality Saving - Al AraMUSC", ("merchant", "starts_with", "QUALITY SAVING"), True),
    ("883315-Quality Saving - Al AraMUSC", ("merchant", "equals", "quality saving - al aramusc"), True),
    ("883315-Quality Saving - Al AraMUSC", ("description", "starts_with", "883315"), True),
    # Arabic: a right-to-left mark copied along with the name, presentation forms (a PDF or an
    # old app), a decomposed hamza (NFD keyboards), hamza on alef written or not, tatweel
    ("مقهى الواحة", ("merchant", "contains", "\u200fمقهى"), True),
    ("مقهى الواحة", ("merchant", "equals", "ﻣﻘﻬﻰ ﺍﻟﻮﺍﺣﺔ"), True),
    ("مطعم الأمل", ("merchant", "contains", unicodedata.normalize("NFD", "الأمل")), True),
    ("مطعم الأمل", ("merchant", "contains", "الامل"), True),
    ("مطعم الامل", ("merchant", "contains", "الأمل"), True),
    ("مطعـــم البيت", ("merchant", "starts_with", "مطعم"), True),
    ("İSTANBUL KEBAB", ("merchant", "contains", "istanbul"), True),
    # still a comparison of words, not anything goes
    ("مطعم البيت", ("merchant", "contains", "مقهى"), False),
    ("LU LU EXPRESS", ("merchant", "contains", "lulu"), False),
    ("883315-QUALITY SAVING", ("merchant", "starts_with", "saving"), False),
    ("JENAN TEA", ("merchant", "equals", "jenan"), False),
]


@pytest.mark.parametrize(("bank_text", "cond", "expected"), TEXT)
def test_text_conditions_compare_what_a_person_reads(bank_text, cond, expected):
    field, op, value = cond
    if isinstance(bank_text, tuple):
        t = alert(None, counterparty=bank_text[1])
    else:
        t = alert(bank_text)
    assert picked(t, one(field, op, value)) is expected


def test_a_regex_still_sees_the_text_as_the_bank_wrote_it():
    """Regex is the user's exact tool: no folding (a double space stays two spaces)."""
    t = alert("883315-QUALITY  SAVING")
    assert picked(t, one("description", "regex", r"QUALITY\s{2}SAVING")) is True
    assert picked(t, one("description", "regex", r"quality saving")) is False


def test_amounts_compare_in_the_transactions_own_currency_exactly():
    """'amount max 5' is 5 of whatever currency the alert is in: OMR 4.500 and USD 4.50 both
    qualify (Decimal, never float, never minor units: 4500 baisa are not 4500); JPY 450 does not."""
    omr, usd, jpy = alert("X", amount="4.500"), alert("X", amount="4.50", currency="USD"), alert("X", amount="450")
    assert picked(omr, one("amount", "max", "5")) and picked(usd, one("amount", "max", "5"))
    assert not picked(jpy, one("amount", "max", "5"))
    assert picked(omr, one("amount", "equals", "4.5")) and picked(usd, one("amount", "equals", "4.5"))
    assert not picked(omr, one("amount", "equals", "4.501"))
    assert picked(omr, one("amount", "min", "4.500")) and not picked(omr, one("amount", "min", "4.5001"))


def test_a_rule_without_conditions_never_reaches_the_engine():
    """match "any" over no condition would match nothing, match "all" everything: both are refused."""
    for match in ("all", "any"):
        with pytest.raises(RuleError, match="conditions"):
            validate_rule({"name": "r", "match": match, "conditions": [], "actions": [{"type": "exclude"}]})
        with pytest.raises(RuleError, match="conditions"):
            spec_from([], [{"type": "exclude"}], match=match)
    stored = SimpleNamespace(id=1, conditions=[], actions=[{"type": "exclude"}], match="any", stop_processing=False)
    assert rule_specs([stored]) == []


@pytest.mark.parametrize("value", ["NaN", "sNaN", "Infinity", "-inf"])
def test_a_stored_amount_that_is_no_number_is_skipped_not_fatal(value):
    """A rule stored before the API checked amounts (or edited in the database) is skipped:
    `t.amount <= Decimal("NaN")` raised InvalidOperation for every alert of the user."""
    broken = SimpleNamespace(id=1, conditions=[{"field": "amount", "op": "max", "value": value}],
                             actions=[{"type": "exclude"}], match="all", stop_processing=False)
    fine = SimpleNamespace(id=2, conditions=[{"field": "merchant", "op": "contains", "value": "tea"}],
                           actions=[{"type": "set_category", "value": "Cafes"}], match="all", stop_processing=False)
    specs = rule_specs([broken, fine])
    assert [s.id for s in specs] == [2]
    d = categorize(alert("JENAN TEA"), specs)
    assert (d.category, d.excluded) == ("Cafes", False)


def test_a_value_of_invisible_marks_alone_matches_nothing():
    """Folding drops format characters: a value made of a right-to-left mark alone must not
    become "" and be contained in every merchant."""
    for op in ("contains", "starts_with", "equals", "fuzzy"):
        assert picked(alert("LULU HYPERMARKET"), one("merchant", op, "\u200f\u200e")) is False
