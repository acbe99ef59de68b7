"""Shared plumbing for the table-driven bank modules: a bank is a list of regex templates.

A bank module declares its sender domains, a content signature (SMS alerts arrive through
gateways whose sender says nothing about the bank, so the wording must identify it), its own
not-a-transaction wordings and an ordered tuple of ``Template``s. Each template is one
regular expression with named groups that map straight onto ``ParsedTransaction`` fields:

    amt   amount (required)           cur   currency symbol or code (else the template's)
    acct  account mask                card  card mask (also the account when acct is absent)
    who   merchant or counterparty    when  date/time as printed
    ref   reference                   bal   balance after the transaction (balcur: its currency)
    dir   a debit/credit word, read through ``DIRECTION_WORDS`` when the template has none
    kind  a Kind value set by a template's ``fix`` when the wording refines it
    tz    a US zone abbreviation (EDT, PST...) printed with the time
    verb  a Thai verb from THAI_VERBS, which sets direction and kind

The first template that matches wins, so specific wordings go before general ones.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

from models.money import MoneyError, quantize
from parsers.base import Alert, Direction, Kind, ParsedTransaction, ParseResult, Status, no_template
from parsers.negatives import non_transaction_reason

# Reusable regex fragments; every template builds on these so amounts and currencies are
# read the same way for every bank.
AMT = r"(?P<amt>\d[\d,]*(?:\.\d+)?)"
_CURRENCY = r"[A-Z]{3}|Rs\.?|₹|\$|€|£|฿|Tshs?|TSh|Birr"
CUR = rf"(?P<cur>{_CURRENCY})"
ANYCUR = rf"(?:{_CURRENCY})"  # a second currency in the same wording (balances, limits)
MASK = r"[\dXx*#][\dXx*#\-]*[\dXx]"  # XX1234, 4232***0581, 123xxxx7655, 01-01***9901

CURRENCY_ALIASES = {
    "RS": "INR", "RS.": "INR", "₹": "INR", "$": "USD", "€": "EUR", "£": "GBP", "฿": "THB",
    "TSH": "TZS", "TSHS": "TZS", "BIRR": "ETB",
}

DIRECTION_WORDS = {
    "debited": Direction.DEBIT, "debit": Direction.DEBIT, "dr": Direction.DEBIT, "dr.": Direction.DEBIT,
    "credited": Direction.CREDIT, "credit": Direction.CREDIT, "cr": Direction.CREDIT, "cr.": Direction.CREDIT,
}

# Day-first formats first: every bank served by these modules prints day before month.
DATE_FORMATS = (
    "%d-%m-%Y %I:%M:%S %p", "%d-%m-%Y %I:%M %p", "%d-%b-%Y %I:%M %p", "%d-%b-%Y %H:%M:%S", "%d-%b-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y", "%d-%m-%y %H:%M:%S", "%d-%m-%y %H:%M", "%d-%m-%y",
    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y, %H:%M", "%d/%m/%Y", "%d/%m/%y %H:%M", "%d/%m/%y",
    "%d/%m/%y at %I:%M %p", "%d/%m/%Y at %H:%M:%S", "%d/%m/%y as %I:%M %p",  # "as": Portuguese "às"
    "%d.%m.%y %H:%M", "%d.%m.%Y %H:%M",
    "%d-%b-%y", "%d-%b-%Y", "%d-%b-%y %H:%M", "%d%b%Y %H:%M:%S", "%d%b%Y %H:%M", "%d%b%y %H:%M",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d at %I:%M %p", "%Y-%m-%d",
    "%B %d, %Y", "%b %d %Y %I:%M%p", "%b %d %Y %H:%M", "%b %d, %Y %I:%M%p",
)


def money(amount: str, currency: str) -> Decimal:
    """'1,08,350.00' -> Decimal quantized to the currency (Indian and Western grouping alike).

    Some senders group with dots ('55.000.00'): every dot but the last is a separator.
    """
    digits = amount.replace(",", "")
    if digits.count(".") > 1:
        head, _, tail = digits.rpartition(".")
        digits = head.replace(".", "") + "." + tail
    return quantize(digits, currency)


def currency_code(raw: str | None, default: str) -> str:
    if not raw:
        return default
    key = raw.strip().upper()
    return CURRENCY_ALIASES.get(key, key)


# Zone abbreviations printed by US senders; each names the zone it is observed in.
US_ZONES = {
    "EST": "America/New_York", "EDT": "America/New_York", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}

# Thai wordings shared by Thai banks (verb, amount, บาท = baht, บช = account, คงเหลือ = balance left).
# Keys NFKC-normalised as the alert text is (parsers.extract): NFKC splits SARA AM, so the written
# "ชำระเงิน" never met the text's "ชําระเงิน" and every Thai bill payment went unread.
THAI_VERBS = {unicodedata.normalize("NFKC", verb): way for verb, way in {
    "โอนเงินออก": (Direction.DEBIT, Kind.TRANSFER),  # transfer out
    "โอนเงินผ่านพร้อมเพย์": (Direction.DEBIT, Kind.TRANSFER),  # transfer via PromptPay
    "ถอนเงิน": (Direction.DEBIT, Kind.WITHDRAWAL),  # withdrawal
    "ชำระเงิน": (Direction.DEBIT, Kind.BILL_PAYMENT),  # payment
    "โอนเงินเข้า": (Direction.CREDIT, Kind.TRANSFER),  # transfer in
    "เงินเข้า": (Direction.CREDIT, Kind.CREDIT),  # money in
    "รับโอนเงิน": (Direction.CREDIT, Kind.TRANSFER),  # transfer received
    "ฝากเงิน": (Direction.CREDIT, Kind.DEPOSIT),  # deposit
}.items()}


def parse_when(value: str | None, zone: tzinfo | None, formats: Sequence[str] = DATE_FORMATS) -> datetime | None:
    """A printed date/time in one of ``formats``, aware in the bank's zone when it is known."""
    if not value:
        return None
    text = " ".join(value.replace(",", ", ").split()).replace(" ,", ",").strip(" .,")
    text = re.sub(r"(?i)\b(am|pm)\b", lambda m: m.group(1).upper(), text)
    parsed = _first_format(text, tuple(formats))
    if parsed is None:
        return None
    return parsed.replace(tzinfo=zone) if zone is not None else parsed


