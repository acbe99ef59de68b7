"""Pure bank-alert parsing: ``email.message.EmailMessage`` (or bytes) in, ``ParseResult`` out.

No database, no network, no clock reads. ``parse_message`` never raises: the package's
own errors become a status with a reason, so one strange mail never stops a worker.
"""

from __future__ import annotations

from collections.abc import Iterable
from email.message import Message

from models.money import MoneyError
from parsers import registry
from parsers.auth import authenticate, claims_bank, under_any
from parsers.base import (
    BANK,
    NO_TEMPLATE,
    Alert,
    Authentication,
    BankParser,
    MalformedAlert,
    NotATransaction,
    ParseError,
    ParseResult,
    Status,
    UnrecognizedEmail,
)
from parsers.extract import extract, sender_reading, to_message
from parsers.generic import GENERIC

__all__ = [
    "Alert",
    "Authentication",
    "ParseError",
    "ParseResult",
    "Status",
    "UnknownParser",
    "known_bank_domains",
    "parse_message",
    "parser_names",
]


class UnknownParser(ParseError):
    """--parser named a parser that does not exist."""


def known_bank_domains() -> frozenset[str]:
    return registry.known_domains()


def parser_names() -> list[str]:
    return [b.name for b in registry.BANKS] + [GENERIC.name]


def choose(alert: Alert, forced: str | None = None) -> BankParser:
    if forced:
        if forced == GENERIC.name:
            return GENERIC
        found = registry.by_name(forced)
        if found is None:
            raise UnknownParser(f"no parser named {forced!r}; known: {', '.join(parser_names())}")
        return found
    # Read registry.BANKS at call time: registered() may add a parser while running.
    return next((b for b in registry.BANKS if b.claims(alert)), GENERIC)


def parse_message(
    msg: Message | bytes,
    *,
    parser: str | None = None,
    trusted_authserv_ids: Iterable[str] = (),
    accept_forwarded: bool = False,
    own_addresses: Iterable[str] = (),
) -> ParseResult:
    """Parse one e-mail. Raises only UnknownParser (a wrong ``parser`` name)."""
    message = to_message(msg)
    banks = known_bank_domains()
    trusted = list(trusted_authserv_ids)
    reading = sender_reading(message)
    alert = extract(message, accept_forwarded=accept_forwarded, own_addresses=own_addresses)
    auth: Authentication | None = None
    if alert.forwarded:
        # The From alone proves nothing (anyone can write the user's address): the outer
        # mail must carry a trusted, aligned dkim=pass for the user's own domain. Then the
        # user opted in, and the inner claim (whose DKIM cannot be checked) is taken as is.
        outer = authenticate(message, reading.domain, banks, trusted)
        if outer.dkim == "pass" and not reading.ambiguous:
            auth = Authentication(alert.sender_domain or None, False, "forwarded", outer.authserv_id)
        else:
            alert = extract(message)  # read as a forward nobody can vouch for
    if auth is None:
        # An ambiguous From (several addresses, readings that disagree) claims every bank
        # any reading of it names.
        auth = authenticate(message, alert.sender_domain, banks, trusted, reading.candidate_domains)
        if alert.forwarded_from and not auth.bank_domain and claims_bank(alert.forwarded_from, banks):
            # A bank alert inside a forward not opted in to, or not proven to be the user's
            # own (forwarded-unverified): the bank's DKIM cannot be checked, so it is a claim
            # of a bank domain without dkim=pass (never counted).
            label = "forwarded-unverified" if accept_forwarded else "forwarded-without-opt-in"
            auth = Authentication(alert.forwarded_from, True, label, auth.authserv_id)
    chosen = choose(alert, parser)
    result = _run(chosen, alert)
    if result.extra.get(NO_TEMPLATE) and parser is None:
        # The bank parser claimed it (by sender or by a mention of the bank) but knows none
        # of its wordings: a new alert wording, or another bank's alert naming this bank.
        # The generic parser reads it if it can; if not, the bank parser's answer stands.
        fallback = _run(GENERIC, alert)
        if fallback.status is not Status.UNRECOGNIZED:
            extra = dict(fallback.extra)
            if _from_the_bank(auth, chosen):
                # The bank's own (authenticated) sender in a new wording: the same bank and
                # account as its other alerts, not a second "generic" account of that card.
                extra[BANK] = chosen.name
            result = ParseResult(fallback.status, GENERIC.name,
                                 f"{fallback.reason} (no {chosen.name} wording matched)",
                                 fallback.transaction, None, extra)
    return ParseResult(result.status, result.parser, result.reason, result.transaction, auth, result.extra)


def _from_the_bank(auth: Authentication, bank: BankParser) -> bool:
    """The mail is from ``bank``'s own domain with dkim=pass (or inside a forward the user opted in to):
    not merely a mention of the bank in another bank's alert."""
    return auth.dkim in ("pass", "forwarded") and under_any(auth.domain or "", bank.sender_domains)


def _run(chosen: BankParser, alert: Alert) -> ParseResult:
    """One parser on the alert: its own errors become a status with a reason."""
    try:
        result = chosen.parse(alert)
    except NotATransaction as exc:
        result = ParseResult(Status.NOT_TRANSACTION, chosen.name, str(exc) or "not a transaction")
    except MalformedAlert as exc:
        result = ParseResult(Status.UNRECOGNIZED, chosen.name, f"malformed: {exc}")
    except UnrecognizedEmail as exc:
        result = ParseResult(Status.UNRECOGNIZED, chosen.name, str(exc) or "not recognized")
    except ParseError as exc:
        result = ParseResult(Status.UNRECOGNIZED, chosen.name, f"parse error: {exc}")
    except MoneyError as exc:
        result = ParseResult(Status.UNRECOGNIZED, chosen.name, f"malformed amount: {exc}")
    if result.status is Status.TRANSACTION and result.transaction is None:
        result = ParseResult(Status.UNRECOGNIZED, chosen.name, "parser returned no transaction")
    elif result.transaction is not None and result.transaction.amount <= 0:
        # "OMR 0&800" and the like: a zero amount moves no money and is never counted.
        result = ParseResult(Status.UNRECOGNIZED, chosen.name,
                             f"malformed: amount {result.transaction.amount} is not positive")
    return result
