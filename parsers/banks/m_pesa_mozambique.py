"""Vodacom M-Pesa Mozambique (MZN, amounts as "1,234.56MT"; Portuguese wording).

Transferiste (you transferred), compra ... na entidade (purchase at), levantaste (you withdrew),
Depositaste (you deposited), Recebeste (you received), aos D/M/YY as H:MM PM (on ... at ...).
"""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

_MT = r"{AMT} ?MT"
_WHEN = r"(?P<when>\d{1,2}/\d{1,2}/\d{2} as \d{1,2}:\d{2} [AP]M)"

M_PESA_MOZAMBIQUE = TemplateBank(
    name="m_pesa_mozambique",
    sender_domains=("vm.co.mz",),
    signature=rx(r"saldo M-Pesa e de [\d,.]+ ?MT|M-Pesa e facil|^Confirmado \w+\. (?:Transferiste|Recebeste|Depositaste|Aos|"
                 r"Registamos)", re.IGNORECASE | re.MULTILINE),
    currency="MZN",
    zone="Africa/Maputo",
    templates=(
        Template("sent", rx(r"Transferiste " + _MT + r" e a taxa foi de [\d,.]+ ?MT para (?:\d+ - )?(?P<who>.+?) aos " + _WHEN),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT),
        Template("purchase", rx(r"operacao de compra no valor de " + _MT + r" e a taxa foi de [\d,.]+ ?MT na entidade "
                                r"(?P<who>.+?) com referencia(?: (?P<ref>\w+))? aos " + _WHEN),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("withdrawal", rx(r"Aos " + _WHEN + r" levantaste " + _MT + r" no agente (?:\d+ - )?(?P<who>.+?)\."),
                 Kind.WITHDRAWAL, Direction.DEBIT, who_is_counterparty=False),
        Template("deposit", rx(r"Depositaste o valor de " + _MT + r" no agente (?:\d+ - )?(?P<who>.+?) aos " + _WHEN),
                 Kind.DEPOSIT, Direction.CREDIT),
        Template("received", rx(r"Recebeste " + _MT + r" de (?:\d+ - )?(?P<who>.+?) aos " + _WHEN),
                 Kind.MOBILE_PAYMENT, Direction.CREDIT),
    ),
)
