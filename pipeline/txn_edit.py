"""Changing stored transactions while every budget period stays exact.

Each change takes the transaction out of the spend of the periods that covered it,
changes it, and adds it back to the periods that cover it now, all inside the caller's
database transaction. Adding back goes through ``budgets.apply_transaction``, so a
threshold newly crossed by the change records an alert exactly once (unique per period
and threshold), as in the pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Category, Rule, Transaction
from pipeline import budgets
from pipeline.categorize import RuleSpec, fields_of, rule_specs

MANUAL = "manual"


class EditError(ValueError):
    """A change that cannot be made (unknown category...); the message names the field."""


@dataclass
class Change:
    transaction_id: int
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass
class EditResult:
    changes: list[Change] = field(default_factory=list)
    effects: budgets.Effects = field(default_factory=lambda: budgets.Effects([], []))


def _state(txn: Transaction) -> dict[str, Any]:
    return {
        "category_id": txn.category_id,
        "is_transfer": txn.is_transfer,
        "is_income": txn.is_income,
        "excluded": txn.excluded,
        "display_name": txn.display_name,
    }


def category_of(s: Session, user_id: int, category_id: int) -> Category:
    cat = s.get(Category, category_id)
    if cat is None or cat.user_id != user_id:
        raise EditError(f"category_id: no category {category_id}")
    return cat


# Fields that do not decide whether or where a transaction counts: changing only these
# leaves the budgets alone.
_NOT_SPEND = frozenset({"category_source", "display_name"})


def _lock(s: Session, txn: Transaction) -> bool:
    """Lock the transaction's row (SELECT ... FOR UPDATE on PostgreSQL) and re-read it, so a
    concurrent edit of the same transaction, committed meanwhile, is seen and not applied
    twice. False when it has been deleted meanwhile."""
    s.flush()
    locked = s.scalar(
        select(Transaction).where(Transaction.id == txn.id).with_for_update(of=Transaction)
        .execution_options(populate_existing=True)
    )
    return locked is not None


def update_transaction(s: Session, txn: Transaction, now: datetime, **values: Any) -> budgets.Effects:
    """Set fields of ``txn`` (category_id, category_source, is_transfer, is_income, excluded,
    display_name) and move its spend between budget periods accordingly.

    The row is locked and re-read first: only what still differs is changed, and a change
    that changes nothing leaves the budgets alone (two identical requests at once take the
    transaction out once)."""
    effects = budgets.Effects([], [])
    if not _lock(s, txn):
        raise EditError(f"transaction: no transaction {txn.id}")
    changed = {k: v for k, v in values.items() if getattr(txn, k) != v}
    if not changed:
        return effects
    if set(changed) <= _NOT_SPEND:
        for key, value in changed.items():
            setattr(txn, key, value)
        s.flush()
        return effects
    budgets.apply_transaction(s, txn, -1, now)
    for key, value in changed.items():
        setattr(txn, key, value)
    s.flush()
    # The category relationship is loaded eagerly; refresh it so covers() sees the new id.
    s.expire(txn, ["category"])
    effects.extend(budgets.apply_transaction(s, txn, +1, now))
    return effects


def recategorize(s: Session, txn: Transaction, category_id: int, now: datetime) -> budgets.Effects:
    """A user's own choice: the category becomes manual and no later rule overwrites it."""
    category_of(s, txn.user_id, category_id)
    return update_transaction(s, txn, now, category_id=category_id, category_source=MANUAL)


def delete_transaction(s: Session, txn: Transaction, now: datetime) -> None:
    """Take ``txn`` out of its budget periods and delete it; a transaction a concurrent
    request deleted meanwhile (its row lock waited for it) is left as it is."""
    if not _lock(s, txn):
        s.expunge(txn)
        return
    budgets.apply_transaction(s, txn, -1, now)
    s.delete(txn)
    s.flush()


def _category_id(s: Session, user_id: int, name: str) -> int:
    from pipeline.categorizing import category_named

    return category_named(s, user_id, name).id


# Actions whose first matching rule wins a run (pipeline.categorize): a later rule's value
# never shows. Flags are only ever set, by any matching rule.
_FIRST_WINS = ("set_category", "set_display_name")


def _planned(txn: Transaction, specs: Sequence[RuleSpec], only: RuleSpec | None = None) -> dict[str, Any]:
    """What running ``specs`` (in run order) over ``txn`` sets from rules, as
    pipeline.categorize decides it: the first matching set_category and set_display_name
    win, a flag action only ever sets its flag (``false`` does nothing), stop_processing
    ends the run, and a manual category stays.

    ``only`` (one of ``specs``): just what that rule contributes to the run; nothing when
    it does not match or a rule before it stopped the run, no category or display name
    when a rule before it set one.
    """
    fields = fields_of(txn)
    acts: dict[str, Any] = {}
    first: set[str] = set()
    for spec in specs:
        if not spec.matches(fields):
            continue
        for k, v in spec.actions.items():
            if not v:
                continue
            if k in _FIRST_WINS:
                if k in first:
                    continue
                first.add(k)
            if only is None or spec is only:
                acts.setdefault(k, v)
        if spec.stop_processing:
            break
    out: dict[str, Any] = {}
    if acts.get("set_category") and txn.category_source != MANUAL:
        out["category"] = str(acts["set_category"])
    for action, column in (("mark_transfer", "is_transfer"), ("mark_income", "is_income"), ("exclude", "excluded")):
        if action in acts:
            out[column] = True
    if acts.get("set_display_name"):
        out["display_name"] = str(acts["set_display_name"])
    return out


