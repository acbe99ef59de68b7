"""HDFC Mutual Fund (India, INR): "Your SIP Purchase in Folio <no> under <scheme> for Rs. X has been processed at the NAV"."""

from __future__ import annotations

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, rx
from parsers.base import Direction, Kind

HDFC_MUTUAL_FUND = TemplateBank(
    name="hdfc_mutual_fund",
    sender_domains=("hdfcfund.com",),
    signature=rx(r"\bHDFCMF\b|\bHDFC Mutual Fund\b"),
    currency="INR",
    zone="Asia/Kolkata",
    date_formats=("%d-%b-%Y", *DATE_FORMATS),
    templates=(
        Template("purchase", rx(r"Your (?:SIP |Lumpsum |Additional )?Purchase in Folio (?P<acct>[\w/]+) under (?P<who>.+?) for "
                                r"{CUR}\.? ?{AMT} has been processed at the NAV of [\d.]+ for [\d.]+ units"
                                r"(?: and| on) (?P<when>\d{1,2}-\w{3}-\d{4})"),
                 Kind.PURCHASE, Direction.DEBIT),
    ),
)
