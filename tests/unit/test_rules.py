"""Rule validation and matching as data tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.categorize import RuleError, TxnFields, categorize
from pipeline.rules import stored_form, to_spec, validate_rule


def txn(**kw) -> TxnFields:
    base = dict(merchant="Jenan Tea Airp", description="883315-JENAN TEA AIRP", counterparty=None,
                amount=Decimal("1.200"), account="xxxx0019", bank="bank_muscat", direction="debit", kind="purchase")
    base.update(kw)
    return TxnFields(**base)


def rule(*conds, match="all", actions=None, **kw) -> dict:
    return {"name": "r", "match": match, "conditions": list(conds),
            "actions": [{"type": "set_category", "value": "Cafes"}] if actions is None else actions, **kw}


def c(field, op, value, **kw) -> dict:
    return {"field": field, "op": op, "value": value, **kw}


MATCHES = [
    # (condition, transaction overrides, expected)
    (c("merchant", "equals", "JENAN TEA AIRP"), {}, True),  # case-insensitive
    (c("merchant", "equals", "Jenan Tea"), {}, False),
    (c("merchant", "contains", "tea"), {}, True),
    (c("merchant", "contains", "coffee"), {}, False),
    (c("merchant", "starts_with", "jenan"), {}, True),
    (c("merchant", "starts_with", "tea"), {}, False),
    (c("description", "regex", r"^\d+-jenan"), {}, True),
    (c("description", "regex", r"^jenan"), {}, False),
    (c("merchant", "fuzzy", "Jenan Tee Airport", threshold=70), {}, True),
    (c("merchant", "fuzzy", "Lulu Hypermarket", threshold=70), {}, False),
    (c("counterparty", "contains", "ahmed"), {"counterparty": "AHMED AL BALUSHI"}, True),
    (c("counterparty", "contains", "ahmed"), {}, False),  # missing field never matches
    (c("amount", "min", "1.200"), {}, True),
    (c("amount", "min", "1.201"), {}, False),
    (c("amount", "max", "1.2"), {}, True),
    (c("amount", "max", "1.199"), {}, False),
    (c("amount", "equals", 1.2), {}, True),
    (c("account", "contains", "0019"), {}, True),
    (c("bank", "equals", "bank_muscat"), {}, True),
    (c("direction", "equals", "credit"), {}, False),
    (c("kind", "equals", "purchase"), {}, True),
]


@pytest.mark.parametrize(("cond", "over", "expected"), MATCHES)
def test_condition_matching(cond, over, expected):
    spec = to_spec(validate_rule(rule(cond)), 1)
    assert spec.matches(txn(**over)) is expected


def test_match_all_needs_every_condition_and_any_needs_one():
    conds = (c("merchant", "contains", "tea"), c("amount", "min", "5"))
    assert not to_spec(validate_rule(rule(*conds, match="all"))).matches(txn())
    assert to_spec(validate_rule(rule(*conds, match="any"))).matches(txn())


INVALID = [
    (rule(c("colour", "equals", "red")), "conditions.0.field"),
    (rule(c("merchant", "bogus", "x")), "conditions.0.op"),
    (rule(c("merchant", "regex", "(unclosed")), "regex"),
    (rule(c("amount", "min", "ten")), "is not an amount"),
    (rule(c("amount", "min", 0.1 + 0.2)), "too many digits"),
    (rule(c("merchant", "min", "5")), "op"),
    (rule(c("amount", "contains", "5")), "op"),
    (rule(c("merchant", "contains", "   ")), "value"),
    (rule(c("merchant", "fuzzy", "x", threshold=101)), "conditions.0.threshold"),
    ({"name": "r", "conditions": [], "actions": [{"type": "exclude"}]}, "conditions"),
    (rule(c("merchant", "contains", "x"), actions=[]), "actions"),
    (rule(c("merchant", "contains", "x"), actions=[{"type": "paint"}]), "actions.0.type"),
    (rule(c("merchant", "contains", "x"), actions=[{"type": "set_category"}]), "set_category needs"),
    (rule(c("merchant", "contains", "x"), actions=[{"type": "exclude", "value": "yes"}]), "actions.0"),
    (rule(c("merchant", "contains", "x"), match="some"), "match"),
    ({"conditions": [c("merchant", "contains", "x")], "actions": [{"type": "exclude"}]}, "name"),
]


@pytest.mark.parametrize(("data", "fragment"), INVALID)
def test_invalid_rules_name_the_field(data, fragment):
    with pytest.raises(RuleError) as info:
        validate_rule(data)
    assert fragment in str(info.value)


def test_priority_order_first_category_wins_and_stop_processing_ends_the_run():
    r1 = to_spec(validate_rule(rule(c("merchant", "contains", "tea"),
                                    actions=[{"type": "set_category", "value": "Tea"}])), 1)
    r2 = to_spec(validate_rule(rule(c("merchant", "contains", "jenan"),
                                    actions=[{"type": "set_category", "value": "Jenan"},
                                             {"type": "exclude"}])), 2)
    d = categorize(txn(), [r1, r2])
    assert (d.category, d.source, d.excluded, d.rule_ids) == ("Tea", "rule", True, [1, 2])
    stop = to_spec(validate_rule(rule(c("merchant", "contains", "tea"), stop_processing=True,
                                      actions=[{"type": "set_display_name", "value": "Jenan Tea"}])), 3)
    d = categorize(txn(), [stop, r2])
    assert d.display_name == "Jenan Tea" and d.rule_ids == [3] and d.excluded is False
    assert d.category == "Restaurants & Cafes" and d.source == "builtin"  # the rule set no category


def test_actions_mark_transfer_and_income():
    spec = to_spec(validate_rule(rule(c("kind", "equals", "purchase"),
                                      actions=[{"type": "mark_transfer"}, {"type": "mark_income"}])))
    d = categorize(txn(), [spec])
    assert d.is_transfer and d.is_income


def test_stored_form_round_trips():
    data = rule(c("merchant", "regex", "^lulu"), priority=5)
    stored = stored_form(validate_rule(data))
    again = validate_rule(stored)
    assert stored_form(again) == stored and stored["priority"] == 5
    assert stored["actions"] == [{"type": "set_category", "value": "Cafes"}]


def test_a_currency_condition_keeps_an_amount_rule_to_one_currency():
    spec = to_spec(validate_rule(rule({"field": "currency", "op": "equals", "value": "usd"},
                                      {"field": "amount", "op": "max", "value": "5"})))
    assert spec.matches(txn(amount=Decimal("4.50"), currency="USD"))
    assert not spec.matches(txn(amount=Decimal("4.500"), currency="OMR"))
    assert not spec.matches(txn(amount=Decimal("4.50")))  # no currency known: no match
