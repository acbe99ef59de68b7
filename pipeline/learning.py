"""Learning from corrections: a recategorization is evidence for a merchant -> category rule.

Every correction is recorded (a transaction corrected again keeps only its latest). When
the user's latest ``learn_after`` corrections for a merchant (default 2) all chose the same
category, a rule ``merchant equals X -> set_category C`` is created (origin "learned"; a
merchant seen with a branch number gets a regex taking every branch: see ``merchant_key``);
before that, the proposal is returned with the transactions it is based on so the API can
show it.
"""

from __future__ import annotations

import logging
import re
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


# A store or terminal number after the name ("TACO BELL 740493", "STARBUCKS STORE #1234",
# "LULU HYPERMARKET 0043"): branches of one merchant, for what a correction teaches. A
# number glued to the name ("7ELEVEN", "MERCHANT123") is part of it.
_BRANCH = r"(?:\s+(?:#|no\.?\s*)?|\s*#\s*)\d{2,}"
_BRANCH_AT_END = re.compile(_BRANCH + r"$", re.IGNORECASE)
_STEM_LETTERS = 4  # "BP 1234" stays itself: a stem this short names nothing for sure


def _name(txn: Transaction) -> str | None:
    return txn.merchant or normalise_merchant(txn.merchant_raw) or normalise_merchant(txn.counterparty)


def _stem(name: str) -> str:
    stem = _BRANCH_AT_END.sub("", name).strip(" -,.")
    return stem if sum(ch.isalpha() for ch in stem) >= _STEM_LETTERS else name


def merchant_key(txn: Transaction) -> str | None:
    """The merchant a correction is evidence for: its name without a branch or terminal number."""
    name = _name(txn)
    return _stem(name) if name else None


def branch_pattern(stem: str) -> str:
    """The learned rule's regex for a merchant seen with branch numbers: the name, any branch or none."""
    return "^" + re.escape(stem) + "(?:" + _BRANCH + ")?$"


def _condition(merchant: str, branches: bool) -> dict[str, object]:
    if branches:
        return {"field": "merchant", "op": "regex", "value": branch_pattern(merchant), "threshold": 85}
    return {"field": "merchant", "op": "equals", "value": merchant, "threshold": 85}


def _learned_rule(s: Session, user_id: int, merchant: str) -> Rule | None:
    """The learned rule for ``merchant``, in either form (equals the name, or the branch pattern)."""
    pattern = branch_pattern(merchant)
    for rule in s.scalars(select(Rule).where(Rule.user_id == user_id, Rule.origin == "learned")):
        conds = rule.conditions or []
        if len(conds) != 1 or conds[0].get("field") != "merchant":
            continue
        op, value = conds[0].get("op"), str(conds[0].get("value", ""))
        if (op == "equals" and value.casefold() == merchant.casefold()) or (op == "regex" and value == pattern):
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
    # Seen with a branch number: the rule covers every branch (and the bare name); once in
    # that form it stays so.
    branches = _name(txn) != merchant or (rule is not None and (rule.conditions or [{}])[0].get("op") == "regex")
    if rule is None:
        rule = Rule(user_id=user.id, name=_rule_name(merchant, cat.name), priority=50, match="all",
                    conditions=[_condition(merchant, branches)],
                    actions=value, stop_processing=False, active=True, origin="learned")
        s.add(rule)
        logger.info("learned rule for user %s: merchant %r -> category %s", user.id, merchant, cat.id)
    else:  # the user changed their mind consistently: the learned rule follows
        rule.conditions = [_condition(merchant, branches)]
        rule.actions = value
        rule.name = _rule_name(merchant, cat.name)
    s.flush()
    proposal.rule_id = rule.id
    return CorrectionResult(effects, proposal)
