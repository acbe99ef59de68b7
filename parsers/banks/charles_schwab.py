"""Charles Schwab Bank (USA, USD; debit card abroad in other currencies): "Schwab Text Alerts"."""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind


def _kind(g: dict[str, str | None]) -> dict[str, str | None]:
    what = (g.get("what") or "").lower()
    g["kind"] = (Kind.WITHDRAWAL if what == "atm transaction" else Kind.PURCHASE if "card" in what else Kind.DEBIT).value
    return g


CHARLES_SCHWAB = TemplateBank(
    name="charles_schwab",
    sender_domains=("schwab.com",),
    signature=rx(r"Schwab Text Alerts|Charles Schwab"),
    currency="USD",
    zone=None,  # US customers span several zones: the alert's own Date header gives the time
    templates=(
        Template("debited", rx(r"A {CUR} ?{AMT} (?P<what>debit card transaction|ATM transaction|ACH|check|transfer|"
                               r"[\w ]+?) was (?P<dir>debited|credited) (?:from|to) account ending (?P<acct>\d+)"),
                 Kind.DEBIT, fix=_kind),
    ),
)
