"""Sender authentication from the trusted Authentication-Results header (RFC 8601).

Only the top-most Authentication-Results written by a configured trusted authserv-id
counts: anything below it may have been added by the sender. A message whose From
domain belongs to a bank we have a parser for (or imitates one) needs dkim=pass for that
domain, or it is suspicious and never counted.

The header is parsed, not searched: comments and quoted strings are taken out, the
resinfos are split on ';', and only a resinfo whose method is exactly ``dkim`` counts,
with the signer from that resinfo's own ``header.d`` / ``header.i``. Everything else in
the header (an spf ``smtp.mailfrom``, a comment) is text the sender chose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.message import Message
from functools import lru_cache

from parsers.base import Authentication

_ALNUM = re.compile(r"[^a-z0-9]")
# Letters a look-alike domain swaps in for others (bankrnuscat: rn reads as m).
_CONFUSABLES = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("1", "l"), ("0", "o"))
_METHOD = re.compile(r"([a-z0-9][a-z0-9_-]*)(?:/[0-9]+)?=([a-z0-9_-]+)$", re.IGNORECASE)
_PROPERTY = re.compile(r"([a-z0-9][a-z0-9_-]*)\.([a-z0-9][a-z0-9_.-]*)=(.*)$", re.IGNORECASE)
_DOMAIN = re.compile(r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*")
_CHUNK = re.compile(r'[^()"\\]+|.', re.DOTALL)
_QUOTED = re.compile("\x00([0-9]+)\x01")  # stands for the n-th quoted string of the header
# Second-level names under a two-letter country code that are registries, not owners.
_SUFFIX_LABELS = frozenset({"ac", "co", "com", "edu", "gov", "go", "mil", "ne", "net", "or", "org", "bank"})


def under(domain: str, parent: str) -> bool:
    domain, parent = domain.lower().rstrip("."), parent.lower().rstrip(".")
    return domain == parent or domain.endswith("." + parent)


def under_any(domain: str, parents: Iterable[str]) -> bool:
    """``domain`` is one of ``parents`` or under one."""
    return bool(_parents_among(domain, parents))


@lru_cache(maxsize=16)
def _domain_set(domains: frozenset[str]) -> frozenset[str]:
    return frozenset(d.lower().lstrip("@").strip(".") for d in domains)


def _fold(text: str) -> str:
    for seen, read in _CONFUSABLES:
        text = text.replace(seen, read)
    return text


def lookalike(domain: str, bank_domains: Iterable[str]) -> str | None:
    """The bank domain ``domain`` imitates without being under it (bank-muscat.com, bankrnuscat.com)."""
    flat = _ALNUM.sub("", domain.lower())
    folded = _fold(flat)
    for bank, label, folded_label in _bank_labels(tuple(bank_domains)):
        if (label in flat or folded_label in folded) and not under(domain, bank):
            return bank
    return None


@lru_cache(maxsize=16)
def _bank_labels(bank_domains: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """(domain, its first label letters and digits, that folded) of the banks whose label is long
    enough to be imitated; worked out once, not for every bank of every mail from an unknown sender."""
    labels = ((bank, _ALNUM.sub("", bank.lower().split(".")[0])) for bank in bank_domains)
    return tuple((bank, label, _fold(label)) for bank, label in labels if len(label) >= 5)


def claims_bank(domain: str, bank_domains: Iterable[str]) -> bool:
    """The domain is a known bank's, or imitates one (a claim that needs the bank's DKIM)."""
    banks = [b.lower() for b in bank_domains]
    return bool(domain) and (under_any(domain, banks) or lookalike(domain, banks) is not None)


def _strip(value: str) -> tuple[str, list[str]]:
    """The header with (nested) comments removed and each quoted string replaced by a marker
    (``_QUOTED``, no white space, no ';'): returns the text and the quoted strings. An
    unclosed comment or quote runs to the end of the header (nobody's result is in it).
    """
    out: list[str] = []
    quoted: list[str] = []
    text: list[str] | None = None  # inside a quoted string: its characters so far
    depth, escaped = 0, False
    for chunk in _CHUNK.findall(value):  # runs of plain text in one piece: a long header is cheap
        if escaped:
            escaped = False
            if text is not None:
                text.append(chunk[0])
                chunk = chunk[1:]
            elif depth:
                chunk = chunk[1:]
            else:
                out.append(chunk[0])
                chunk = chunk[1:]
            if not chunk:
                continue
        if text is not None:
            if chunk == '"':
                out.append(f"\x00{len(quoted)}\x01")
                quoted.append("".join(text))
                text = None
            elif chunk == "\\":
                escaped = True
            else:
                text.append(chunk)
        elif depth:
            if chunk == "\\":
                escaped = True
            elif chunk == "(":
                depth += 1
            elif chunk == ")":
                depth -= 1
                if not depth:
                    out.append(" ")
        elif chunk == "(":
            depth = 1
        elif chunk == '"':
            text = []
        else:
            out.append(chunk)
    return "".join(out), quoted


def _parts(value: str) -> tuple[str, list[list[str]], list[str]]:
    """(authserv-id, each resinfo as its tokens, the quoted strings) of one header."""
    value = value.replace("\x00", "").replace("\x01", "")  # the markers _strip writes
    text, quoted = _strip(value.replace("\r", " ").replace("\n", " "))
    # CFWS may surround '=' and '/' in RFC 8601; tokens are then split on white space.
    text = re.sub(r"\s*([=/])\s*", r"\1", text)
    pieces = text.split(";")
    head = pieces[0].split()
    return (head[0].lower() if head else ""), [p.split() for p in pieces[1:]], quoted


def _authserv_id(value: str) -> str:
    return _parts(value)[0]


def _signer(tokens: list[str], quoted: list[str]) -> str:
    """The signing domain of one dkim resinfo: its header.d, else the domain of its header.i."""
    found: dict[str, str] = {}
    for token in tokens:
        m = _PROPERTY.match(token)
        if not m or m.group(1).lower() != "header":
            continue
        value = m.group(3)
        q = _QUOTED.fullmatch(value)
        if q:
            value = quoted[int(q.group(1))]
        prop = m.group(2).lower()
        if prop in ("d", "i") and prop not in found:
            domain = value.rsplit("@", 1)[-1].strip().lower().rstrip(".")
            found[prop] = domain if _DOMAIN.fullmatch(domain) else ""
    return found.get("d") or found.get("i") or ""


def _owner_level(signer: str) -> bool:
    """A domain someone owns, not a top-level or registry suffix (com, co.in)."""
    labels = signer.split(".")
    if len(labels) < 2:
        return False
    return not (len(labels) == 2 and len(labels[1]) == 2 and labels[0] in _SUFFIX_LABELS)


def aligned(domain: str, signer: str, bank_domains: Iterable[str] = ()) -> bool:
    """The signer vouches for ``domain``: the domain is the signer or under it, the signer is
    no bare suffix, and for a bank's domain the signer is that bank's domain or under it."""
    if not signer or not domain or not under(domain, signer) or not _owner_level(signer):
        return False
    banks = _parents_among(domain, bank_domains)
    return not banks or any(under(signer, b) or under(b, signer) for b in banks)


def _parents_among(domain: str, domains: Iterable[str]) -> list[str]:
    """Of ``domains`` (normalised), the ones ``domain`` is or is under: the domain and each of its own
    parents looked up in a set, instead of a suffix test per bank (dozens, for every mail)."""
    known = _domain_set(domains if isinstance(domains, frozenset) else frozenset(domains))
    labels = domain.lower().rstrip(".").split(".")
    return [p for p in (".".join(labels[i:]) for i in range(len(labels))) if p in known]


def _dkim(value: str, domains: list[str], banks: list[str]) -> str:
    """pass when every domain has an aligned dkim=pass in this header; else the first verdict."""
    _, resinfos, quoted = _parts(value)
    verdict, passed = "none", set[str]()
    for tokens in resinfos:
        m = _METHOD.match(tokens[0]) if tokens else None
        if m is None or m.group(1).lower() != "dkim":
            continue
        result = m.group(2).lower()
        signer = _signer(tokens[1:], quoted)
        hit = [d for d in domains if result == "pass" and aligned(d, signer, banks)]
        passed.update(hit)
        if verdict == "none" and len(hit) < len(domains):
            verdict = result if result != "pass" else "unaligned"
    if domains and all(d in passed for d in domains):
        return "pass"
    return verdict


def authenticate(
    msg: Message,
    domain: str,
    bank_domains: Iterable[str],
    trusted_ids: Iterable[str],
    also_claimed: Iterable[str] = (),
) -> Authentication:
    """``also_claimed``: other From domains the mail may be read as (an ambiguous From): any
    of them under a bank makes the mail a bank claim that needs dkim=pass for each."""
    banks = [b.lower() for b in bank_domains]
    domain = (domain or "").lower()
    claimed = [domain] if domain else []
    claimed += [d for d in dict.fromkeys(x.lower() for x in also_claimed if x) if d not in claimed]
    bank_claims = [d for d in claimed if under_any(d, banks)]
    imitating = next((d for d in claimed if d not in bank_claims and lookalike(d, banks) is not None), None)
    is_bank = bool(bank_claims)
    shown = domain if (not bank_claims or domain in bank_claims) else bank_claims[0]
    trusted = {t.lower() for t in trusted_ids}
    try:
        headers = [str(h) for h in (msg.get_all("Authentication-Results") or [])]
    except Exception:  # noqa: BLE001 - malformed header encodings: treat as absent
        headers = []
    top = next((h for h in headers if _authserv_id(h) in trusted), None)
    if imitating is not None:
        return Authentication(imitating, True, "lookalike", _authserv_id(top) if top else None)
    if top is None:
        return Authentication(shown or None, is_bank, "untrusted" if headers else "none")
    dkim = _dkim(top, bank_claims or claimed[:1], banks)
    return Authentication(shown or None, is_bank, dkim, _authserv_id(top))
