"""CRDB Bank (Tanzania, TZS): English card alerts and Swahili SimBanking confirmations.

Swahili: "Muamala umefanikiwa" (transaction successful), "Malipo yamekamilika" (payment
complete), "Umetuma" (you sent), "Umepokea" (you received), "kwenda" (to), "kutoka" (from).
"""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

CRDB_BANK = TemplateBank(
    name="crdb_bank",
    sender_domains=("crdbbank.co.tz",),
    signature=rx(
        r"CRDB SIMBANKING|^CRDB\b|0755197700|has been withdrawn using a Card \d+\*+\w+ On"
        r"|^Paid:.+ Card:\d+\*+\d+ Date:|^(?:KUMB:\w+ )?Muamala umefanikiwa TZS|^Malipo yamekamilika"
        r"|^Umepokea TZS [\d,.]+ kutoka .* kwenda akaunti yako|^Umetuma TZS [\d,.]+ (?:kwenda|kutoka AC:)",
        re.IGNORECASE | re.MULTILINE,
    ),
    currency="TZS",
    zone="Africa/Dar_es_Salaam",
    templates=(
        Template("atm", rx(r"{CUR} ?{AMT} has been withdrawn using a Card (?P<card>{MASK}) On (?P<when>[\d.]+ ?[\d:]+)"
                           r"(?: Balance is (?P<balcur>[A-Z]{3}) ?(?P<bal>[\d,]*\.?\d+))?"),
                 Kind.WITHDRAWAL, Direction.DEBIT, label="ATM Withdrawal"),
        Template("card paid", rx(r"Paid: ?(?P<who>.+?) {CUR} ?{AMT} Card: ?(?P<card>{MASK}) Date: ?(?P<when>[\d.:]+)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("transfer sent", rx(r"Muamala umefanikiwa {CUR} ?{AMT} .*?kwenda (?:LIPA )?(?P<who>[A-Z][A-Z .'-]*?)"
                                     r"(?: \d\S*)?(?: Risiti:\S+)?(?: (?P<when>\d{4}-\d{2}-\d{2} [\d:]+))?(?: CRDB|$)"),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("umetuma", rx(r"Umetuma {CUR} ?{AMT}(?: kutoka AC: ?(?P<acct>{MASK}))? kwenda (?P<who>[A-Z][A-Z .'-]*?)"
                               r"(?:\.| AC:)"),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("umepokea", rx(r"Umepokea {CUR} ?{AMT} kutoka (?P<who>.+?) kwenda akaunti yako"),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("received", rx(r"you have received {CUR} ?{AMT} in your account number: ?(?P<acct>{MASK})"
                                r"(?: (?P<when>\d{4}-\d{2}-\d{2}T[\d:]+))?(?: REF: ?(?P<ref>\w+))?"),
                 Kind.TRANSFER, Direction.CREDIT),
        # LUKU: prepaid electricity, the receipt lists the token, units and taxes before the total.
        Template("luku token", rx(r"Malipo yamekamilika\.?\s?.*?\bTOKEN\b.*?TOTAL {CUR} ?{AMT}(?: (?P<when>\d{4}-\d{2}-\d{2} [\d:]+))?"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, label="LUKU"),
        Template("bill paid", rx(r"Malipo yamekamilika\.? (?P<who>[A-Z][\w .&'-]*?) {CUR} ?{AMT}"),
                 Kind.BILL_PAYMENT, Direction.DEBIT),
    ),
)
