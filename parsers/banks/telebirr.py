"""telebirr (Ethio telecom mobile money, Ethiopia, ETB): received, transferred, paid, savings moves."""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

_ON = r" on (?P<when>[\d/-]+ [\d:]+)"
_TXN = r"(?:.*?transaction number is (?P<ref>\w+))?"

TELEBIRR = TemplateBank(
    name="telebirr",
    sender_domains=("ethiotelecom.et",),
    # Banks mention telebirr wallets as the other side: only telebirr's own sign-off or receipts claim.
    signature=rx(r"for using telebirr|your telebirr (?:account|transaction number)|transactioninfo\.ethiotelecom\.et"),
    currency="ETB",
    zone="Africa/Addis_Ababa",
    templates=(
        Template("received", rx(r"You have received {CUR} ?{AMT} from (?P<who>.+?)" + _ON + _TXN),
                 Kind.MOBILE_PAYMENT, Direction.CREDIT),
        Template("received from bank", rx(r"You have received {CUR} ?{AMT} by transaction number (?P<ref>\w+)" + _ON
                                          + r" from (?P<who>.+?) to your telebirr Account"),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("transferred", rx(r"You have transferred {CUR} ?{AMT} (?:successfully )?(?:from your telebirr account \d+ )?"
                                   r"to (?P<who>.+?)" + _ON + _TXN),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("paid", rx(r"You have paid {CUR} ?{AMT} (?:for (?:goods|fuel) purchased from |for package |to )(?P<who>.+?)"
                            + _ON + _TXN),
                 Kind.PURCHASE, Direction.DEBIT),
        # Moves between the wallet and its savings pot: the wallet is the account the alerts follow.
        Template("to savings", rx(r"You have successfully deposited {CUR} ?{AMT} to your (?P<who>Saving Account)" + _ON + _TXN),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("from savings", rx(r"You have successfully Withdraw {CUR} ?{AMT} from your (?P<who>saving account)" + _ON
                                    + _TXN),
                 Kind.TRANSFER, Direction.CREDIT),
    ),
)
