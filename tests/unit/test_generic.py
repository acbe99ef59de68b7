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
    # Names in less usual places.
    ("A/C No **4455 Credited with Rs 800--NEFT/ABCD0000001234/GREENFIELD ACADEMY (CLR BAL 900.00CR)",
     "800.00", "INR", Direction.CREDIT, "GREENFIELD ACADEMY", "**4455"),
    ("A/C No **4455 Credited with Rs 300--Vendor Payout (CLR BAL 1200.00CR)", "300.00", "INR", Direction.CREDIT,
     "Vendor Payout", "**4455"),
    ("Your SIP purchase of Rs.1,000.00 in Acme Bluechip Equity Fund Growth has been processed at applicable NAV.",
     "1000.00", "INR", Direction.DEBIT, "Acme Bluechip Equity Fund Growth", None),
    ("Caro Cliente, ocorreu um debito de 250,00 MT na sua conta 9876543210 a 02/03/2026, 10:15, PADARIA CENTRAL. "
     "Comissao: 0.00MT", "250.00", "MZN", Direction.DEBIT, "PADARIA CENTRAL", "9876543210"),
    ("Payment INR 150.00 confirmed for order #A-77 on Sun Valley Foods.", "150.00", "INR", Direction.DEBIT,
     "Sun Valley Foods", None),
    ("A debit transaction from CITY WATER ;4455 ;AUTOPAY for $42.10 on account *3=21 was posted.", "42.10", "USD",
     Direction.DEBIT, "CITY WATER", None),
    ("Remarks:(HOSTEL FEE REFUND) - NPR 2,000.00 credited to your A/C XX9911", "2000.00", "NPR", Direction.CREDIT,
     "HOSTEL FEE REFUND", "XX9911"),
    # A deposit "at" a branch or a machine names no other side.
    ("Cash Rs. 700 deposited in your account XX1212 from Cash Machine M123 at STATION ROAD ON 01-03-2026.",
     "700.00", "INR", Direction.CREDIT, "Cash Deposit", "XX1212"),
    ("Rs.900 credited in your A/c XX3344 on 12FEB2026 10:00:00 using cash deposit machine at MAIN BRANCH.",
     "900.00", "INR", Direction.CREDIT, "Cash Deposit", "XX3344"),
    ("Depositaste o valor de 500.00MT no agente ANA LOPES aos 1/3/26.", "500.00", "MZN", Direction.CREDIT,
     "ANA LOPES", None),
    # A channel names a transfer that names no one: which way it went shows in the label.
    ("Rs 4,000.00 credited to your A/c XX7070 via IMPS on 01-03-26.", "4000.00", "INR", Direction.CREDIT,
     "IMPS Credit", "XX7070"),
    ("Rs 4,000.00 debited from your A/c XX7070 via IMPS on 01-03-26.", "4000.00", "INR", Direction.DEBIT,
     "IMPS Transfer", "XX7070"),
    # The account, not the card drawn on it; product prefixes and quoted masks.
    ("Your debit card XXX5566 linked to acc. XXX220011 was used for AED 40.00 at BOOK NOOK,AE.", "40.00", "AED",
     Direction.DEBIT, None, "XXX220011"),
    ("We processed a debit card withdrawal: $15.00 at Corner Deli. Acct CK4321 has a $90.00 bal.", "15.00", "USD",
     Direction.DEBIT, "Corner Deli", "CK4321"),
    ("You have received ETB 75.00 from wallet account number 251900000000 to your bank account '4455*****6677'.",
     "75.00", "ETB", Direction.CREDIT, None, "4455*****6677"),
    # Footers (help lines, greetings, legal text) never hold the other side.
    ("A/c X1212 DEBIT:Rs.75.00 TEA TIME CAFE Bal:Rs.500.00 Lost card? SMS BLOCK to 9000000000-Example Bank",
     "75.00", "INR", Direction.DEBIT, "TEA TIME CAFE", "X1212"),
    ("Your account xxxx3300 has been debited by OMR 20 with value date 01/03/26.\n"
     "Details of this transaction are provided below for your reference.\nTRANSFER\nSALIM AHMED AL BALUSHI\n"
     "Kind regards,\nExample Bank\nIf you received this message by error, please notify us by e-mail to "
     "help@bank.example.", "20.000", "OMR", Direction.DEBIT, "SALIM AHMED AL BALUSHI", "xxxx3300"),
    ("Your account xxxx3300 has been credited by OMR 5.000 with value date 01/03/26.\n"
     "Details of this transaction are provided below for your reference.\nTransfer\nrent share\nHAMAD SAID\n"
     "Kind regards,\nExample Bank", "5.000", "OMR", Direction.CREDIT, "HAMAD SAID", "xxxx3300"),
    # The customer's own bank before its account label is not the other side.
    ("PKR 5,000.00 ATM cash withdrawal from XBL A/C *7788 on 01/MAR/2026 at 02:52 PM", "5000.00", "PKR",
     Direction.DEBIT, "ATM Withdrawal", "*7788"),
    # "credited to the ... A/c of NAME": the customer's transfer out, to the holder of that account.
    ("your NEFT transaction for INR 9,000.00 has been credited to the OTHER A/c XXXXXX4321 of RIYA SEN on 01-03-2026",
     "9000.00", "INR", Direction.DEBIT, "RIYA SEN", None),
    ("Rs.250.00 Cr. to shopkeeper@okbank A/c XX114455 on 01-03-2026. AvlBal:Rs900.00", "250.00", "INR",
     Direction.CREDIT, "shopkeeper@okbank", "XX114455"),
    # A name after a phone number, and "@" glued to the verb.
    ("You have sent TSh 10,000 to 2557XXXXXXXX - JUMA ALLY. TxnID: 123456789.", "10000.00", "TZS",
     Direction.DEBIT, "JUMA ALLY", None),
    ("Rs 800 withdrawn@ CITY MALL ATM on 01MAR26 10:00 Bal Rs 100.00", "800.00", "INR", Direction.DEBIT,
     "CITY MALL ATM", None),
    # Star-separated codes and account/name pairs.
    ("Bank Account XX321 credited:Rs. 55.00 on 01-Mar-26. Info ACH*ORBIT FOODS LTD*123. Available Balance is Rs 900.00",
     "55.00", "INR", Direction.CREDIT, "ORBIT FOODS LTD", "XX321"),
    ("Bank Acc XX321 debited Rs. 2,000.00 on 01-Mar-26 InfoBIL*Home Loan.Avl Bal Rs. 100.00.", "2000.00", "INR",
     Direction.DEBIT, "Home Loan", "XX321"),
    ("Your account XXXXXX9876 is credited by Rs.700 on 01-03-26 received from account XXXXXX1111/DEEPA STORES "
     "(IMPS Ref no. 99887766).", "700.00", "INR", Direction.CREDIT, "DEEPA STORES", "XXXXXX9876"),
    ("your account 02-02***4455 has been credited with amount PKR 9,500.00 from account 33-44xxxxx-1234567 "
     "GLOBEX PAY from IBFT on 01/03/26.", "9500.00", "PKR", Direction.CREDIT, "GLOBEX PAY", "02-02***4455"),
    ("Birr 300 ATM cash withdrawal has been made from A/c No. 555xxxxxxxx1234 on 1-Mar-2026. The A/c Available "
     "Bal. is Birr 50.00 and transaction ATM location is Piazza Square ATM . Thank you", "300.00", "ETB",
     Direction.DEBIT, "Piazza Square ATM", "555xxxxxxxx1234"),
    # Mobile money: a name after the agent's or the sender's number, or labelled without a colon.
    ("Confirmado XY12. Recebeste 800.00MT de 654321 - MARIA JOSE aos 1/3/26 as 9:00 AM. Em caso de duvida, liga 100.",
     "800.00", "MZN", Direction.CREDIT, "MARIA JOSE", None),
    ("XY12 Confirmed. Withdraw Tsh50,000.00 from 112233 - CORNER SHOP AGENT Total fee Tsh1,000.00. Balance is Tsh5.00",
     "50000.00", "TZS", Direction.DEBIT, "CORNER SHOP AGENT", None),
    ("You withdrew 20.00MT in the Agent with code ID 998877, Name ANA SILVA at 10:00:00 on 01/03/2026.", "20.00",
     "MZN", Direction.DEBIT, "ANA SILVA", None),
    ("XY12 imethibitishwa. Umepokea Tshs 9,000.00 kutoka ACME PAY, Akaunti ****4321 - JOHN tarehe 01/03/2026.",
     "9000.00", "TZS", Direction.CREDIT, "ACME PAY", "****4321"),
    # Other languages and shapes.
    ("Compra de R$ 12,90 APROVADA em LOJA DO ZE para o cartão final 4433", "12.90", "BRL", Direction.DEBIT,
     "LOJA DO ZE", "4433"),
    ("Cargo por $250.00 MXN en FARMACIA SOL con tu tarjeta terminación 5566", "250.00", "MXN", Direction.DEBIT,
     "FARMACIA SOL", "5566"),
    ("شراء عبر نقاط البيع مبلغ: 30.00 SAR لدى: مقهى الورد بطاقة: 4455*", "30.00", "SAR", Direction.DEBIT,
     "مقهى الورد", None),
    ("A charge of $6.50 was made at BAGEL BARN on your card ending 9090.", "6.50", "USD", Direction.DEBIT,
     "BAGEL BARN", "9090"),
    ("Alert: A $4.99 recurring payment to MUSICBOX.COM was charged to your card ending 2222.", "4.99", "USD",
     Direction.DEBIT, "MUSICBOX.COM", "2222"),
    ("TK 0456xxx789 -75,000VND luc 01-03-2026 10:00. SD: 900,000VND", "75000", "VND", Direction.DEBIT, None, None),
    ("TK 0456xxx789 +2,500,000VND luc 01-03-2026 10:00. SD: 3,400,000VND", "2500000", "VND", Direction.CREDIT, None,
     None),
    ("Votre compte 55667 a été crédité de 2 100,00 EUR (VIREMENT SALAIRE GLOBEX).", "2100.00", "EUR",
     Direction.CREDIT, "Salary", "55667"),
    ("Direct deposit of $900.00 posted to your checking account ending in 3131.", "900.00", "USD", Direction.CREDIT,
     "Deposit", "3131"),
    ("AED 700.00 has been deposited via ATM in your account XXX123456 on 01/03/2026.", "700.00", "AED",
     Direction.CREDIT, "Cash Deposit", "XXX123456"),
    # A reversed debit is money coming back.
    ("Rs 750.00 debit on your card XX4321 at SHOP has been reversed.", "750.00", "INR", Direction.CREDIT, None,
     "XX4321"),
    # Labels for what names no one.
    ("Check No 000777 for USD 60.00 deposited in your account XXXX1234 has been returned unpaid.", "60.00", "USD",
     Direction.DEBIT, "Cheque Returned", "XXXX1234"),
    ("Dear customer, unsuccessful transaction of AED 19.00 has been credited to your account XXXX1234 on 01/03/26",
     "19.00", "AED", Direction.CREDIT, "Refund", "XXXX1234"),
]

