"""Held-out round 5: alerts written fresh (Indian bank/card SMS, Gulf banks), read by the
generic parser."""

from __future__ import annotations

import pytest

from tests.support.generic_checks import reads_as, refused

# (body, amount, currency, direction, party, account)
TRANSACTIONS = [
    ("Rs.1,250.00 debited from A/c XX4521 on 14-03-25 to VPA swiggy.stores@axisbank (UPI Ref No 507312345678). "
     "Not you? Call 18002586161 - HDFC Bank",
     "1250.00", "INR", "debit", "swiggy", "4521"),
    ("Dear Customer, your A/c X7788 is credited by Rs 15,000.00 on 02Apr25 by transfer from RAHUL SHARMA "
     "(IMPS Ref no 509212345678) -SBI",
     "15000.00", "INR", "credit", "RAHUL SHARMA", "7788"),
    ("ICICI Bank Acct XX903 debited for Rs 499.00 on 05-Apr-25; NETFLIX credited. UPI:509512345678. "
     "Call 18002662 for dispute. SMS BLOCK 903 to 9215676766",
     "499.00", "INR", "debit", "NETFLIX", "903"),
    ("INR 2,340.50 spent using ICICI Bank Card XX4004 on 06-Apr-25 on AMAZON PAY IN. Avl Limit: INR 1,12,345.00. "
     "If not you, call 1800 2662/SMS BLOCK 4004 to 9215676766",
     "2340.50", "INR", "debit", "AMAZON PAY", "4004"),
    ("Spent INR 850.00\nAxis Bank Card no. XX1122\n07-04-25 19:22:10 IST\nZOMATO LTD\nAvl Limit: INR 45210.33\n"
     "Not you? SMS BLOCK 1122 to 919951860002",
     "850.00", "INR", "debit", "ZOMATO", "1122"),
    ("Rs.3000 withdrawn at ATM from Kotak Bank a/c XX6543 on 08/04/25 at NEHRU PLACE DELHI. Avl bal Rs.12,450.20. "
     "Not you? Call 18602662666",
     "3000", "INR", "debit", None, "6543"),
    ("Your a/c no. XXXXXXXX2231 is debited for Rs.2,100.00 on 09-04-2025 and credited to a/c no. XXXXXXXX8890 "
     "(UPI Ref no 509912345671). -Canara Bank",
     "2100.00", "INR", "debit", None, "2231"),
    ("A/c *4410 Debited for Rs:560.00 on 10-04-2025 12:10:33 by Mob Bk ref no 510012345678 Avl Bal Rs:8,210.45. "
     "If not you, Call 1800222243 -Union Bank of India",
     "560.00", "INR", "debit", None, "4410"),
    ("Your A/c XX3345 has been credited with INR 42,500.00 on 31-03-2025 towards SALARY MAR25 ACME TECH PVT LTD. "
     "Avl Bal INR 58,900.12 -PNB",
     "42500.00", "INR", "credit", None, "3345"),
    ("Rs.1200.00 Credited to A/c ...6677 thru UPI/510212345678 by priya.k@okhdfcbank. Bal Rs.5,430.00 (10-04-2025 "
     "18:02:11) - Bank of Baroda",
     "1200.00", "INR", "credit", "priya.k@okhdfcbank", "6677"),
    ("Your A/C XXXXX1290 has a debit by NACH of Rs 4,512.00 on 05/04/25 towards HDFC LIFE INSURANCE. "
     "Avl Bal Rs 20,118.00 - IDFC FIRST Bank",
     "4512.00", "INR", "debit", "HDFC LIFE", "1290"),
    ("Dear Customer, INR 799.00 debited from your AU Bank A/c XX5521 on 11-APR-25 for UPI txn to JIOMART. "
     "Ref 510312345678. Bal INR 3,210.10",
     "799.00", "INR", "debit", "JIOMART", "5521"),
    ("Your a/c XX0087 is debited for INR 1,999.00 on 12APR2025 towards POS txn at DECATHLON SPORTS. "
     "Avl bal INR 22,001.00 - Federal Bank",
     "1999.00", "INR", "debit", "DECATHLON", "0087"),
    ("Thank you for using your HDFC Bank Credit Card ending 7712 for Rs 3,456.78 at RELIANCE DIGITAL on "
     "2025-04-12:14:05:55. Authorization code:- 123456",
     "3456.78", "INR", "debit", "RELIANCE DIGITAL", "7712"),
    ("Txn of USD 25.00 on your Kotak Credit Card xx9081 at SPOTIFY.COM on 13/04/2025. "
     "Avl limit INR 60,210.00. Not you? Call 1860 266 2666",
     "25.00", "USD", "debit", "SPOTIFY", "9081"),
    ("Sent Rs.450.00\nFrom HDFC Bank A/C *8843\nTo RAMESH KUMAR\nOn 14/04/25\nRef 510412345678\n"
     "Not You?\nCall 18002586161/SMS BLOCK UPI to 7308080808",
     "450.00", "INR", "debit", "RAMESH KUMAR", "8843"),
    ("Refund of Rs 1,099.00 from MYNTRA has been credited to your ICICI Bank Credit Card XX2290 on 14-Apr-25.",
     "1099.00", "INR", "credit", "MYNTRA", "2290"),
    # Gulf
    ("Your Debit Card XXXX3321 was used for OMR 12.500 at LULU HYPERMARKET MUSCAT on 15/04/2025 10:12. "
     "Available balance OMR 410.250 - Bank Muscat",
     "12.500", "OMR", "debit", "LULU HYPERMARKET", "3321"),
    ("Dear Customer, your account 0301XXXX5566 has been credited with OMR 850.000 salary on 25/04/2025. "
     "Available balance OMR 1,102.340. NBO",
     "850.000", "OMR", "credit", None, "5566"),
    ("Purchase of AED 245.75 with Card ending 6612 at CARREFOUR MOE DUBAI on 16-04-2025 20:14. "
     "Avl Cr. Limit AED 12,300.00 - Emirates NBD",
     "245.75", "AED", "debit", "CARREFOUR", "6612"),
    ("AED 1,500.00 has been withdrawn from ATM using your card ending 0098 at ADCB ATM AL WAHDA on 17/04/2025. "
     "Available balance AED 6,420.10",
     "1500.00", "AED", "debit", None, "0098"),
    ("An amount of AED 3,200.00 has been transferred from your account XXXX4471 to AHMED ALI on 18/04/2025. "
     "Ref FT25108XYZ. FAB",
     "3200.00", "AED", "debit", "AHMED ALI", "4471"),
    ("Purchase transaction\nCard: **7734 (mada)\nAmount: SAR 89.00\nMerchant: JARIR BOOKSTORE\nDate: 19/04/25 16:40\n"
     "Al Rajhi Bank",
     "89.00", "SAR", "debit", "JARIR BOOKSTORE", "7734"),
    ("Incoming transfer\nAmount: SAR 5,000.00\nTo account: **2210\nFrom: MOHAMMED SALEH\nDate: 20/04/2025\n"
     "SNB",
     "5000.00", "SAR", "credit", "MOHAMMED SALEH", "2210"),
    ("QAR 320.00 was spent on your QNB Credit Card ending 4488 at TALABAT QATAR on 21/04/2025. "
     "Available limit QAR 9,680.00",
     "320.00", "QAR", "debit", "TALABAT", "4488"),
    ("Your account xxxx9912 has been debited by BHD 45.600 for payment to BATELCO on 22/04/2025. "
     "Available balance BHD 812.300. NBB",
     "45.600", "BHD", "debit", "BATELCO", "9912"),
    ("Dear Customer, KWD 18.250 has been debited from your account ***5540 for a purchase at THE SULTAN CENTER "
     "on 23/04/2025. NBK",
     "18.250", "KWD", "debit", "SULTAN CENTER", "5540"),
    # Added after the first measurement (a probe beyond the 40): the payee named in brackets
    # after the masked account it was sent to.
    ("QAR 1,250.00 transferred from your account ****6690 to account ****1122 (FATIMA HASSAN) on 18/04/2025. "
     "Commercial Bank",
     "1250.00", "QAR", "debit", "FATIMA HASSAN", "6690"),
    # plain-text e-mails
    ("Dear Customer,\n\nThis is to inform you that an amount of Rs. 7,800.00 has been debited from your account "
     "ending 3390 on 24-04-2025 towards NEFT to KAVITA ENTERPRISES.\n\nAvailable balance: Rs. 41,230.55\n\n"
     "Warm regards,\nAxis Bank",
     "7800.00", "INR", "debit", "KAVITA ENTERPRISES", "3390"),
    ("Dear Cardmember,\n\nGreetings from Bank Dhofar.\n\nA transaction of OMR 6.300 was made on your credit card "
     "ending 1157 at SHELL OMAN MABELA on 25/04/2025.\n\nIf you did not make this transaction, please call "
     "24791111.\n\nRegards,\nBank Dhofar",
     "6.300", "OMR", "debit", "SHELL OMAN", "1157"),
]

