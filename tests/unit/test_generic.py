"""The generic parser as a data table: invented alerts in many banks' styles -> fields.

Texts are written for the project (made-up names, amounts, masks); they imitate common
alert shapes, not any one bank's exact wording. Each bug found becomes one more row.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from parsers.base import Alert, Direction, Kind, ParseResult, Status
from parsers.generic import GENERIC, GenericParser

HEADER = datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=4)))


def parse(text: str, subject: str = "Transaction alert") -> ParseResult:
    return GENERIC.parse(Alert(text=text, subject=subject, sender="alerts@bank.example",
                               sender_domain="bank.example", date=HEADER))


# text, amount, currency, direction, merchant-or-counterparty (None: not checked), account
ROWS: list[tuple[str, str, str, Direction, str | None, str | None]] = [
    ("INR 1,250.00 debited from A/c XX4321 on 01-03-26 to VPA freshmart@okbank. Avl Bal INR 9,000.00",
     "1250.00", "INR", Direction.DEBIT, "freshmart@okbank", "XX4321"),
    ("Rs.499.00 spent on your card ending 7788 at PIZZA PALACE on 01/03/26. Avl limit Rs 20,000",
     "499.00", "INR", Direction.DEBIT, "PIZZA PALACE", "7788"),
    ("Your A/c XX1100 is credited with INR 5,000.00 on 01-03-26 by NEFT from ORBIT SOFTWARE LTD. Bal INR 7,500.00",
     "5000.00", "INR", Direction.CREDIT, "ORBIT SOFTWARE LTD", "XX1100"),
    ("AED 85.50 was spent on your Credit Card 5123****9876 at GREEN GROCERS DUBAI. Available limit AED 4,000.00",
     "85.50", "AED", Direction.DEBIT, "GREEN GROCERS DUBAI", "5123****9876"),
    ("OMR 12.345 has been debited from your account xxxx2233 for purchase at CITY CAFE MUSCAT",
     "12.345", "OMR", Direction.DEBIT, "CITY CAFE MUSCAT", "xxxx2233"),
    ("Transaction for $3.26 was approved on debit card 4455 at Cloud Store at 08:19 PM on 05/06/25.",
     "3.26", "USD", Direction.DEBIT, "Cloud Store", "4455"),
    ("You made a $19.99 transaction with MOVIE HOUSE 1234 on Mar 1, 2026 at 1:56 PM ET.",
     "19.99", "USD", Direction.DEBIT, "MOVIE HOUSE 1234", None),
    ("ABC123XYZ Confirmed. You have received Ksh1,500.00 from MARY WANJIKU 0712000111 on 1/3/26 at 9:15 AM. "
     "New balance is Ksh2,000.00.", "1500.00", "KES", Direction.CREDIT, "MARY WANJIKU", None),
    ("Umetuma TZS 30,000.00 kwenda PETER PAN. Bal:TZS 50,000.00", "30000.00", "TZS", Direction.DEBIT,
     "PETER PAN", None),
    ("Dear Customer your account 1*********4455 has been debited with ETB 250.00. Your Current Balance is ETB 900.00",
     "250.00", "ETB", Direction.DEBIT, None, "1*********4455"),
    ("ATM cash withdrawal of NPR 5,000.00 from A/C ###1234 at KATHMANDU MALL ATM",
     "5000.00", "NPR", Direction.DEBIT, None, "###1234"),
    ("LKR 3,216.00 Debited from your A/c XXXXXXXX5678 on 01/03/2026. AvlBal LKR 9,437.61. @ TOWN PHARMACY.",
     "3216.00", "LKR", Direction.DEBIT, "TOWN PHARMACY", "XXXXXXXX5678"),
    ("PKR 2,000.00 received in your account 0101xxx9901 via RAAST from SARA KHAN",
     "2000.00", "PKR", Direction.CREDIT, "SARA KHAN", "0101xxx9901"),
    ("an electronic funds transfer of PKR 5,000.00 has been made into your Account No. 0101xxx9901",
     "5000.00", "PKR", Direction.CREDIT, None, "0101xxx9901"),
    ("Acct XX051 debited for Rs 180.00 on 01-Mar-26; CORNER BAKERY credited. UPI:568000000001.",
     "180.00", "INR", Direction.DEBIT, "CORNER BAKERY", "XX051"),
    ("Your A/c X1234 is credited with Rs.1000.00 Info: IMPS/ABCD/123456789012/ METRO TRADERS. Final balance "
     "is Rs.10000.00", "1000.00", "INR", Direction.CREDIT, "METRO TRADERS", "X1234"),
    ("A/c X7477 DEBIT:Rs.983.75 SPICE KITCHEN Bal:Rs.1234.67", "983.75", "INR", Direction.DEBIT,
     "SPICE KITCHEN", "X7477"),
    ("Refund of INR 349.00 credited to your card XX9090 from ONLINE STORE", "349.00", "INR", Direction.CREDIT,
     None, "XX9090"),
    ("Cheque No 000123 for AED 800.00 deposited in your account XXXX0002 has been returned unpaid.",
     "800.00", "AED", Direction.DEBIT, None, "XXXX0002"),
    ("NEFT transaction with reference number N123 for Rs. 2,050.00 has been credited to the beneficiary account",
     "2050.00", "INR", Direction.DEBIT, None, None),
    ("Auto pay set up on your card XX4356 for up to Rs. 5000.00 by STREAMFLIX. An initial amount of Rs. 2.00 "
     "has been debited from your account.", "2.00", "INR", Direction.DEBIT, None, "XX4356"),
    ("You have transferred ETB 1,000.00 to ABEBE KEBEDE. S.charge of ETB 5.00 and VAT of ETB 0.75, with a total "
     "of ETB 1005.75. Your Current Balance is ETB 300.00", "1005.75", "ETB", Direction.DEBIT, "ABEBE KEBEDE", None),
    # Other scripts and languages.
    ("تم خصم 5.250 ر.ع. من حسابك xxxx7788 لدى متجر الواحة", "5.250", "OMR", Direction.DEBIT, None, "xxxx7788"),
    ("تم إيداع 1,000.00 د.إ في حسابك XXXX1122", "1000.00", "AED", Direction.CREDIT, None, "XXXX1122"),
    ("Compra de 45,90 EUR con tu tarjeta ****1234 en SUPERMERCADO SOL", "45.90", "EUR", Direction.DEBIT, None,
     "****1234"),
    ("Caro Cliente, ocorreu uma operacao de compra de 1.234,56 MT na sua conta 1234567890123 a 01/03/2026",
     "1234.56", "MZN", Direction.DEBIT, None, "1234567890123"),
    ("KBANK: เงินเข้า 4,200.00 บาท บช x7788 คงเหลือ 12,350.75 บาท", "4200.00", "THB", Direction.CREDIT, None,
     "x7788"),
    ("SCB: โอนเงินออก 1,500.00 บาท บช x1234", "1500.00", "THB", Direction.DEBIT, None, "x1234"),
    ("SCB: Transfer in 12,000.00 THB A/C x8899 Bal 18,200.00 THB", "12000.00", "THB", Direction.CREDIT, None,
     "x8899"),
    ("Votre carte ****4321 a été débitée de 30,00 EUR chez BOULANGERIE DU COIN", "30.00", "EUR", Direction.DEBIT,
     "BOULANGERIE DU COIN", "****4321"),
]


@pytest.mark.parametrize(("text", "amount", "currency", "direction", "party", "account"), ROWS)
def test_generic_reads_alerts(text: str, amount: str, currency: str, direction: Direction,
                              party: str | None, account: str | None) -> None:
    result = parse(text)
    assert result.status is Status.TRANSACTION, result.reason
    txn = result.transaction
    assert txn is not None
    assert (txn.amount, txn.currency, txn.direction) == (Decimal(amount), currency, direction)
    assert str(txn.amount) == amount
    if party is not None:
        assert party in (txn.merchant, txn.counterparty)
    if account is not None:
        assert txn.account == account


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("INR 500.00 withdrawn at ATM from A/c XX12", Kind.WITHDRAWAL),
        ("Salary of INR 50,000.00 credited to A/c XX12", Kind.SALARY),
        ("Cash deposit of KES 2,000.00 into your account", Kind.DEPOSIT),
        ("Refund of USD 12.00 credited to card XX12", Kind.REFUND),
        ("USD 12.00 spent at SHOP on card XX12", Kind.PURCHASE),
        ("INR 700.00 transferred to JOHN via IMPS from A/c XX12", Kind.TRANSFER),
    ],
)
def test_kind(text: str, kind: Kind) -> None:
    txn = parse(text).transaction
    assert txn is not None and txn.kind is kind


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Your OTP for INR 500.00 at SHOP is 123456", Status.NOT_TRANSACTION),
        ("Your payment of USD 25.00 at SHOP was declined", Status.NOT_TRANSACTION),
        ("Your credit card bill of INR 4,500 is due on 05-07-25", Status.NOT_TRANSACTION),
        ("JOHN has requested money INR 500 from you", Status.NOT_TRANSACTION),
        ("Avl Bal INR 5,000.00 as on 01-03-26", Status.NOT_TRANSACTION),
        ("Hello, your parcel is on its way", Status.UNRECOGNIZED),
        ("USD 12.00 somewhere", Status.UNRECOGNIZED),
        # Ambiguous: Rs 5.000 could be five rupees or five thousand.
        ("Rs. 5.000 credited to your A/c XX12", Status.UNRECOGNIZED),
        ("", Status.UNRECOGNIZED),
    ],
)
def test_non_transactions(text: str, status: Status) -> None:
    result = parse(text)
    assert result.status is status
    assert result.transaction is None
    assert result.reason


def test_dates_balance_and_reference() -> None:
    txn = parse("INR 250.00 debited from A/c XX12 on 01-03-26 at 10:15. Ref No 987654321. "
                "Avl Bal INR 1,000.00").transaction
    assert txn is not None
    assert txn.occurred_at == datetime(2026, 3, 1, 10, 15, tzinfo=HEADER.tzinfo)
    assert (txn.balance, txn.balance_currency) == (Decimal("1000.00"), "INR")
    assert txn.reference == "987654321"


def test_the_contract() -> None:
    assert isinstance(GENERIC, GenericParser)
    assert GENERIC.name == "generic"
    assert GENERIC.sender_domains == ()
    assert GENERIC.claims(Alert(text="anything"))


def test_results_carry_no_float() -> None:
    for row in ROWS:
        txn = parse(row[0]).transaction
        assert txn is not None
        for f in fields(txn):
            assert not isinstance(getattr(txn, f.name), float)
        assert "." not in str(txn.to_json()["amount"]) or isinstance(txn.to_json()["amount"], str)
