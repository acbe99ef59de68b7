"""Punjab National Bank (India, INR): account debited/credited alerts signed "-PNB", IMPS transfers, card autopay."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _thru(g: dict[str, str | None]) -> dict[str, str | None]:
    how = (g.get("who") or "").strip()
    g["who"] = None
    if how.upper() == "UPI":
        g["kind"] = Kind.MOBILE_PAYMENT.value
        g["who"] = "UPI Transaction"
    elif how.lower().startswith("card"):
        g["card"] = how[4:].strip() or None
        g["kind"] = Kind.WITHDRAWAL.value if g.get("atm") else Kind.PURCHASE.value
        g["who"] = f"Card {g['card']}" if g["card"] else None  # the alert names the card, not the shop
    return g


def _transfer_to(g: dict[str, str | None]) -> dict[str, str | None]:
    if g.get("who"):
        g["who"] = f"{g.get('chan') or 'Account'} Transfer to {g['who']}"
    return g


PNB_BANK = TemplateBank(
    name="pnb_bank",
    sender_domains=("pnb.co.in",),
    signature=rx(r"-\s?PNB\s*$|^PNB\b|your Punjab National Bank|PNB ONE|18001800/18002021", re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("autopay first debit", rx(r"activated on your Punjab National Bank Card (?P<card>{MASK}) for {C}\.? ?[\d,.]+, "
                                           r"from (?P<who>.+?)\. An initial amount of {CUR} ?{AMT} has been debited"),
                 Kind.BILL_PAYMENT, Direction.DEBIT),
        Template("imps transfer", rx(r"Your a/c no (?P<acct>{MASK}) is debited for {CUR} ?{AMT} on (?P<when>[\d-]+ [\d:]+) and "
                                     r"a/c (?P<who>{MASK}) credited \((?P<chan>IMPS|NEFT|UPI) Ref no (?P<ref>\d+)\)"),
                 Kind.TRANSFER, Direction.DEBIT, fix=_transfer_to),
        Template("account", rx(r"A/?c (?P<acct>{MASK}) (?P<dir>Debited|Credited) with {CUR} ?{AMT},? ?"
                               r"(?P<when>\d{2}-\d{2}-\d{4} [\d:]+)(?: thru (?P<who>UPI|card {MASK}))?"
                               r"(?P<atm>.{0,40}PNB ATM)?(?:.*?Bal (?:{C}\.? ?)?(?P<bal>[\d,]*\.?\d+))?"
                               r"(?:.*?UPI Ref ID: ?(?P<ref>\d+))?"),
                 Kind.DEBIT, fix=_thru),
    ),
)
