"""Review fixes in the parsers: money that came back read as spent, failed or cancelled
payments counted, amounts cut short, refunds in the Bank Muscat card block read as purchases.

Each case was read wrongly before the fix; counting any of them makes someone's budget wrong.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from parsers.banks.bank_muscat import BANK_MUSCAT
from parsers.base import Alert, Direction, Kind, MalformedAlert, ParseResult, Status
from parsers.generic import GENERIC
from parsers.negatives import non_transaction_reason

HEADER = datetime(2026, 11, 10, 17, 5, tzinfo=timezone(timedelta(hours=4)))


def generic(text: str, subject: str = "Transaction alert") -> ParseResult:
    return GENERIC.parse(Alert(text=text, subject=subject, sender="alerts@bank.example",
                               sender_domain="bank.example", date=HEADER))


def muscat(text: str, subject: str = "Alert") -> ParseResult:
    return BANK_MUSCAT.parse(Alert(text=text, subject=subject, sender="noreply@bankmuscat.com",
                                   sender_domain="bankmuscat.com", date=HEADER))


# 1. A completed reversal or refund in the amount's sentence is money back, decimals or not.
@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Debit of Rs 750.00 on your card XX1234 has been reversed", "750.00", "INR"),
        ("Your purchase of USD 25.99 at NETFLIX with card xx1234 was reversed", "25.99", "USD"),
        ("OMR 5.000 spent at SHOP on card xx1234 has been reversed", "5.000", "OMR"),
        ("Your purchase of OMR 5.000 at SHOP has been reversed to card xx1234", "5.000", "OMR"),
        ("Your purchase of OMR 5.000 at SHOP has been refunded to card xx1234", "5.000", "OMR"),
    ],
)
def test_completed_reversal_is_a_refund(text: str, amount: str, currency: str) -> None:
    r = generic(text)
    assert r.status is Status.TRANSACTION and r.transaction is not None
    assert (r.transaction.amount, r.transaction.currency) == (Decimal(amount), currency)
    assert (r.transaction.direction, r.transaction.kind) == (Direction.CREDIT, Kind.REFUND)


@pytest.mark.parametrize(
    "text",
    [
        # The reversal is another sentence's, or a credit's: money still left.
        "Rs 500.00 debited from A/c XX1234 at SHOP. An earlier txn of Rs 200.00 has been reversed.",
        "INR 500.00 debited from A/c XX1234 as the earlier credit was reversed",
    ],
)
def test_reversal_elsewhere_leaves_a_debit(text: str) -> None:
    r = generic(text)
    assert r.transaction is not None and r.transaction.direction is Direction.DEBIT
    assert r.transaction.amount == Decimal("500.00")


# 2. A failure notice is never a debit: money already back is a refund credit (the corpus
# convention), anything else is not a transaction.
@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Your transaction of OMR 5.000 at AMAZON failed. The amount debited from your account has been refunded.",
         "5.000"),
        ("Transaction of INR 500.00 failed. Amount debited from a/c XX1234 has been reversed.", "500.00"),
        ("Transaction failed: OMR 12.500 was debited from your a/c xx1234 and has been reversed.", "12.500"),
    ],
)
def test_failed_and_money_back_is_a_refund_not_a_debit(text: str, amount: str) -> None:
    r = generic(text)
    assert r.status is Status.TRANSACTION and r.transaction is not None
    assert r.transaction.amount == Decimal(amount)
    assert (r.transaction.direction, r.transaction.kind) == (Direction.CREDIT, Kind.REFUND)
    assert r.transaction.merchant != "AMAZON failed"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Payment of Rs 300.00 failed. Amount debited from A/c XX12 will automatically be refunded.",
         "declined or failed payment"),
        ("Use OTP 482910 to confirm. Refund of Rs 500.00 has been credited to your a/c XX12", "one-time password"),
        ("Your transaction has been rejected. OMR 5.000 at SHOP card xx1234", "cancelled or rejected transaction"),
        ("Your transaction of OMR 5.000 at SHOP has been cancelled. Card xx1234", "cancelled or rejected transaction"),
        ("Your payment of OMR 5.000 to SHOP has been rejected. A/c xx1234", "cancelled or rejected transaction"),
        ("Transaction of OMR 5.000 at SHOP on card xx1234 was voided", "cancelled or rejected transaction"),
        ("Transaction rejected: USD 12.00 at SHOP, card xx1234", "cancelled or rejected transaction"),
    ],
)
def test_failed_cancelled_rejected_voided_are_refused(text: str, reason: str) -> None:
    r = generic(text)
    assert (r.status, r.reason) == (Status.NOT_TRANSACTION, reason)


@pytest.mark.parametrize(
    "text",
    [
        "Refund of INR 99.00 credited to your card XX12 for the cancelled order",
        "Rs 250.00 paid at SHOP from A/c XX12. Manage / cancel your Auto-Pay at https://bank.example",
    ],
)
def test_cancel_words_that_are_not_a_cancelled_transaction(text: str) -> None:
    assert non_transaction_reason(text) is None


def test_refund_of_a_cancelled_transaction_is_counted() -> None:
    r = generic("Refund of OMR 5.000 for your transaction at SHOP that was cancelled has been credited to card xx1234")
    assert r.transaction is not None
    assert (r.transaction.amount, r.transaction.direction) == (Decimal("5.000"), Direction.CREDIT)


# 3 and 4. Bank Muscat: Arabic-Indic digits in the English templates, numbers never cut
# short, refunds in the card block, failures after a template matched.
def card(desc: str, amount: str = "OMR 4.350") -> str:
    return ("Dear Customer,\nYour Debit card number 4921**** ****7305 has been utilised as follows:\n\n"
            f"Account number : xxxx4411\nDescription : {desc}\nAmount : {amount}\nDate/Time : 14 OCT 26 08:12\n"
            "Transaction Country : Oman\n\nKind Regards,\nBank Muscat\n")


def account(amount: str) -> str:
    return ("Dear customer, Your account xxxx0027 with 0442 - Br Maabela Ind has been debited by OMR "
            f"{amount} with value date 06/01/25. Details of this transaction are provided below for your "
            "reference.\nTRANSFER\nAHMED\nKind regards, bank muscat")


@pytest.mark.parametrize(
    "text",
    [
        card("512207-SAFFRON", amount="OMR ١٬٢٣٤٫٥٠٠"),
        account("١٬٢٣٤٫٥٠٠"),
        account("1,234.500"),
    ],
)
def test_muscat_reads_the_whole_amount(text: str) -> None:
    r = muscat(text)
    assert r.transaction is not None
    assert (r.transaction.amount, r.transaction.currency) == (Decimal("1234.500"), "OMR")


def test_muscat_mobile_and_sms_with_arabic_indic_digits() -> None:
    mobile = muscat("Dear customer, You have sent OMR ٢٤٠٫٠٠٠ to MOOS from your a/c xxxx0019 using Mobile "
                    "Payment services/mobile wallet. Txn Id BMCT1. Kind regards, Bank muscat")
    sms = muscat("Your card ending 7305 was used for OMR ٣٫٢٠٠ at CAFE on 10/11/26 21:05. Bank Muscat")
    assert mobile.transaction is not None and mobile.transaction.amount == Decimal("240.000")
    assert sms.transaction is not None and sms.transaction.amount == Decimal("3.200")


@pytest.mark.parametrize(
    "text",
    [
        account("1 234.500"),  # space-grouped: read as OMR 1.000 before
        card("512207-AMAZON", amount="USD 12.345"),  # more decimals than USD has: rounded before
        card("512207-AMAZON", amount="OMR 1.234.500"),
    ],
)
def test_muscat_refuses_an_amount_it_cannot_read_whole(text: str) -> None:
    with pytest.raises(MalformedAlert):
        muscat(text)


@pytest.mark.parametrize("desc", ["512207-SAFFRON REFUNDED", "512207-SAFFRON REVERSED", "512207-REFUND SAFFRON",
                                  "512207-SAFFRON REVERSAL"])
def test_muscat_card_refund_words(desc: str) -> None:
    r = muscat(card(desc))
    assert r.transaction is not None
    assert (r.transaction.direction, r.transaction.kind) == (Direction.CREDIT, Kind.REFUND)


def test_muscat_card_purchase_stays_a_debit() -> None:
    r = muscat(card("512207-SAFFRON RESTAURANT"))
    assert r.transaction is not None
    assert (r.transaction.amount, r.transaction.direction, r.transaction.kind) == (
        Decimal("4.350"), Direction.DEBIT, Kind.PURCHASE)


@pytest.mark.parametrize(
    "text",
    [
        "Dear customer, You have sent OMR 20.000 to MOOS from your a/c xxxx0019 using Mobile Payment "
        "services/mobile wallet. Txn Id BMCT9. The transaction has failed and the amount will be reversed. Bank muscat",
        card("512207-SAFFRON").replace("Transaction Country : Oman", "Transaction Country : Oman\nThe transaction was declined"),
        account("5.000").replace("TRANSFER", "TRANSFER - the transaction has been rejected"),
    ],
)
def test_muscat_failure_after_a_template_is_not_counted(text: str) -> None:
    r = muscat(text)
    assert r.status is Status.NOT_TRANSACTION and r.transaction is None


# 5. A sign glued to the amount ("+OMR 50.000 from X") is money in when no word says which way:
# "Transaction:", "payment" only say that money moved, "Transfer"/"IMPS" name no way. Words
# that do say it (debited, spent, credited, refund) win over the sign, so a "+" never makes
# spend a credit and a "-" used as a separator never makes a refund a debit.
@pytest.mark.parametrize(
    ("text", "amount", "kind", "party"),
    [
        ("Transaction: +OMR 50.000 from SAID AL HARTHY", "50.000", Kind.CREDIT, "SAID AL HARTHY"),
        ("Transaction: +OMR 50.000 from SAID AL HARTHY on 09/11/26. Avl Bal OMR 320.500", "50.000", Kind.CREDIT,
         "SAID AL HARTHY"),
        ("Payment +USD 75.00 from ACME TRADING LLC, card xx1234", "75.00", Kind.CREDIT, "ACME TRADING LLC"),
        ("Transfer: +OMR 25.000 from HAMED SAID", "25.000", Kind.TRANSFER, "HAMED SAID"),
        ("IMPS +INR 1,500.00 from RIYA SEN, A/c XX1234", "1500.00", Kind.TRANSFER, "RIYA SEN"),
    ],
)
def test_plus_signed_amount_is_money_in(text: str, amount: str, kind: Kind, party: str) -> None:
    r = generic(text)
    assert r.status is Status.TRANSACTION and r.transaction is not None, r.reason
    t = r.transaction
    assert (t.amount, t.direction, t.kind) == (Decimal(amount), Direction.CREDIT, kind)
    assert party in (t.merchant, t.counterparty)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Transaction: -OMR 12.000 at CITY MART", Direction.DEBIT),
        ("Card purchase: +OMR 5.000 at CITY MART, debited from a/c xxxx4411", Direction.DEBIT),
        ("USD 12.00 spent at CITY MART +USD 0.50 fee, card xx1234", Direction.DEBIT),
        ("Refund - OMR 5.000 credited to your card xx1234", Direction.CREDIT),
    ],
)
def test_words_that_say_the_way_win_over_the_sign(text: str, direction: Direction) -> None:
    r = generic(text)
    assert r.transaction is not None and r.transaction.direction is direction


# 6. A chargeback that returned money is a refund; one being reversed takes it out again.
@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Chargeback of OMR 12.500 credited to your card xx1234 for the disputed transaction at CITY MART",
         "12.500"),
        ("Chargeback processed for OMR 12.500 at CITY MART. The amount has been credited to your card xx1234",
         "12.500"),
        ("Chargeback processed. OMR 7.250 credited to your card xx1234", "7.250"),
        ("OMR 12.500 has been credited to your card xx1234 as a chargeback for CITY MART", "12.500"),
        ("Your chargeback of USD 40.00 for STREAMFLIX has been approved", "40.00"),
        ("Transaction: chargeback of OMR 8.000 processed on card xx1234", "8.000"),
        ("Charge back of OMR 3.000 completed for card xx1234", "3.000"),
    ],
)
def test_chargeback_is_a_refund(text: str, amount: str) -> None:
    r = generic(text)
    assert r.status is Status.TRANSACTION and r.transaction is not None, r.reason
    assert r.transaction.amount == Decimal(amount)
    assert (r.transaction.direction, r.transaction.kind) == (Direction.CREDIT, Kind.REFUND)


def test_reversed_chargeback_takes_the_money_out_again() -> None:
    r = generic("Chargeback reversed: OMR 12.500 debited from your card xx1234")
    assert r.transaction is not None and r.transaction.direction is Direction.DEBIT


@pytest.mark.parametrize(
    "text",
    [
        "Your chargeback request for OMR 12.500 has been registered. Ref 123456",
        "A chargeback for OMR 12.500 has been raised on your card xx1234. The amount will be credited after review.",
    ],
)
def test_chargeback_not_done_yet_is_not_counted(text: str) -> None:
    assert generic(text).status is not Status.TRANSACTION


def test_muscat_card_chargeback_is_a_refund() -> None:
    r = muscat(card("512207-SAFFRON CHARGEBACK"))
    assert r.transaction is not None
    assert (r.transaction.direction, r.transaction.kind) == (Direction.CREDIT, Kind.REFUND)
