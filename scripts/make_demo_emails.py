"""Write the demo's sample alerts (Bank Muscat formats, invented customer and merchants).

    python scripts/make_demo_emails.py [--force]

Writes pipeline/demo_emails/*.eml; refuses to overwrite existing files without --force.
"""

from __future__ import annotations

import quopri
import sys
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

OUT = Path(__file__).resolve().parent.parent / "pipeline" / "demo_emails"
TZ = ZoneInfo("Asia/Muscat")
AUTH = "mx.spendwatch.demo; dkim=pass header.d=bankmuscat.com header.s=bm1; spf=pass smtp.mailfrom=bankmuscat.com"
FOOTER = ("Kind Regards, <BR>Bank Muscat </P> To unsubscribe / modify the email alert service please contact "
          "your nearest Branch.")

CARD = [  # day, hh:mm, terminal, merchant, amount
    (2, "09:14", "512207", "LULU HYPERMARKET BAWSHAR", "23.450"),
    (3, "08:02", "448311", "JENAN TEA AIRP", "0.800"),
    (4, "19:40", "601144", "SHELL AL KHUWAIR", "10.000"),
    (6, "13:25", "733090", "TALABAT MUSCAT", "7.900"),
    (8, "18:11", "512207", "LULU HYPERMARKET BAWSHAR", "41.275"),
    (10, "10:05", "820016", "OMANTEL PAYMENT", "12.500"),
    (12, "21:30", "912280", "COSTA COFFEE MALL OF OMAN", "3.600"),
    (13, "17:45", "430511", "CARREFOUR CITY CENTRE", "36.120"),
    (15, "20:10", "733090", "TALABAT MUSCAT", "11.350"),
    (16, "12:00", "204417", "AL FAIR SUPERMARKET", "18.730"),
    (18, "19:20", "645502", "KFC SEEB", "6.400"),
    (19, "09:30", "300991", "OOMCO QURUM", "9.500"),
    (20, "20:45", "771203", "MAX FASHION", "15.000"),
    (21, "13:05", "430511", "CARREFOUR CITY CENTRE", "27.890"),
]


def wrap(html: str, when: datetime, n: int) -> bytes:
    body = quopri.encodestring(html.encode()).decode()
    head = [
        f"Authentication-Results: {AUTH}",
        "From: NOREPLY@bankmuscat.com",
        "To: demo@spendwatch.example",
        "Subject: Account Transaction",
        f"Date: {format_datetime(when)}",
        f"Message-ID: <demo-{n:03d}@bankmuscat.com>",
        "MIME-Version: 1.0",
        "Content-Type: text/html; charset=UTF-8",
        "Content-Transfer-Encoding: quoted-printable",
    ]
    return ("\r\n".join(head) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode()


def card(day: int, hhmm: str, terminal: str, merchant: str, amount: str) -> tuple[bytes, datetime]:
    h, m = (int(x) for x in hhmm.split(":"))
    when = datetime(2026, 11, day, h, m, tzinfo=TZ)
    html = (f"<p>Dear Customer, <BR> Your Debit card number 4921**** ****7305 has been utilised as follows:<BR> <BR> "
            f"Account number : xxxx4411 <BR> Description : {terminal}-{merchant} <BR> Amount : OMR {amount} <BR> "
            f"Date/Time : {when.strftime('%d %b %y %H:%M').upper()} <BR> Transaction Country : Oman <BR> <BR> {FOOTER}")
    return html.encode(), when


def account(day: int, direction: str, amount: str, detail: list[str]) -> tuple[bytes, datetime]:
    when = datetime(2026, 11, day, 7, 30, tzinfo=TZ)
    lines = " <BR> ".join(detail)
    html = (f"<p>Dear customer, <BR> Your account xxxx4411 with 0311 - Br Qurum has been {direction} by OMR {amount} "
            f"with value date {when.strftime('%m/%d/%y')}. <BR> Details of this transaction are provided below for "
            f"your reference.<BR> {lines} <BR> <BR> {FOOTER}")
    return html.encode(), when


def main() -> None:
    force = "--force" in sys.argv
    OUT.mkdir(parents=True, exist_ok=True)
    items = [card(*c) for c in CARD]
    items.append(account(1, "credited", "950.000", ["SALARY", "Salary for 11 2026", "SALARY"]))
    items.append(account(5, "debited", "150.000", ["TRANSFER", "Rent November", "SAID HAMED AL RAWAHI"]))
    items.sort(key=lambda x: x[1])
    for n, (html, when) in enumerate(items, start=1):
        path = OUT / f"{n:02d}-{when:%m%d}.eml"
        if path.exists() and not force:
            sys.exit(f"{path} exists; pass --force to overwrite")
        path.write_bytes(wrap(html.decode(), when, n))
    print(f"wrote {len(items)} e-mails to {OUT}")


if __name__ == "__main__":
    main()
