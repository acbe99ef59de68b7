"""NMB Bank Tanzania (TZS): Swahili account alerts and English merchant payments.

Kiasi cha (amount of), kimetumwa (was sent), kimetolewa (was taken), kwenda (to), kurejesha
(to repay), Umepokea (you received), kupitia (through), Tarehe (date).
"""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

NMB_TANZANIA = TemplateBank(
    name="nmb_tanzania",
    sender_domains=("nmbbank.co.tz",),
    signature=rx(r"NMB (?:karibu yako|Pesa Fasta|ATM)|Mshiko Fasta"),
    currency="TZS",
    zone="Africa/Dar_es_Salaam",
    templates=(
        Template("sent", rx(r"Kiasi cha {CUR} ?{AMT} kimetumwa kutoka katika akaunti inayoishia na (?P<acct>\w+) kwenda "
                            r"(?P<who>[A-Z][A-Z .'-]*?)(?: \w*\d\w*)?\. Tarehe: ?(?P<when>[\d-]+ [\d:]+)"),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("loan repayment", rx(r"Kiasi cha (?:[A-Z]{3} )?{CUR} ?{AMT} kimetolewa kwenye akaunti yako inayoishia na "
                                      r"(?P<acct>\w+) kurejesha (?P<who>.+?),.*?(?P<when>\d{2}-\d{2}-\d{4} \d{2}:\d{2})"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("paid", rx(r"You have paid {CUR} ?{AMT} with account ending (?P<acct>\w+) to (?P<who>.+?)(?: \d{5,})? on "
                            r"(?P<when>[\d-]+ [\d:]+)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("received", rx(r"Umepokea (?:kiasi cha )?{CUR} ?{AMT} kupitia (?P<who>.+?)(?= \d| Kulipwa)"),
                 Kind.CREDIT, Direction.CREDIT),
    ),
)
