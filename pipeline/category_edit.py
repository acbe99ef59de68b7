"""Renaming and removing a category without moving spend between budgets by surprise.

Budgets and transactions refer to a category by id, rules by name (``set_category``
"Groceries"): a rename renames it in the user's rules too, or the next match would make a
new "Groceries" beside the renamed one and take its spend out of the budget. A category
a budget is scoped to, or a rule files into, is not removed: a budget scoped to it alone
would silently become an all-spend budget. Removing one moves its transactions to
Uncategorized through ``txn_edit.update_transaction``, so a budget scoped to
Uncategorized gains exactly their spend (and its alerts), and ``verify`` stays clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Budget, Category, Rule, Transaction
from models.tables import BudgetCategory
from pipeline import budgets
from pipeline.categorizing import category_named, name_key, same_name
from pipeline.txn_edit import update_transaction

UNCATEGORIZED = "Uncategorized"  # where categorizing puts what nothing else claims


class CategoryError(ValueError):
    """The rename or removal is refused; the message says why and what to do."""


@dataclass
class Removed:
    moved: int = 0  # transactions now in Uncategorized
    effects: budgets.Effects = field(default_factory=lambda: budgets.Effects([], []))


def _rules_filing_into(s: Session, user_id: int, name: str) -> list[Rule]:
    return [r for r in s.scalars(select(Rule).where(Rule.user_id == user_id).order_by(Rule.id))
            if any(a.get("type") == "set_category" and name_key(str(a.get("value", ""))) == name_key(name)
                   for a in (r.actions or []))]


def rename(s: Session, category: Category, new_name: str) -> int:
    """Rename ``category`` and every rule action filing into it; returns how many rules changed."""
    new_name = new_name.strip()
    if not new_name or len(new_name) > 100:
        raise CategoryError("name: 1 to 100 characters, not blank")
    others = s.scalars(select(Category).where(Category.user_id == category.user_id, Category.id != category.id))
    clash = same_name(others, new_name)
    if clash is not None:
        raise CategoryError(f"name: a category {clash.name!r} exists already (id {clash.id})")
    old = category.name
    rules = _rules_filing_into(s, category.user_id, old)
    for rule in rules:
        rule.actions = [{**a, "value": new_name} if a.get("type") == "set_category"
                        and name_key(str(a.get("value", ""))) == name_key(old) else a for a in rule.actions or []]
        if rule.origin == "learned" and rule.name.endswith(f" -> {old}"):
            rule.name = rule.name[: -len(old)] + new_name
    category.name = new_name
    s.flush()
    return len(rules)


def remove(s: Session, category: Category, now: datetime) -> Removed:
    """Remove ``category`` (refused while a budget or a rule uses it); its transactions go to Uncategorized."""
    if name_key(category.name) == name_key(UNCATEGORIZED):
        raise CategoryError(f"{category.name!r} is where transactions without a category go: it stays")
    scoped = s.scalars(select(Budget.name).join(BudgetCategory, BudgetCategory.budget_id == Budget.id)
                       .where(BudgetCategory.category_id == category.id).order_by(Budget.id)).all()
    if scoped:
        raise CategoryError(f"budget(s) {', '.join(repr(n) for n in scoped)} count this category: take it out of "
                            "them first (a budget scoped to it alone would count all spend)")
    rules = _rules_filing_into(s, category.user_id, category.name)
    if rules:
        raise CategoryError(f"rule(s) {', '.join(f'#{r.id} {r.name!r}' for r in rules)} file into this category: "
                            "change or delete them first")
    out = Removed()
    txns = s.scalars(select(Transaction).where(Transaction.category_id == category.id).order_by(Transaction.id)).all()
    if txns:
        target = category_named(s, category.user_id, UNCATEGORIZED).id
        for txn in txns:
            out.effects.extend(update_transaction(s, txn, now, category_id=target, category_source="default"))
            out.moved += 1
    s.delete(category)
    s.flush()
    return out