NEGATIVES = [
    # "Payment of X received towards your card" is a card-bill acknowledgement, which the corpus
    # labels as not counted (see in-cc-payment-received in test_generic_heldout2.py); written
    # here first as a credit, moved to the refusals after the first measurement.
    "Payment of Rs 12,000.00 received towards your SBI Credit Card ending 3301 on 13/04/25. "
    "Your available limit is Rs 88,000.00",
    "123456 is the OTP for txn of Rs 2,499.00 at AMAZON on HDFC Bank card ending 4521. Valid for 5 mins. "
    "Do not share OTP with anyone.",
    "Your a/c XX7788 balance as on 14-04-2025 is Rs 23,450.10. -SBI",
    "Pre-approved personal loan of up to Rs 5,00,000 awaits you! Apply now at icici.example/pl T&C apply.",
    "Your ICICI Bank Credit Card XX4004 statement: Total amount due Rs 14,230.00, minimum due Rs 720.00, "
    "payment due date 05-May-25.",
    "Request of Rs 300.00 from rohit@okaxis via UPI is pending. Approve in your UPI app only if you know the "
    "requester. Never enter PIN to receive money. -Kotak",
    "Your transaction of Rs 1,200.00 at FLIPKART on Axis Bank Card XX1122 has been declined due to insufficient "
    "balance.",
    "Dear Customer, your cheque no. 000123 for Rs 10,000.00 has been received for clearing. -Canara Bank",
    "Reminder: EMI of Rs 3,450 for your loan a/c XX9981 is due on 05/05/2025. Please maintain sufficient balance.",
    "Get 10% cashback up to AED 200 on your Emirates NBD Credit Card at participating restaurants. T&C apply.",
    "Your OTP for online purchase of OMR 25.000 at NOON.COM with card ending 3321 is 482913. Do not share it.",
]


@pytest.mark.parametrize(("body", "amount", "currency", "direction", "party", "account"), TRANSACTIONS)
def test_heldout5_transactions(body: str, amount: str, currency: str, direction: str, party: str | None, account: str | None) -> None:
    reads_as(body, amount, currency, direction, party, account)


@pytest.mark.parametrize("body", NEGATIVES)
def test_heldout5_negatives(body: str) -> None:
    refused(body)
