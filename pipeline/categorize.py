"""Categorize a transaction (pure): user rules in priority order, then the built-in map.

A rule has conditions (field, operator, value) matched all or any, and actions (set a
category, mark as transfer or income, exclude from budgets, set a display name). Rules
run in priority order; a rule with ``stop_processing`` ends the run.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import regex
from rapidfuzz import fuzz

from pipeline.merchant_map import category_for, normalise_merchant

FIELDS = ("merchant", "description", "counterparty", "amount", "account", "bank", "direction", "kind", "currency")
OPERATORS = ("equals", "contains", "starts_with", "regex", "fuzzy", "min", "max")
DEFAULT_CATEGORY = "Uncategorized"
ACTIONS = ("set_category", "mark_transfer", "mark_income", "exclude", "set_display_name")
# A user's regex runs on the `regex` module with a time limit: the `re` module has none, and
# a pattern like (\w+\s?)+$ on a merchant ending in "*" backtracked 2^n times, holding the
# worker (and an API thread on preview/apply) for hours; the match is given up as no match.
REGEX_TIMEOUT_S = 0.1

logger = logging.getLogger(__name__)


class RuleError(ValueError):
    """A rule that cannot run; the message names the field."""


def check_regex(pattern: str) -> None:
    """RuleError unless ``pattern`` compiles as the engine runs it (the `regex` module)."""
    try:
        regex.compile(pattern)
    except (regex.error, OverflowError, RecursionError) as exc:  # a{4294967296}: OverflowError on re
        raise RuleError(f"invalid regex {pattern!r}: {exc}") from exc


_SPACE_RUN = re.compile(r"\s+")
_TATWEEL = "\u0640"  # Arabic letter stretching (مطعـــم): drawn, not spelled


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Text as equals, contains, starts_with and fuzzy compare it: what a person reads.

    Compatibility forms decomposed (Arabic presentation forms, full-width letters), marks
    dropped (harakat, the hamza on an alef, accents, the dot of a Turkish İ), format
    characters dropped (right-to-left marks copied along with a name, zero-width joiners)
    and tatweel, then case folded and runs of spaces collapsed. Regex conditions see the
    text as the bank wrote it.
    """
    kept = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if ch != _TATWEEL and unicodedata.category(ch) not in ("Mn", "Cf"))
    return _SPACE_RUN.sub(" ", kept.casefold()).strip()


@dataclass(frozen=True)
class TxnFields:
    merchant: str | None
    description: str | None
    counterparty: str | None
    amount: Decimal
    account: str | None
    bank: str | None
    direction: str
    kind: str
    # An amount is compared in the transaction's own currency: "currency equals USD" beside
    # "amount max 5" keeps such a rule to one currency.
    currency: str | None = None


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: str
    threshold: int = 85  # fuzzy score 0..100

    def __post_init__(self) -> None:
        if self.field not in FIELDS:
            raise RuleError(f"conditions.field: {self.field!r} is not one of {', '.join(FIELDS)}")
        if self.op not in OPERATORS:
            raise RuleError(f"conditions.op: {self.op!r} is not one of {', '.join(OPERATORS)}")
        if self.op == "regex":
            try:
                check_regex(self.value)
            except RuleError as exc:
                raise RuleError(f"conditions.value: {exc}") from exc
        if self.op in ("min", "max") or self.field == "amount":
            if self.op not in ("min", "max", "equals"):
                raise RuleError("conditions.op: amount takes min, max or equals")
            try:
                finite = Decimal(self.value).is_finite()
            except InvalidOperation:
                finite = False
            if not finite:  # NaN made every comparison raise: each alert of the user failed
                raise RuleError(f"conditions.value: {self.value!r} is not an amount")

    def matches(self, t: TxnFields) -> bool:
        if self.field == "amount":
            want = Decimal(self.value)
            return {"min": t.amount >= want, "max": t.amount <= want, "equals": t.amount == want}[self.op]
        have = getattr(t, self.field)
        if have is None:
            return False
        if self.op == "regex":
            try:
                return regex.search(self.value, str(have), regex.IGNORECASE, timeout=REGEX_TIMEOUT_S) is not None
            except TimeoutError:
                logger.warning("regex %r gave up after %s s on the %s: no match", self.value, REGEX_TIMEOUT_S, self.field)
                return False
        a, b = fold(str(have)), fold(self.value)
        if not b:  # a value of marks alone ("\u200f") would be contained in everything
            return False
        if self.op == "equals":
            return a == b
        if self.op == "contains":
            return b in a
        if self.op == "starts_with":
            return a.startswith(b)
        if self.op == "fuzzy":
            return fuzz.token_set_ratio(a, b) >= self.threshold
        return False


@dataclass(frozen=True)
class RuleSpec:
    id: int | None
    conditions: tuple[Condition, ...]
    actions: dict[str, Any]
    match_all: bool = True
    stop_processing: bool = False

    def matches(self, t: TxnFields) -> bool:
        results = (c.matches(t) for c in self.conditions)
        return all(results) if self.match_all else any(results)


@dataclass
class Decision:
    category: str | None = None
    source: str = "default"  # rule | builtin | default
    is_transfer: bool = False
    is_income: bool = False
    excluded: bool = False
    display_name: str | None = None
    merchant: str | None = None  # normalised
    rule_ids: list[int] = field(default_factory=list)

    @property
    def rule_id(self) -> int | None:
        """The first rule that matched (the one that set the category when a rule did)."""
        return self.rule_ids[0] if self.rule_ids else None


