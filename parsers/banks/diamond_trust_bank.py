"""Diamond Trust Bank (Tanzania, TZS): account alerts "debited with TZS X for <DESCRIPTION> on <date>", TIPS transfers, LUKU tokens."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, negative, rx
from parsers.base import Direction, Kind

_KINDS = (("ATM", Kind.WITHDRAWAL), ("CHARGE", Kind.FEE), ("POS", Kind.PURCHASE), ("TRANSFER", Kind.TRANSFER),
          ("STANDING INSTRUCTION", Kind.BILL_PAYMENT))


def _description(g: dict[str, str | None]) -> dict[str, str | None]:
    text = (g.get("who") or "").upper()
    for word, kind in _KINDS:
        if word in text:
            g["kind"] = kind.value
            break
    if not re.search(r"\d", g.get("acct") or ""):
        g["acct"] = None  # "XXXXXXX": masked away entirely
    return g


DIAMOND_TRUST_BANK = TemplateBank(
    name="diamond_trust_bank",
    sender_domains=("dtbafrica.com",),
    signature=rx(r"\bDiamond Trust Bank\b"),
    currency="TZS",
    zone="Africa/Dar_es_Salaam",
    negatives=(
        # The request is acknowledged; the "TIPS transaction ... successfully processed" alert follows.
        negative("transfer request not yet processed", r"transfer request for {C} ?[\d,.]+ .{0,120}?is being processed"),
    ),
    templates=(
        Template("account", rx(r"Your account no\.? (?P<acct>{MASK}) has been (?P<dir>debited|credited) with {CUR} ?{AMT} for "
                               r"(?P<who>.+?) on (?P<when>[\d/]+)"),
                 Kind.DEBIT, who_is_counterparty=False, fix=_description),
        Template("tips", rx(r"TIPS transaction of {CUR} ?{AMT} from \S+ to \S+ has been successfully processed(?: Ref (?P<ref>\w+))?"),
                 Kind.TRANSFER, Direction.DEBIT, label="TIPS Transfer"),
        # LUKU prepaid electricity receipt: the token's price, taxes, then the total paid.
        Template("luku", rx(r"^LUKU\b.*?\bTOTAL {CUR} ?{AMT}(?: Reference (?P<ref>\w+))?"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, label="LUKU"),
    ),
)