@functools.lru_cache(maxsize=4096)
def _first_format(text: str, formats: tuple[str, ...]) -> datetime | None:
    # strptime over a dozen formats is a large share of parse time; alerts repeat their
    # date shapes, and a naive datetime is immutable, so the answer is cached.
    for candidate in (text, text.replace(", ", " "), text.title()):
        for fmt in formats:
            try:
                return datetime.strptime(candidate, fmt)
            except ValueError:
                continue
    return None


def clean(value: str | None) -> str | None:
    """Trim a captured name: spaces, trailing punctuation, runs of blanks."""
    if value is None:
        return None
    out = " ".join(value.split()).strip(" .,;:-")
    return out or None


@dataclass(frozen=True)
class Template:
    """One alert wording of a bank: a regex and what its match means."""

    name: str
    pattern: re.Pattern[str]
    kind: Kind
    direction: Direction | None = None  # None: read from the ``dir`` group
    currency: str | None = None  # when the wording prints no currency
    label: str | None = None  # merchant/counterparty to report when the wording names none
    who_is_counterparty: bool | None = None  # default: transfers/salary/deposits/credits name a counterparty
    fix: Callable[[dict[str, str | None]], dict[str, str | None]] | None = None  # per-wording clean-up
    trusted: bool = False  # the wording itself settles it: skip the generic negative words


def rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile a template, with ``{AMT}``, ``{CUR}``, ``{C}`` (any currency) and ``{MASK}`` expanded."""
    for key, value in (("{AMT}", AMT), ("{CUR}", CUR), ("{C}", ANYCUR), ("{MASK}", MASK)):
        pattern = pattern.replace(key, value)
    return re.compile(pattern, flags)


_COUNTERPARTY_KINDS = {Kind.TRANSFER, Kind.SALARY, Kind.DEPOSIT, Kind.CREDIT, Kind.MOBILE_PAYMENT}


@dataclass
class TemplateBank:
    """A BankParser made of declarations; see the module docstring."""

    name: str
    sender_domains: tuple[str, ...]
    signature: re.Pattern[str]
    templates: Sequence[Template]
    currency: str
    zone: str | None = None  # IANA zone of the bank's country; None when it is not fixed
    negatives: Sequence[tuple[str, re.Pattern[str]]] = ()
    # Generic negative reasons this bank's real alerts trip (e.g. "Avl Bal" in every alert).
    ignore_generic: frozenset[str] = field(default_factory=frozenset)
    zones_by_currency: dict[str, str] = field(default_factory=dict)
    date_formats: Sequence[str] = DATE_FORMATS  # month-first senders (US) bring their own

    def claims(self, alert: Alert) -> bool:
        domain = alert.sender_domain.lower()
        if any(domain == d or domain.endswith("." + d) for d in self.sender_domains):
            return True
        return bool(self.signature.search(f"{alert.subject}\n{alert.text[:4000]}"))

    def parse(self, alert: Alert) -> ParseResult:
        flat = " ".join(alert.text.split())
        for reason, pattern in self.negatives:
            if pattern.search(flat):
                return ParseResult(Status.NOT_TRANSACTION, self.name, reason)
        for template in self.templates:
            m = template.pattern.search(flat)
            if m is None:
                continue
            txn = self._build(template, m.groupdict(), alert)
            if txn is None:
                continue
            generic = None if template.trusted else non_transaction_reason(alert.text, alert.subject, vouched=True)
            if generic and generic not in self.ignore_generic:
                return ParseResult(Status.NOT_TRANSACTION, self.name, generic)
            return ParseResult(Status.TRANSACTION, self.name, f"{self.name} {template.name}", txn)
        fallback = non_transaction_reason(alert.text, alert.subject)
        if fallback:
            return ParseResult(Status.NOT_TRANSACTION, self.name, fallback)
        return no_template(self.name, f"a {self.name} message in no known alert template")

    def _zone(self, currency: str) -> tzinfo | None:
        name = self.zones_by_currency.get(currency, self.zone)
        return ZoneInfo(name) if name else None

    def _build(self, t: Template, groups: dict[str, str | None], alert: Alert) -> ParsedTransaction | None:
        if t.fix is not None:
            groups = t.fix(dict(groups))
        kind = Kind(groups["kind"]) if groups.get("kind") else t.kind  # a fix may refine the kind
        verb = THAI_VERBS.get(groups.get("verb") or "")
        if verb is not None:
            groups["dir"], kind = verb[0].value, verb[1]
        cur = currency_code(groups.get("cur"), t.currency or self.currency)
        try:
            amount = money(groups["amt"] or "", cur)
        except (MoneyError, KeyError):
            return None  # "THE 12" is no currency: let a later template try
        if amount <= 0:
            return None  # a zero "transaction" (fee lines, balance echoes) moves no money
        if t.direction is not None:
            direction = t.direction
        else:
            word = (groups.get("dir") or "").strip().lower()
            if word not in DIRECTION_WORDS:
                return None
            direction = DIRECTION_WORDS[word]
        if kind in (Kind.DEBIT, Kind.CREDIT):  # the plain kinds just restate the direction
            kind = Kind.DEBIT if direction is Direction.DEBIT else Kind.CREDIT
        balance, bal_cur = None, currency_code(groups.get("balcur"), cur)
        if groups.get("bal"):
            try:
                balance = money(groups["bal"] or "", bal_cur)
            except MoneyError:
                balance = None
        who = clean(groups.get("who")) or t.label
        as_counterparty = t.who_is_counterparty
        if as_counterparty is None:
            as_counterparty = kind in _COUNTERPARTY_KINDS
        card = clean(groups.get("card"))
        account = clean(groups.get("acct")) or card
        zone = self._zone(cur)
        if groups.get("tz") and (groups["tz"] or "").upper() in US_ZONES:
            zone = ZoneInfo(US_ZONES[(groups["tz"] or "").upper()])
        occurred = _occurred(parse_when(groups.get("when"), zone, self.date_formats), groups.get("when"), alert.date)
        return ParsedTransaction(
            amount=amount, currency=cur, direction=direction, kind=kind,
            merchant=None if as_counterparty else who, counterparty=who if as_counterparty else None,
            account=account, balance=balance, balance_currency=bal_cur if balance is not None else None,
            occurred_at=occurred, reference=clean(groups.get("ref")), card=card,
        )


def _occurred(printed: datetime | None, raw: str | None, header: datetime | None) -> datetime | None:
    """The alert's own date; when it prints no time, the Date header of that same day is more precise."""
    if printed is None:
        return header
    if ":" not in (raw or "") and header is not None and printed.tzinfo is not None:
        try:
            same_day = header.astimezone(printed.tzinfo).date() == printed.date()
        except OverflowError:  # a Date header at the edge of datetime's range
            same_day = False
        if same_day:
            return header
    return printed


def negative(reason: str, pattern: str) -> tuple[str, re.Pattern[str]]:
    return reason, rx(pattern)


def thai_template() -> Template:
    """'<verb> 1,500.00 บาท บช x1234 คงเหลือ 19,320.45 บาท': the Thai-script SMS of Thai banks."""
    verbs = "|".join(sorted(THAI_VERBS, key=len, reverse=True))  # longest first: โอนเงินเข้า before เงินเข้า
    return Template(
        "thai", rx(rf"(?P<verb>{verbs}) {{AMT}} บาท(?: บช\.? (?P<acct>{{MASK}}))?(?: คงเหลือ (?P<bal>[\d,]*\.?\d+) บาท)?"),
        Kind.DEBIT, currency="THB",
    )
