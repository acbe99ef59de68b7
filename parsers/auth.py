"""Sender authentication from the trusted Authentication-Results header (RFC 8601).

Only the top-most Authentication-Results written by a configured trusted authserv-id
counts: anything below it may have been added by the sender. A message whose From
domain belongs to a bank we have a parser for (or imitates one) needs dkim=pass for that
domain, or it is suspicious and never counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.message import Message

from parsers.base import Authentication

_RESULT = re.compile(r"\bdkim\s*=\s*(\w+)([^;]*)", re.IGNORECASE)
_HEADER_D = re.compile(r"header\.(?:d|i)\s*=\s*@?([\w.-]+)", re.IGNORECASE)
_ALNUM = re.compile(r"[^a-z0-9]")


def under(domain: str, parent: str) -> bool:
    domain, parent = domain.lower().rstrip("."), parent.lower().rstrip(".")
    return domain == parent or domain.endswith("." + parent)


def lookalike(domain: str, bank_domains: Iterable[str]) -> str | None:
    """The bank domain ``domain`` imitates without being under it (bank-muscat.com, bankmuscat.com.evil.example)."""
    flat = _ALNUM.sub("", domain.lower())
    for bank in bank_domains:
        label = _ALNUM.sub("", bank.lower().split(".")[0])
        if len(label) >= 5 and label in flat and not under(domain, bank):
            return bank
    return None


def claims_bank(domain: str, bank_domains: Iterable[str]) -> bool:
    """The domain is a known bank's, or imitates one (a claim that needs the bank's DKIM)."""
    banks = [b.lower() for b in bank_domains]
    return bool(domain) and (any(under(domain, b) for b in banks) or lookalike(domain, banks) is not None)


def _authserv_id(value: str) -> str:
    return value.split(";", 1)[0].strip().split()[0].lower() if value.strip() else ""


def authenticate(msg: Message, domain: str, bank_domains: Iterable[str], trusted_ids: Iterable[str]) -> Authentication:
    banks = [b.lower() for b in bank_domains]
    is_bank = bool(domain) and any(under(domain, b) for b in banks)
    imitated = None if is_bank or not domain else lookalike(domain, banks)
    trusted = {t.lower() for t in trusted_ids}
    try:
        headers = [str(h) for h in (msg.get_all("Authentication-Results") or [])]
    except Exception:  # noqa: BLE001 - malformed header encodings: treat as absent
        headers = []
    top = next((h for h in headers if _authserv_id(h) in trusted), None)
    if imitated is not None:
        return Authentication(domain, True, "lookalike", _authserv_id(top) if top else None)
    if top is None:
        return Authentication(domain or None, is_bank, "untrusted" if headers else "none")
    dkim = "none"
    for m in _RESULT.finditer(top.replace("\r", " ").replace("\n", " ")):
        verdict, props = m.group(1).lower(), m.group(2)
        d = _HEADER_D.search(props)
        signer = d.group(1).lower() if d else ""
        # Aligned: the signing domain is the From domain or a parent of it.
        if verdict == "pass" and signer and domain and under(domain, signer):
            dkim = "pass"
            break
        if dkim == "none":
            dkim = verdict if verdict != "pass" else "unaligned"
    return Authentication(domain or None, is_bank, dkim, _authserv_id(top))
