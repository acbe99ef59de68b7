"""National Savings Bank (Sri Lanka, LKR): "LKR X Credited to / Debited from your A/c ... AvlBal LKR Y.<description>."."""

from __future__ import annotations

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, rx
from parsers.base import Kind


def _description(g: dict[str, str | None]) -> dict[str, str | None]:
    # "@ <merchant>. ATM POS Transaction." names the shop; otherwise the description is the label.
    g["who"] = g.get("at") or g.get("desc")
    if g.get("at"):
        g["kind"] = Kind.PURCHASE.value
    return g


NATIONAL_SAVINGS_BANK = TemplateBank(
    name="national_savings_bank",
    sender_domains=("nsb.lk",),
    signature=rx(r"\bNational Savings Bank\b|Call Centre 1972"),
    currency="LKR",
    zone="Asia/Colombo",
    date_formats=("%d/%m/%Y at %H:%M", *DATE_FORMATS),
    templates=(
        Template("account", rx(r"{CUR} ?{AMT} (?P<dir>Credited|Debited) (?:to|from) your A/c (?P<acct>{MASK}) on "
                               r"(?P<when>[\w/]+ at [\w:]+)\.\s?AvlBal {C} ?(?P<bal>[\d,]*\.\d{2})\.\s?"
                               r"(?:@ (?P<at>[^.]+?)\.\s?)?(?:Transaction )?(?P<desc>[^.]+?)\.\s?Thank you"),
                 Kind.DEBIT, who_is_counterparty=False, fix=_description),
    ),
)
