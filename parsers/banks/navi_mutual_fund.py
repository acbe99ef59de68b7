"""Navi Mutual Fund (India, INR): SIP purchase confirmations ("Your SIP purchase of Rs.X in <fund> has been processed")."""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

NAVI_MUTUAL_FUND = TemplateBank(
    name="navi_mutual_fund",
    sender_domains=("navimutualfund.com",),
    signature=rx(r"\bNavi Mutual Fund\b|\bTeam Navi\b"),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("sip purchase", rx(r"Your (?:SIP |lumpsum )?purchase of {CUR}\.? ?{AMT} in (?P<who>.+?) has been processed"),
                 Kind.PURCHASE, Direction.DEBIT),
    ),
)
