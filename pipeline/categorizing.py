"""Glue between a new transaction and the pure rules engine (pipeline.categorize)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import BankAccount, Category, Rule, Transaction, User
from pipeline import budgets


def name_key(name: str) -> str:
    """A category name as a person tells names apart: letter case and spacing do not count."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def same_name(categories: Iterable[Category], name: str) -> Category | None:
    """Of ``categories``, the one called ``name``: exactly so, else the oldest whose name
    differs only in letter case or spacing."""
    cats = sorted(categories, key=lambda c: c.id)
    return (next((c for c in cats if c.name == name), None)
            or next((c for c in cats if name_key(c.name) == name_key(name)), None))


def category_named(s: Session, user_id: int, name: str) -> Category:
    """Get or create a user's category; safe when two workers create it at once.

    A rule's "groceries" is the user's "Groceries": a second category made beside it took
    every transaction the rule filed out of the budgets of the first, silently.
    """
    query = select(Category).where(Category.user_id == user_id, Category.name == name)
    cat = s.scalar(query)
    if cat is None:
        cat = same_name(s.scalars(select(Category).where(Category.user_id == user_id)), name)
    if cat is None:
        s.execute(budgets._insert(s, Category).values(user_id=user_id, name=name).on_conflict_do_nothing())
        cat = s.scalar(query)
        assert cat is not None
    return cat


def own_masks(s: Session, user_id: int) -> list[str]:
    """Masks of the user's own accounts and cards (``is_own``): the other side of a transfer."""
    return [m for m in s.scalars(select(BankAccount.mask).where(BankAccount.user_id == user_id,
                                                                BankAccount.is_own.is_(True))) if m]


def categorize_transaction(s: Session, txn: Transaction, user: User) -> None:
    """Set category, transfer/income flags and display name from rules and the built-in map."""
    Categorizer(s, user.id).apply(txn)


class Categorizer:
    """One user's active rules read once, and category ids remembered: for a batch of mail."""

    def __init__(self, s: Session, user_id: int) -> None:
        from pipeline.categorize import rule_specs

        self.s = s
        self.user_id = user_id
        rules = s.scalars(
            select(Rule).where(Rule.user_id == user_id, Rule.active.is_(True)).order_by(Rule.priority, Rule.id)
        ).all()
        self.specs = rule_specs(rules)
        # The user's own accounts and cards: a debit naming another of them ("credit card
        # payment 4837****1518", "transfer to a/c xxxx0019") is money between them, not spend.
        # Without them a card bill paid from the current account counted its purchases twice.
        self.own_masks = own_masks(s, user_id)
        self.category_ids: dict[str, int] = {}
        self._categories: list[Category] | None = None  # the user's categories, read once when first needed

    def apply(self, txn: Transaction) -> None:
        from pipeline.categorize import categorize, fields_of

        decision = categorize(fields_of(txn), self.specs, own_masks=self.own_masks)
        if decision.display_name:
            txn.display_name = decision.display_name
        txn.merchant = decision.merchant or txn.merchant_raw
        txn.is_transfer = decision.is_transfer
        txn.is_income = decision.is_income
        txn.excluded = decision.excluded
        name = decision.category or "Uncategorized"
        if name not in self.category_ids:
            self.category_ids[name] = self._category_id(name)
        txn.category_id = self.category_ids[name]
        txn.category_source = decision.source

    def _category_id(self, name: str) -> int:
        """``category_named`` with one SELECT of all the user's categories per batch instead of one per name."""
        if self._categories is None:
            self._categories = list(self.s.scalars(select(Category).where(Category.user_id == self.user_id)))
        found = same_name(self._categories, name)
        if found is None:  # a new name: created (or found, if another worker just made it)
            found = category_named(self.s, self.user_id, name)
            self._categories.append(found)
        return found.id
