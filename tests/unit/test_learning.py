"""Learning from corrections on a real SQLite file: a rule after N consistent corrections, not before."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from models import Base, Category, CategoryCorrection, Rule, Transaction, User, to_minor
from pipeline import learning
from pipeline.categorize import categorize, fields_of, rule_specs
from pipeline.db import make_engine

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def s(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'learn.db'}")
    Base.metadata.create_all(engine)
    with sessionmaker(bind=engine, expire_on_commit=False)() as session:
        yield session
    engine.dispose()


def setup(s, learn_after=2):
    user = User(email="l@example.test", timezone="Asia/Muscat", learn_after=learn_after)
    s.add(user)
    s.flush()
    cats = {n: Category(user_id=user.id, name=n) for n in ("Cafes", "Groceries", "Uncategorized")}
    s.add_all(cats.values())
    s.flush()
    return user, cats


def txn(s, user, merchant="Jenan Tea", n=0):
    t = Transaction(user_id=user.id, amount_minor=to_minor("1.100", "OMR"), currency="OMR", direction="debit",
                    kind="purchase", merchant_raw=merchant, merchant=merchant, occurred_at=NOW,
                    fingerprint=f"fp{n}")
    s.add(t)
    s.flush()
    return t


def learned(s):
    return s.scalars(select(Rule).where(Rule.origin == "learned")).all()


@pytest.mark.parametrize("n", [1, 2, 3])
def test_rule_created_after_exactly_n_consistent_corrections(s, n):
    user, cats = setup(s, learn_after=n)
    for i in range(n):
        assert learned(s) == []
        res = learning.correct(s, user, txn(s, user, n=i), cats["Cafes"].id, NOW + timedelta(minutes=i))
        assert res.proposal is not None and res.proposal.corrections == i + 1 and res.proposal.needed == n
    [rule] = learned(s)
    assert res.proposal.rule_id == rule.id and len(res.proposal.transaction_ids) == n
    assert rule.conditions == [{"field": "merchant", "op": "equals", "value": "Jenan Tea", "threshold": 85}]
    assert rule.actions == [{"type": "set_category", "value": "Cafes"}]
    # the learned rule categorizes the next transaction from that merchant
    d = categorize(fields_of(txn(s, user, n=99)), rule_specs(learned(s)))
    assert (d.category, d.source) == ("Cafes", "rule")


def test_inconsistent_corrections_do_not_learn(s):
    user, cats = setup(s)
    learning.correct(s, user, txn(s, user, n=1), cats["Cafes"].id, NOW)
    res = learning.correct(s, user, txn(s, user, n=2), cats["Groceries"].id, NOW + timedelta(minutes=1))
    assert learned(s) == [] and res.proposal.corrections == 1
    assert s.scalar(select(CategoryCorrection.merchant).limit(1)) == "Jenan Tea"


def test_other_merchants_do_not_count(s):
    user, cats = setup(s)
    learning.correct(s, user, txn(s, user, "Jenan Tea", n=1), cats["Cafes"].id, NOW)
    learning.correct(s, user, txn(s, user, "Costa", n=2), cats["Cafes"].id, NOW + timedelta(minutes=1))
    assert learned(s) == []


def test_a_consistent_change_of_mind_updates_the_learned_rule(s):
    user, cats = setup(s)
    for i in range(2):
        learning.correct(s, user, txn(s, user, n=i), cats["Cafes"].id, NOW + timedelta(minutes=i))
    for i in range(2, 4):
        learning.correct(s, user, txn(s, user, n=i), cats["Groceries"].id, NOW + timedelta(minutes=i))
    [rule] = learned(s)
    assert rule.actions == [{"type": "set_category", "value": "Groceries"}]


def test_correction_makes_the_category_manual(s):
    user, cats = setup(s)
    t = txn(s, user)
    learning.correct(s, user, t, cats["Cafes"].id, NOW)
    assert t.category_id == cats["Cafes"].id and t.category_source == "manual"


def test_branches_of_one_merchant_are_one_piece_of_evidence_and_one_rule(s):
    """"TACO BELL 740493" and "TACO BELL 740512" are two branches: two corrections learn a rule
    that also categorizes a third branch, the bare name and "#1234" forms, and nothing else."""
    user, cats = setup(s)
    learning.correct(s, user, txn(s, user, "TACO BELL 740493", n=1), cats["Cafes"].id, NOW)
    res = learning.correct(s, user, txn(s, user, "TACO BELL 740512", n=2), cats["Cafes"].id, NOW + timedelta(minutes=1))
    assert res.proposal.merchant == "TACO BELL" and res.proposal.created
    [rule] = learned(s)
    specs = rule_specs(learned(s))
    for other in ("TACO BELL 999001", "Taco Bell", "TACO BELL #12", "TACO BELL No. 77"):
        d = categorize(fields_of(txn(s, user, other, n=hash(other))), specs)
        assert (d.category, d.source) == ("Cafes", "rule"), other
    for stranger in ("TACO BELLS 123", "MY TACO BELL 123", "TACO BELL EXPRESS 12"):
        d = categorize(fields_of(txn(s, user, stranger, n=hash(stranger))), specs)
        assert d.source != "rule", stranger


def test_a_plain_name_keeps_an_equals_rule_and_a_branch_widens_it(s):
    user, cats = setup(s)
    for i in range(2):
        learning.correct(s, user, txn(s, user, "LULU HYPERMARKET", n=i), cats["Groceries"].id, NOW + timedelta(minutes=i))
    [rule] = learned(s)
    assert rule.conditions[0]["op"] == "equals"
    for i in range(2, 4):
        learning.correct(s, user, txn(s, user, "LULU HYPERMARKET 0043", n=i), cats["Groceries"].id,
                         NOW + timedelta(minutes=i))
    [rule] = learned(s)  # the same rule, now for every branch
    assert rule.conditions[0]["op"] == "regex"
    d = categorize(fields_of(txn(s, user, "LULU HYPERMARKET 0044", n=9)), rule_specs(learned(s)))
    assert (d.category, d.source) == ("Groceries", "rule")


@pytest.mark.parametrize("name", ["BP 1234", "MERCHANT123", "7ELEVEN", "CAFE"])
def test_short_or_glued_numbers_stay_part_of_the_name(s, name):
    user, cats = setup(s)
    for i in range(2):
        learning.correct(s, user, txn(s, user, name, n=i), cats["Cafes"].id, NOW + timedelta(minutes=i))
    [rule] = learned(s)
    assert rule.conditions == [{"field": "merchant", "op": "equals", "value": name, "threshold": 85}]
