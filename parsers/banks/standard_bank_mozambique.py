"""Standard Bank Mozambique (MZN; card use abroad in other currencies; Portuguese wording).

"Caro Cliente, ocorreu uma operacao de compra de 1.234,56, MT na sua conta <n> a 09/05/2026,
13:41, <merchant>. Comissao: ..." (a purchase), "ocorreu um debito de ..." (a debit), "ocorreu um
credito de ..." (a credit). Amounts are printed European-style: dot for thousands, comma for decimals.
"""

from __future__ import annotations

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, rx
from parsers.base import Direction, Kind

_AMOUNT = r"(?P<amt>\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?),? ?(?P<cur>MT|MZN|[A-Z]{3})"
_AT = r" na sua conta (?P<acct>\d[\d*Xx]+) a (?P<when>\d{2}/\d{2}/\d{4}, \d{2}:\d{2})"


def _european(g: dict[str, str | None]) -> dict[str, str | None]:
    g["amt"] = (g.get("amt") or "").replace(".", "").replace(",", ".")
    if (g.get("cur") or "").upper() == "MT":
        g["cur"] = "MZN"
    return g


STANDARD_BANK_MOZAMBIQUE = TemplateBank(
    name="standard_bank_mozambique",
    sender_domains=("standardbank.co.mz",),
    signature=rx(r"Caro Cliente, ocorreu (?:uma?|o) |Mais info: 800412412|\bStandard Bank Mo[cç]ambique\b"
                 r"|\bStandard Bank Mozambique\b"),
    currency="MZN",
    zone="Africa/Maputo",
    date_formats=("%d/%m/%Y, %H:%M", "%d/%m/%Y %H:%M", *DATE_FORMATS),
    templates=(
        Template("purchase", rx(r"ocorreu uma operacao de compra de " + _AMOUNT + _AT + r", (?P<who>.+?)\. Comiss"),
                 Kind.PURCHASE, Direction.DEBIT, fix=_european),
        Template("debit", rx(r"ocorreu um debito de " + _AMOUNT + _AT + r"(?:, (?P<who>.+?)\. Comiss)?"),
                 Kind.DEBIT, Direction.DEBIT, who_is_counterparty=False, fix=_european),
        Template("credit", rx(r"ocorreu um credito de " + _AMOUNT + _AT + r"(?:, (?P<who>(?!disponivel).+?)\. Comiss)?"),
                 Kind.CREDIT, Direction.CREDIT, fix=_european),
    ),
)
