"""Kerala Gramin Bank (India, INR): UPI credits from a VPA and account-to-account UPI debits."""

from __future__ import annotations

import re

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _payer(g: dict[str, str | None]) -> dict[str, str | None]:
    # "from shop.name@paytm": the VPA's name part; a bare phone-number VPA names nobody.
    local = (g.get("who") or "").split("@")[0]
    g["who"] = "UPI Payment" if not local or re.fullmatch(r"\d+", local) else local
    return g


KERALA_GRAMIN_BANK = TemplateBank(
    name="kerala_gramin_bank",
    sender_domains=("keralagbank.com",),
    signature=rx(r"\bKerala Gramin Bank\b"),
    currency="INR",
    zone="Asia/Kolkata",
    date_formats=("%d/%m/%y %I:%M %p", *DATE_FORMATS),
    templates=(
        Template("upi credit", rx(r"Account (?P<acct>{MASK}) is credited with {CUR}\.? ?{AMT} on (?P<when>[\d-]+(?: [\d:]+)?) "
                                  r"from (?P<who>[\w.\-]+@[\w.]+)\.?(?: UPI Ref\.? no\.? ?(?P<ref>\d+))?"),
                 Kind.MOBILE_PAYMENT, Direction.CREDIT, fix=_payer),
        Template("upi transfer", rx(r"Your a/c no\.? (?P<acct>{MASK}) is debited for {CUR}\.? ?{AMT} on (?P<when>[\d/]+ [\d:]+ [AP]M) "
                                    r"and credited to a/c no\.? {MASK} \(UPI Ref no\.? (?P<ref>\d+)\)"),
                 Kind.TRANSFER, Direction.DEBIT, label="UPI Transfer"),
        Template("upi received", rx(r"Your a/c no\.? (?P<acct>{MASK}) is credited for {CUR}\.? ?{AMT} on (?P<when>[\d/]+ [\d:]+ [AP]M) "
                                    r"and debited from a/c no\.? {MASK} \(UPI Ref no\.? (?P<ref>\d+)\)"),
                 Kind.TRANSFER, Direction.CREDIT, label="UPI Transfer"),
    ),
)
