"""Learning from corrections: a recategorization is evidence for a merchant -> category rule.

Every correction is recorded (a transaction corrected again keeps only its latest). When
the user's latest ``learn_after`` corrections for a merchant (default 2) all chose the same
category, a rule ``merchant equals X -> set_category C`` is created (origin "learned");
before that, the proposal is returned with the transactions it is based on so the API can
show it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models import Category, CategoryCorrection, Rule, Transaction, User
from pipeline import budgets
from pipeline.merchant_map import normalise_merchant
from pipeline.txn_edit import recategorize

logger = logging.getLogger(__name__)


@dataclass
class Proposal:
    merchant: str
    category_id: int
    category: str
    transaction_ids: list[int]
    corrections: int
    needed: int
    rule_id: int | None = None  # set once the rule exists

    @property
    def created(self) -> bool:
        return self.rule_id is not None


@dataclass
class CorrectionResult:
    effects: budgets.Effects
    proposal: Proposal | None = None
    conflicts: list[int] = field(default_factory=list)


def merchant_key(txn: Transaction) -> str | None:
    return txn.merchant or normalise_merchant(txn.merchant_raw) or normalise_merchant(txn.counterparty)


def _learned_rule(s: Session, user_id: int, merchant: str) -> Rule | None:
    for rule in s.scalars(select(Rule).where(Rule.user_id == user_id, Rule.origin == "learned")):
        conds = rule.conditions or []
        if len(conds) == 1 and conds[0].get("field") == "merchant" and conds[0].get("op") == "equals" \
                and str(conds[0].get("value", "")).casefold() == merchant.casefold():
            return rule
    return None


def _rule_name(merchant: str, category: str) -> str:
    """``merchant -> category`` within rules.name (200): a merchant is kept up to 500
    characters, and a longer name failed the correction on PostgreSQL."""
    suffix = f" -> {category}"
    most = 200 - len(suffix)
    return (merchant if len(merchant) <= most else merchant[:most - 3] + "...") + suffix


def correct(s: Session, user: User, txn: Transaction, category_id: int, now: datetime) -> CorrectionResult:
    """Recategorize ``txn`` by hand, record the correction and learn when it is consistent."""
    effects = recategorize(s, txn, category_id, now)
    merchant = merchant_key(txn)
    if merchant is None:  # nothing to learn a merchant rule from
        return CorrectionResult(effects)
    # One transaction is one piece of evidence: its latest choice replaces an earlier one (a
    # double click or a retried PATCH counted twice and learned a rule from one correction).
    s.execute(delete(CategoryCorrection).where(CategoryCorrection.transaction_id == txn.id))
    s.add(CategoryCorrection(user_id=user.id, transaction_id=txn.id, merchant=merchant, category_id=category_id,
                             created_at=now))
    s.flush()
    needed = max(1, user.learn_after or 2)
    latest = s.scalars(
        select(CategoryCorrection)
        # Case-blind, as the learned rule's "equals" is: JENAN TEA and Jenan Tea (two banks) are
        # one merchant. Both sides by the database's lower() (ASCII-only on SQLite), so a
        # merchant always finds itself.
        .where(CategoryCorrection.user_id == user.id,
               func.lower(CategoryCorrection.merchant) == func.lower(merchant))
        .order_by(CategoryCorrection.created_at.desc(), CategoryCorrection.id.desc())
        .limit(needed)
    ).all()
    consistent = [c for c in latest if c.category_id == category_id]
    cat = s.get(Category, category_id)
    assert cat is not None
    proposal = Proposal(merchant, category_id, cat.name, sorted({c.transaction_id for c in consistent}),
                        len(consistent), needed)
    if len(consistent) < needed or len(latest) < needed:
        return CorrectionResult(effects, proposal, [c.transaction_id for c in latest if c.category_id != category_id])
    rule = _learned_rule(s, user.id, merchant)
    value = [{"type": "set_category", "value": cat.name}]
    if rule is None:
        rule = Rule(user_id=user.id, name=_rule_name(merchant, cat.name), priority=50, match="all",
                    conditions=[{"field": "merchant", "op": "equals", "value": merchant, "threshold": 85}],
                    actions=value, stop_processing=False, active=True, origin="learned")
        s.add(rule)
        logger.info("learned rule for user %s: merchant %r -> category %s", user.id, merchant, cat.id)
    else:  # the user changed their mind consistently: the learned rule follows
        rule.actions = value
        rule.name = _rule_name(merchant, cat.name)
    s.flush()
    proposal.rule_id = rule.id
    return CorrectionResult(effects, proposal)
