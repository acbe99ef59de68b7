"""Citizens Bank International (Nepal, NPR): "###4041 is debited by NPR X on <date>, Remarks: <channel>/<ref> Av Bal: Y"."""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind

_CHANNELS = {"ATM": ("ATM Withdrawal", Kind.WITHDRAWAL), "VISA": ("VISA Transaction", Kind.PURCHASE),
             "POS": ("POS Transaction", Kind.PURCHASE), "CIPS": ("cIPS", Kind.TRANSFER), "IPS": ("IPS", Kind.TRANSFER)}


def _remarks(g: dict[str, str | None]) -> dict[str, str | None]:
    head = (g.get("who") or "").split("/")[0].strip()
    label = _CHANNELS.get(head.upper())
    if label is not None:
        g["who"], g["kind"] = label[0], label[1].value
    else:
        g["who"] = head or None
    return g


CITIZENS_BANK = TemplateBank(
    name="citizens_bank",
    sender_domains=("ctznbank.com",),
    signature=rx(r"\bCitizens Bank International\b|#+\d{3,4} is (?:debited|credited) by NPR [\d,.]+ on [\d/]+, Remarks:"),
    currency="NPR",
    zone="Asia/Kathmandu",
    templates=(
        Template("account", rx(r"(?P<acct>#+\d+) is (?P<dir>debited|credited) by {CUR} ?{AMT} on (?P<when>[\d/]+),? "
                               r"Remarks: ?(?P<who>\S+?)(?: Av Bal: ?(?P<bal>[\d,]*\.?\d+))"),
                 Kind.DEBIT, who_is_counterparty=False, fix=_remarks),
    ),
)