def spec_from(conditions: list[dict[str, Any]], actions: list[dict[str, Any]] | dict[str, Any], *, rule_id: int | None = None,
              match: str = "all", stop_processing: bool = False) -> RuleSpec:
    if not conditions:
        raise RuleError("conditions: a rule needs at least one condition")
    conds = []
    for i, c in enumerate(conditions):
        if not isinstance(c, dict) or "field" not in c or "value" not in c:
            raise RuleError(f"conditions[{i}]: needs field, op and value")
        conds.append(Condition(str(c["field"]), str(c.get("op", "contains")), str(c["value"]),
                               int(c.get("threshold", 85))))
    acts = actions if isinstance(actions, dict) else {a["type"]: a.get("value", True) for a in actions}
    unknown = [a for a in acts if a not in ACTIONS]
    if unknown or not acts:
        raise RuleError(f"actions: {', '.join(unknown) or 'none given'}; allowed: {', '.join(ACTIONS)}")
    if match not in ("all", "any"):
        raise RuleError("match: must be all or any")
    return RuleSpec(rule_id, tuple(conds), dict(acts), match == "all", stop_processing)


def rule_specs(rules: Sequence[Any]) -> list[RuleSpec]:
    """ORM rules -> specs; a rule broken by hand in the database is skipped, not fatal."""
    out = []
    for r in rules:
        try:
            out.append(spec_from(r.conditions, r.actions, rule_id=r.id, match=r.match,
                                 stop_processing=r.stop_processing))
        except (RuleError, KeyError, TypeError, ValueError):
            continue
    return out


def fields_of(txn: Any) -> TxnFields:
    return TxnFields(
        merchant=normalise_merchant(txn.merchant_raw) or normalise_merchant(txn.counterparty),
        description=txn.merchant_raw,
        counterparty=txn.counterparty,
        amount=txn.amount,
        account=txn.account_mask,
        bank=txn.bank,
        direction=txn.direction,
        kind=txn.kind,
        currency=txn.currency,
    )


_NOT_DIGITS = re.compile(r"\D+")


def _digits(text: str | None) -> str:
    return _NOT_DIGITS.sub("", text or "")


@lru_cache(maxsize=256)
def _last_fours(masks: tuple[str, ...]) -> frozenset[str]:
    """The last four digits of each mask that has four: the same few masks for every mail of a user."""
    return frozenset(d[-4:] for d in map(_digits, masks) if len(d) >= 4)


def mentions_own_account(t: TxnFields, own_masks: Collection[str]) -> bool:
    """The other side of the transaction is one of the user's own accounts or cards.

    A mask is compared on its last four digits, found in the counterparty or the
    description (``to a/c xxxx0019``, ``payment to card 4837****1518``); the account the
    alert is about is not "the other side", so its own mask never counts.
    """
    own = _last_fours(tuple(own_masks))
    account = _digits(t.account)
    if len(account) >= 4:
        own = own - {account[-4:]}
    if not own:
        return False
    for text in (t.counterparty, t.description):
        for run in re.findall(r"\d{4,}", text or ""):
            if run[-4:] in own:
                return True
    return False


_CARD_PAYMENT = re.compile(r"credit\s*card\s*(?:bill\s*)?payment|card\s*(?:bill\s*)?payment|سداد\s*بطاقة", re.IGNORECASE)


def is_own_card_payment(t: TxnFields, own_masks: Collection[str]) -> bool:
    """A debit paying the user's own credit card: money moves between own accounts."""
    if t.direction != "debit":
        return False
    text = " ".join(x for x in (t.description, t.counterparty, t.merchant) if x)
    return bool(_CARD_PAYMENT.search(text)) and mentions_own_account(t, own_masks)


INCOME_KINDS = ("salary", "credit", "deposit", "mobile_payment", "transfer")


def categorize(
    t: TxnFields,
    rules: Sequence[RuleSpec],
    *,
    own_masks: Collection[str] = (),
    category_source: str | None = None,
) -> Decision:
    """Rules in the given (priority) order, then own-account transfers, then the built-in map.

    ``category_source="manual"``: the user chose the category; the decision leaves it
    alone (``category`` None, ``source`` "manual") and only the flags are decided.
    """
    d = Decision(merchant=t.merchant)
    manual = category_source == "manual"
    for rule in rules:
        if not rule.matches(t):
            continue
        a = rule.actions
        if "set_category" in a and d.category is None and not manual:
            d.category, d.source = str(a["set_category"]), "rule"
        d.is_transfer = d.is_transfer or bool(a.get("mark_transfer"))
        d.is_income = d.is_income or bool(a.get("mark_income"))
        d.excluded = d.excluded or bool(a.get("exclude"))
        if a.get("set_display_name") and d.display_name is None:
            d.display_name = str(a["set_display_name"])
        if rule.id is not None:
            d.rule_ids.append(rule.id)
        if rule.stop_processing:
            break
    if own_masks and (mentions_own_account(t, own_masks) and t.kind in ("transfer", "mobile_payment", "debit",
                                                                        "credit", "bill_payment")
                      or is_own_card_payment(t, own_masks)):
        # Money between the user's own accounts is neither spend nor income.
        d.is_transfer = True
        if d.category is None and not manual:
            d.category, d.source = "Transfers", "builtin"
    if t.direction == "credit" and t.kind in INCOME_KINDS:
        d.is_income = d.is_income or t.kind == "salary" or not d.is_transfer
    if manual:
        d.source = "manual"
        return d
    if d.category is None:
        built_in = category_for(t.merchant or t.counterparty, t.kind)
        if t.direction == "credit" and t.kind not in ("salary", "refund"):
            built_in = "Income"
        if built_in:
            d.category, d.source = built_in, "builtin"
        else:
            d.category = DEFAULT_CATEGORY
    return d
