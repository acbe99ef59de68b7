"""Held-out round 4: terse SMS-style alerts wrapped as plain-text e-mails from `.example` senders,
written fresh (abbreviations, " | " and "; " separators, currency after amount, wallets, Gulf banks)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

import parsers
from parsers.base import Status
from tests.support.generic_checks import assert_reads

_SUBJECTS = ("SMS alert", "Notification", "Transaction Alert", "Message from your bank")


def _raw(text: str, i: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"alerts@bank{i % 9}.example"
    msg["To"] = "me@home.example"
    msg["Subject"] = _SUBJECTS[i % len(_SUBJECTS)]
    msg["Date"] = "Mon, 01 Apr 2024 10:00:00 +0000"
    msg.set_content(text)
    return msg.as_bytes()


# (text, amount, currency, direction, party, account)
TXNS = [
    ("Acct XX123 Dr INR 500.00 03Mar Info: POS*SHOPRITE 22. Avl Bal INR 12,340.50",
     "500.00", "INR", "debit", "SHOPRITE 22", "123"),
    ("Txn of Rs.1,250 done on your card ending 4521 at BIG BAZAAR/MUMBAI on 04-03-24. Avl Lmt: Rs 45,000",
     "1250", "INR", "debit", "BIG BAZAAR", "4521"),
    ("Amt Rs 2,999 debited from a/c **7788 for NACH/ACH DR to BAJAJ FINSERV LTD on 05Mar24. Clr Bal Rs 8,001",
     "2999", "INR", "debit", "BAJAJ FINSERV", "7788"),
    ("Dear Customer, EMI of INR 4,567.00 for Loan A/c XX9012 debited on 10-Mar-2024. Thank you.",
     "4567.00", "INR", "debit", None, "9012"),
    ("INR 75.00 cashback credited to your a/c XX3344 on 11Mar for Amazon Pay txn. -Neo Bank",
     "75.00", "INR", "credit", None, "3344"),
    ("Interest of Rs 312.45 credited to Sav A/c XX5566 on 31-Mar-24. Clr Bal Rs 1,02,312.45",
     "312.45", "INR", "credit", None, "5566"),
    ("Cash Dep of INR 20000 at ATM S1AW0123 in A/c XX6677 on 12Mar. Avl Bal INR 34,500",
     "20000", "INR", "credit", None, "6677"),
    ("Chq No 004512 for Rs 15,000.00 cleared & credited to A/c XX2211 on 13/03/24",
     "15000.00", "INR", "credit", None, "2211"),
    ("Your a/c no. XXXXXXXX4410 is debited for Rs.349.00 on 14-03-24 by UPI ref 407512345678 to "
     "SWIGGY*INSTAMART. Not you? SMS BLOCK to 5676791",
     "349.00", "INR", "debit", "SWIGGY", "4410"),
    ("Spent USD 45.20 on your card x8812 at UBER *TRIP HELP.UBER.COM on Mar 14. Avail credit USD 2,310.00",
     "45.20", "USD", "debit", "UBER", "8812"),
    ("Your Credit Card ending 3321 was used at 7-ELEVEN #1123 for $8.47 on 03/15.",
     "8.47", "USD", "debit", "7-ELEVEN", "3321"),
    ("Card *0912 used for AED 156.50 at CARREFOUR MOE DUBAI on 15/03/2024 10:22. Available limit AED 9,843.50",
     "156.50", "AED", "debit", "CARREFOUR MOE", "0912"),
    ("تم خصم مبلغ 250.00 درهم من حسابك رقم ***4455 لدى LULU HYPERMARKET بتاريخ 16/03/2024",
     "250.00", "AED", "debit", "LULU HYPERMARKET", "4455"),
    ("تم إيداع مبلغ SAR 5,000.00 في حسابك رقم ****1209 بتاريخ 17-03-2024. الرصيد المتاح SAR 12,450.75",
     "5000.00", "SAR", "credit", None, "1209"),
    ("QCK7H2L9PZ Confirmed. Ksh1,200.00 sent to JOHN KAMAU 0712345678 on 17/3/24 at 2:15 PM. "
     "New M-PESA balance is Ksh3,450.00.",
     "1200.00", "KES", "debit", "JOHN KAMAU", None),
    ("QCL8J3M0QA Confirmed. You have received Ksh2,500.00 from MARY WANJIRU 0723456789 on 18/3/24 "
     "at 9:01 AM. New balance is Ksh5,950.00",
     "2500.00", "KES", "credit", "MARY WANJIRU", None),
    ("Payment received for GHS 150.00 from KWAME MENSAH. Current Balance: GHS 420.35. "
     "Transaction Id: 1234567890.",
     "150.00", "GHS", "credit", "KWAME MENSAH", None),
    ("You have paid GHS 35.00 to MELCOM LTD. Fee: GHS 0.35. Balance GHS 385.00. Ref: groceries",
     "35.00", "GHS", "debit", "MELCOM", None),
    ("Payment Tk 850.00 to AARONG (01711000000) successful. Fee Tk 0.00. Balance Tk 3,210.50. "
     "TrxID 9CX1ABCD2E at 19/03/2024 14:20",
     "850.00", "BDT", "debit", "AARONG", None),
    ("You have sent PHP 1,500.00 to JUAN DELA CRUZ 09171234567 on 03-19-2024 08:45 PM. Ref No. 1012345678901.",
     "1500.00", "PHP", "debit", "JUAN DELA CRUZ", None),
    ("Acct:012****789\nAmt:NGN25,000.00 DR\nDesc:POS/WEB PURCHASE SHOPRITE LEKKI\nDate:20-MAR-2024\n"
     "Bal:NGN104,220.15",
     "25000.00", "NGN", "debit", "SHOPRITE LEKKI", "789"),
    ("Credit Alert! Acct: 20XXXX1234 | Amt: NGN 50,000.00 | Desc: TRF FRM ADEBAYO OLUWASEUN | "
     "Date: 20/03/2024 | Avail Bal: NGN 150,000.00",
     "50000.00", "NGN", "credit", "ADEBAYO OLUWASEUN", "1234"),
    ("Acct XX5512 Cr INR 12,000 18Mar Info: NEFT-ACME SOFTWARE PVT LTD-SALARY. Avl Bal INR 45,601.20",
     "12000", "INR", "credit", "ACME SOFTWARE", "5512"),
    ("A/c *4478 debited INR 1,000.00 on 21Mar24; ATM WDL at SBI ATM ANDHERI; Avl Bal INR 9,000.00",
     "1000.00", "INR", "debit", None, "4478"),
    ("Rs 599 spent on your card XX6611 at NETFLIX.COM on 22-Mar-24 | Avl Lmt Rs 88,401 | "
     "Call 18002586161 if not you",
     "599", "INR", "debit", "NETFLIX", "6611"),
    ("ACH Debit: USD 89.99 to COMCAST CABLE from checking ...6789 on 03/22/2024.",
     "89.99", "USD", "debit", "COMCAST CABLE", "6789"),
    ("Direct Deposit of $2,431.17 from ACME CORP PAYROLL posted to Checking ****3030 on 3/22.",
     "2431.17", "USD", "credit", "ACME CORP", "3030"),
    ("Alert: A purchase of $23.10 at H&M 0442 NYC was made with your debit card ending 7712 on 03/23/2024.",
     "23.10", "USD", "debit", "H&M", "7712"),
    ("Txn Amt: SGD 18.90 | Merchant: BREADTALK@VIVO | Card: xx2290 | Date: 23 Mar 2024 | "
     "If unauthorised, call 1800 111 2222",
     "18.90", "SGD", "debit", "BREADTALK", "2290"),
    ("MYR 120.00 charged to card ending 5561 at PETRONAS JLN AMPANG on 24/03/24. Not you? Call 03-2222 3333",
     "120.00", "MYR", "debit", "PETRONAS", "5561"),
    ("IDR 250.000 debited from acc 1234***890 for QRIS payment to KOPI KENANGAN on 24/03/2024",
     "250000", "IDR", "debit", "KOPI KENANGAN", "890"),
    ("Your account 50XXXX8821 has been credited with BHD 320.500 on 25/03/2024 Ref: SALARY MARCH. "
     "Avl Bal BHD 1,201.750",
     "320.500", "BHD", "credit", None, "8821"),
    ("Purchase of KWD 12.750 at ALSHAYA STARBUCKS with card ending 4009 on 25-03-2024. Avl bal KWD 840.125",
     "12.750", "KWD", "debit", "ALSHAYA STARBUCKS", "4009"),
    ("QAR 450 was debited from your account xxxx6120 for purchase at DOHA FESTIVAL CITY on 26/03/2024",
     "450", "QAR", "debit", "DOHA FESTIVAL CITY", "6120"),
    ("Dr Rs.2,450.00 A/c XX9988 26MAR24 By IMPS/P2A/408612345678/RAHUL SHARMA; Bal Rs.7,100.00",
     "2450.00", "INR", "debit", "RAHUL SHARMA", "9988"),
    ("Amt 3,200 INR credited to A/c XX1010 on 27-03-24 thru UPI from PRIYA.S@OKBANK. Ref 408712345678",
     "3200", "INR", "credit", "PRIYA", "1010"),
    ("ZAR 349.99 spent at WOOLWORTHS CAPE TOWN on card ...1188 on 27/03. Available ZAR 5,600.01",
     "349.99", "ZAR", "debit", "WOOLWORTHS", "1188"),
    ("Kindly note your a/c ending 0456 was debited with EUR 64,90 at LIDL BERLIN on 28.03.2024",
     "64.90", "EUR", "debit", "LIDL", "0456"),
    ("Refund of INR 1,299.00 from MYNTRA DESIGNS credited to card XX7781 on 28-Mar-24.",
     "1299.00", "INR", "credit", "MYNTRA", "7781"),
    ("CHF 32.50 paid with your card *8804 at COOP-2047 ZURICH on 29.03.2024 11:45",
     "32.50", "CHF", "debit", "COOP", "8804"),
    ("Standing order: GBP 650.00 paid to J SMITH LANDLORD from acc ending 2231 on 01/04/2024",
     "650.00", "GBP", "debit", "J SMITH LANDLORD", "2231"),
    ("VND 85,000 debited from A/C 0011223344 at CIRCLE K/HCM 04/04/2024. Bal: VND 2,315,000",
     "85000", "VND", "debit", "CIRCLE K", "3344"),
    ("Withdrawal THB 1,200.00 via ATM from acct xxx5739 on 05/04/24 15:10. Bal THB 8,250.00",
     "1200.00", "THB", "debit", None, "5739"),
    ("Auto-debit of Rs 1,499 for PREMIUM to LIC OF INDIA from A/c XX3131 successful on 06-Apr-24",
     "1499", "INR", "debit", "LIC OF INDIA", "3131"),
    ("Your a/c XX7070 credited by Rs.18,500.00 on 07-04-24 - Cash deposit at branch. Avl Bal Rs.40,000.00",
     "18500.00", "INR", "credit", None, "7070"),
]

NEGATIVES = [
    "OTP for txn of Rs 2,500.00 at AMAZON on card XX1234 is 482910. Valid 10 mins. Do not share.",
    "Min Amt Due Rs 1,250 | Total Amt Due Rs 25,400 on card XX8812 | Due date 15-Apr-24. "
    "Pls pay to avoid late fee.",
    "Txn of INR 3,000 on card XX4521 at FLIPKART declined due to insufficient limit.",
    "Get cashback up to Rs 500 on spends of Rs 5000 with your card! T&C apply. Offer valid till 30-Apr.",
    "Avl Bal in A/c XX5566 as on 08-Apr-24 is INR 45,210.30. Clr Bal INR 45,210.30.",
    "EMI of Rs 4,567 for Loan A/c XX9012 is due on 10-Apr-24. Pls maintain sufficient bal in your account.",
    "Collect request of Rs 500 from RAHUL@OKBANK pending. Approve in app only if you know the sender.",
    "Your payment of AED 200.00 to DEWA could not be processed. Please try again.",
    "رمز التحقق لعملية شراء بمبلغ 150.00 ريال لدى NOON هو 5521. لا تشاركه مع أحد",
    "NACH mandate of up to Rs 10,000 for BAJAJ FINSERV LTD registered on A/c XX7788. "
    "Debits will start from 05-May-24.",
    "Reminder: ACH debit of USD 89.99 to COMCAST CABLE is scheduled for 04/22/2024 from checking ...6789.",
    "Chq No 004513 for Rs 8,000 presented in A/c XX2211 returned unpaid - Reason: Funds Insufficient.",
    "Your card XX6611 statement for Mar-24 is generated. Total due Rs 12,340, min due Rs 620, due by 18-Apr-24.",
    "Credit limit on your card ending 3321 increased to USD 5,000 w.e.f. 01-Apr-24.",
    "W.e.f. 01-May-24 interest rate on savings a/c will be 3.5% p.a. for bal above Rs 10 lakh.",
]


@pytest.mark.parametrize(("i", "case"), list(enumerate(TXNS)), ids=[f"txn{i}" for i in range(len(TXNS))])
def test_heldout4_transactions(i: int, case: tuple[str, str, str, str, str | None, str | None]) -> None:
    text, amount, currency, direction, party, account = case
    result = parsers.parse_message(_raw(text, i), parser="generic")
    assert_reads(result, amount, currency, direction, party, account)


@pytest.mark.parametrize(("i", "text"), list(enumerate(NEGATIVES)), ids=[f"neg{i}" for i in range(len(NEGATIVES))])
def test_heldout4_negatives(i: int, text: str) -> None:
    result = parsers.parse_message(_raw(text, i), parser="generic")
    assert result.status is not Status.TRANSACTION, result.transaction