def run_order(s: Session, user_id: int, spec: RuleSpec, priority: int) -> list[RuleSpec]:
    """The user's active rules in the order a new alert meets them (priority, then age),
    with ``spec`` in its place: a stored rule (``spec.id``) where it stands, active or not;
    an unsaved one after the rules of its priority (it would be the newest)."""
    rows = s.scalars(select(Rule).where(Rule.user_id == user_id, Rule.active.is_(True), Rule.id != spec.id)
                     if spec.id is not None else
                     select(Rule).where(Rule.user_id == user_id, Rule.active.is_(True))).all()
    # (priority, unsaved, id): an unsaved rule sorts after every stored rule of its priority.
    placed: list[tuple[tuple[int, bool, int], RuleSpec]] = [
        ((r.priority, False, r.id), one) for r in rows for one in rule_specs([r])]  # a broken stored rule: skipped
    placed.append(((priority, spec.id is None, spec.id or 0), spec))
    return [one for _key, one in sorted(placed, key=lambda p: p[0])]


def run_rule(s: Session, user_id: int, spec: RuleSpec, priority: int, now: datetime, *, apply: bool,
             limit: int | None = None) -> EditResult:
    """Preview or apply one rule to the user's stored transactions: what it contributes
    when it runs among the user's active rules, exactly as for a new alert."""
    return run_rules(s, user_id, run_order(s, user_id, spec, priority), now, apply=apply, limit=limit, only=spec)


def run_rules(s: Session, user_id: int, specs: Sequence[RuleSpec], now: datetime, *, apply: bool,
              limit: int | None = None, only: RuleSpec | None = None) -> EditResult:
    """Preview (``apply=False``) or apply rules to the user's stored transactions.

    Only transactions whose stored values would change are listed. A manual category is
    never overwritten; a rule may still set the flags of such a transaction. ``only``: see
    ``_planned``. Applying locks and re-reads each transaction before deciding, so a
    category set by hand meanwhile (another request) is seen and kept.
    """
    from pipeline.categorizing import same_name

    result = EditResult()
    txns = s.scalars(select(Transaction).where(Transaction.user_id == user_id).order_by(Transaction.id)).all()
    cats = list(s.scalars(select(Category).where(Category.user_id == user_id)))
    names = {c.id: c.name for c in cats}
    for txn in txns:
        plan = _planned(txn, specs, only)
        if not plan:
            continue
        if apply:
            if not _lock(s, txn):  # deleted meanwhile
                continue
            plan = _planned(txn, specs, only)
            if not plan:
                continue
        before = _state(txn)
        wanted: dict[str, Any] = {k: v for k, v in plan.items() if k != "category"}
        if "category" in plan:
            # The category a run files it in: the user's own of that name, whatever its case.
            found = same_name(cats, plan["category"])
            target = found.id if found is not None else None
            if target is None or target != txn.category_id:
                if apply and target is None:
                    made = s.get(Category, _category_id(s, user_id, plan["category"]))
                    assert made is not None
                    cats.append(made)
                    names[made.id], target = made.name, made.id
                if target is not None:  # else a preview of a category the apply creates
                    wanted["category_id"] = target
                wanted["category"] = names[target] if target is not None else plan["category"]
                if apply:
                    wanted["category_source"] = "rule"
        wanted = {k: v for k, v in wanted.items() if k in ("category", "category_source") or before.get(k) != v}
        if not wanted or set(wanted) == {"category_source"}:
            continue
        after = dict(before)
        after.update({k: v for k, v in wanted.items() if k != "category_source"})
        before["category"] = names.get(before["category_id"] or -1)
        if "category" not in wanted:
            after["category"] = names.get(after["category_id"] or -1)
        result.changes.append(Change(txn.id, before, after))
        if apply:
            result.effects.extend(update_transaction(
                s, txn, now, **{k: v for k, v in wanted.items() if k != "category"}))
        if limit is not None and len(result.changes) >= limit:
            break
    return result


def active_specs(s: Session, user_id: int) -> list[RuleSpec]:
    rules = s.scalars(
        select(Rule).where(Rule.user_id == user_id, Rule.active.is_(True)).order_by(Rule.priority, Rule.id)
    ).all()
    return rule_specs(rules)