# A capture that is a mask, a date or a figure is no name at all.
NO_NAME: list[str] = [
    "Dear JANE, transfer of TZS 5000.00 from XXXXXXX to 07XXXXXXXX has been processed",
    "Your SIP purchase for Rs. 500.00 has been processed at the NAV of 31.554 for 2.1 units",
    "Rs 200.00 credited to your A/c XX12 on 14MAR2026 11:00:00.",
    "Your A/c XX12 is credited by NPR 900.00 For: ABC:IBFT:1234567890:5245:XYZBK. Never share your PIN",
    "NEFT transaction for Rs. 700.00 has been credited to the beneficiary account on 01-03-2026",
]


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Rs 10.00 debited. Details are below for your reference. Ref No 55667788", "55667788"),
        ("NEFT transaction with reference number XY12345678 for Rs. 10.00 debited", "XY12345678"),
        ("Rs 10.00 debited. Details are provided for your reference.", None),
    ],
)
def test_reference(text: str, reference: str | None) -> None:
    txn = parse(text).transaction
    assert txn is not None and txn.reference == reference


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


@pytest.mark.parametrize("text", NO_NAME)
def test_no_junk_names(text: str) -> None:
    txn = parse(text).transaction
    assert txn is not None
    for name in (txn.merchant, txn.counterparty):
        assert name is None or not any(ch.isdigit() for ch in name), name


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
        # A promised refund is not a refund yet.
        ("Your payment of INR 80.00 to SHOP failed. Any amount debited will be refunded in 5 days.",
         Status.NOT_TRANSACTION),
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
