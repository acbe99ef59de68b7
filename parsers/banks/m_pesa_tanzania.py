"""Vodacom M-Pesa Tanzania (TZS): "<code> Confirmed." wallet messages in English and Swahili.

Swahili: "imethibitishwa" (confirmed), "Umepokea" (you received), "kutoka" (from), "tarehe" (date).
"""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, negative, rx
from parsers.base import Direction, Kind

_WHEN = r"(?: on (?P<when>[\d/-]+ at \d{1,2}:\d{2} ?[AP]M))?"

M_PESA_TANZANIA = TemplateBank(
    name="m_pesa_tanzania",
    sender_domains=("vodacom.co.tz",),
    # M-Pesa runs in several countries: only Tanzanian shillings or Swahili wording make it this one.
    signature=rx(r"M-Pesa balance is T(?:ZS|sh)|Tsh[\d,.]+ has been deducted from your M-Pesa"
                 r"|^\w{10} (?:Confirmed|imethibitishwa)\..*\bT(?:ZS|shs?) ?\d", 2 | 8 | 16),  # I, M, S
    currency="TZS",
    zone="Africa/Dar_es_Salaam",
    negatives=(
        # The payee-side notice of a payment the sender's own "sent to" message already counts.
        negative("recipient confirmation of a transfer already alerted",
                 r"^\w{10} Confirmed\. [A-Z][\w .'-]+ has received T(?:ZS|shs?) ?[\d,.]+ on"),
    ),
    templates=(
        Template("received", rx(r"You have received (?:a payment of )?{CUR} ?{AMT} from (?:\d+ - )?(?P<who>.+?)"
                                r"(?: \(\w+\))?" + _WHEN + r"\."),
                 Kind.MOBILE_PAYMENT, Direction.CREDIT),
        Template("umepokea", rx(r"Umepokea {CUR} ?{AMT} kutoka (?P<who>.+?), Akaunti (?P<acct>{MASK})"
                                r"(?: - .+?)? tarehe (?P<when>[\d/]+) saa [\d:]+"),
                 Kind.MOBILE_PAYMENT, Direction.CREDIT),
        Template("sent", rx(r"{CUR} ?{AMT} sent to (?:business )?(?P<who>.+?)(?: \(\w+\)| for account \S+)?" + _WHEN
                            + r"(?:\.| Total fee)"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT),
        Template("paid", rx(r"{CUR} ?{AMT} paid to (?P<who>.+?)(?: \(Merchant ID: \w+\)| for account \S+?)?" + _WHEN
                            + r"(?:\.| and charged)"),
                 Kind.PURCHASE, Direction.DEBIT, who_is_counterparty=False),
        Template("overdraft repayment", rx(r"{CUR} ?{AMT} has been deducted from your M-Pesa account" + _WHEN
                                           + r" as a repayment of M-Pesa Overdraft"),
                 Kind.FEE, Direction.DEBIT, label="M-Pesa Overdraft"),
        Template("agent withdrawal", rx(r"On (?P<when>[\d/]+ at \d{1,2}:\d{2} ?[ap]m) Withdraw {CUR} ?{AMT} from \d+ - "),
                 Kind.WITHDRAWAL, Direction.DEBIT, label="Agent Withdrawal"),
    ),
)
