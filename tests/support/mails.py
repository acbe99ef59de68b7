"""Bank Muscat-format alert e-mails built for the tests (invented customers and merchants).

The formats imitate what Bank Muscat sends (debit card key/value block, account
debited/credited notices); every name, number and amount here is made up.
"""

from __future__ import annotations

import quopri
from datetime import datetime
from decimal import Decimal
from email.utils import format_datetime
from zoneinfo import ZoneInfo

MUSCAT = ZoneInfo("Asia/Muscat")
AUTHSERV = "mx.spendwatch.test"


def _wrap(html: str, *, subject: str, when: datetime, message_id: str, sender: str, auth: str | None) -> bytes:
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    headers = []
    if auth is not None:
        headers.append(f"Authentication-Results: {auth}")
    headers += [
        f"From: {sender}",
        "To: customer@example.invalid",
        f"Subject: {subject}",
        f"Date: {format_datetime(when)}",
        f"Message-ID: {message_id}",
        "MIME-Version: 1.0",
        "Content-Type: text/html; charset=UTF-8",
        "Content-Transfer-Encoding: quoted-printable",
    ]
    return ("\r\n".join(headers) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode("ascii")


def dkim_pass(domain: str = "bankmuscat.com", authserv: str = AUTHSERV) -> str:
    return f"{authserv}; dkim=pass header.d={domain} header.s=sel1; spf=pass smtp.mailfrom={domain}"


def card_purchase(
    amount: Decimal | str,
    merchant: str,
    when: datetime,
    *,
    message_id: str,
    card: str = "4921**** ****7305",
    account: str = "xxxx4411",
    terminal: str = "512207",
    sender: str = "NOREPLY@bankmuscat.com",
    auth: str | None = None,
) -> bytes:
    local = when.astimezone(MUSCAT)
    stamp = local.strftime("%d %b %y %H:%M").upper()
    html = (
        "<img src=\"https://www.bankmuscat.com/header.jpg\"><BR> <p>Dear Customer, <BR> "
        f"Your Debit card number {card} has been utilised as follows:<BR> <BR> "
        f"Account number : {account} <BR> Description : {terminal}-{merchant} <BR> "
        f"Amount : OMR {amount} <BR> Date/Time : {stamp} <BR> Transaction Country : Oman <BR> <BR> "
        "Kind Regards, <BR>Bank Muscat </P>"
    )
    return _wrap(html, subject="Account Transaction", when=when, message_id=message_id, sender=sender,
                 auth=dkim_pass() if auth is None else auth)


def other_mail(when: datetime, *, message_id: str, sender: str = "friend@example.org") -> bytes:
    """Private mail that is not from a bank: must never be stored."""
    return (
        f"From: {sender}\r\nTo: customer@example.invalid\r\nSubject: dinner\r\n"
        f"Date: {format_datetime(when)}\r\nMessage-ID: {message_id}\r\n\r\nSee you at 8?\r\n"
    ).encode()
