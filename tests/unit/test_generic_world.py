"""The generic parser on alerts in the styles of banks and payment apps around the world.

Every text here is invented for the project (made-up names, shops, masks, amounts); each
imitates how alerts of one region or app are commonly worded, not any one bank's exact
template. The checks follow the acceptance scoring: amount, currency and direction exact;
the merchant names the same business (case and punctuation ignored, one contained in the
other); the account's last digits agree. None means "not checked" (the text leaves it open).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from parsers.base import Alert, Direction, ParseResult, Status
from parsers.generic import GENERIC
from tests.support.generic_checks import assert_reads

HEADER = datetime(2026, 3, 3, 15, 0, tzinfo=timezone(timedelta(hours=3)))
D, C = Direction.DEBIT, Direction.CREDIT


def parse(text: str, subject: str = "Alert") -> ParseResult:
    return GENERIC.parse(Alert(text=text, subject=subject, sender="alerts@bank.example",
                               sender_domain="bank.example", date=HEADER))


# id, text, amount, currency, direction, merchant or other side (None: unchecked), account digits
Row = tuple[str, str, str, str, Direction, "str | None", "str | None"]
ROWS: list[Row] = [
    # --- United States ---
    ("us-card-approved", "Your $42.17 transaction with GREENLEAF MARKET was approved on card ending in "
     "4821 on Mar 3, 2026 at 2:14 PM ET.", "42.17", "USD", D, "GREENLEAF MARKET", "4821"),
    ("us-purchase-debit-card", "A purchase of $18.50 was made on debit card ending in 3310 at BLUE KETTLE "
     "CAFE on 03/03/2026.", "18.50", "USD", D, "BLUE KETTLE CAFE", "3310"),
    ("us-direct-deposit", "Direct deposit of $2,345.67 from ACME PAYROLL SVCS posted to your checking "
     "account ending in 7781.", "2345.67", "USD", C, "ACME PAYROLL SVCS", "7781"),
    ("us-atm", "ATM withdrawal of $200.00 from your checking account ending 5520 at 5TH AVE & PINE ST on "
     "03/03/26.", "200.00", "USD", D, None, "5520"),
    ("us-zelle-in", "You received $75.00 from JORDAN LEE via Zelle. The money is in your account ending in "
     "9012.", "75.00", "USD", C, "JORDAN LEE", "9012"),
    ("us-zelle-out", "You sent $60.00 to MARIA GARCIA with Zelle from your account ending in 9012.",
     "60.00", "USD", D, "MARIA GARCIA", "9012"),
    ("us-charge-credit-card", "A charge of $129.99 at ELECTRO WORLD was made on your credit card ending "
     "6634.", "129.99", "USD", D, "ELECTRO WORLD", "6634"),
    ("us-cnp", "Card-not-present transaction: $9.99 at STREAMBOX.COM on your card ending 4470. If you "
     "don't recognize it, call us.", "9.99", "USD", D, "STREAMBOX.COM", "4470"),
    ("us-refund", "A refund of $34.20 from OUTDOOR GEAR CO has been credited to your card ending 2299.",
     "34.20", "USD", C, "OUTDOOR GEAR CO", "2299"),
    ("us-large-purchase", "Large purchase alert: $1,240.00 at HOMEWARE DEPOT on your Visa card ending 8812.",
     "1240.00", "USD", D, "HOMEWARE DEPOT", "8812"),
    ("us-debit-posted", "A debit of $56.30 to SUNRISE UTILITIES posted to your account ending 1020 on "
     "03/02/2026.", "56.30", "USD", D, "SUNRISE UTILITIES", "1020"),
    ("us-deposit-posted", "A deposit of $500.00 was posted to your savings account ending 4412.",
     "500.00", "USD", C, None, "4412"),
    ("us-venmo-paid", "You paid Alex Kim $25.00 for pizza night.", "25.00", "USD", D, None, None),
    # --- Canada / Australia ---
    ("ca-interac-in", "INTERAC e-Transfer: SAM TREMBLAY sent you $120.00 (CAD) and the money has been "
     "automatically deposited.", "120.00", "CAD", C, "SAM TREMBLAY", None),
    ("au-card-purchase", "You've spent $64.80 AUD at HARBOUR FISH CO with your card ending 3398.",
     "64.80", "AUD", D, "HARBOUR FISH CO", "3398"),
    # --- United Kingdom ---
    ("uk-spent", "You spent £12.40 at CORNER BAKERY LONDON with your debit card ending 1122.",
     "12.40", "GBP", D, "CORNER BAKERY LONDON", "1122"),
    ("uk-paid-in", "£1,850.00 has been paid into your account ending 3344 from NORTHWIND LTD.",
     "1850.00", "GBP", C, "NORTHWIND LTD", "3344"),
    ("uk-direct-debit", "A Direct Debit of £45.00 to HOMEPOWER ENERGY was taken from your account ending "
     "3344 today.", "45.00", "GBP", D, "HOMEPOWER ENERGY", "3344"),
    ("uk-faster-payment-in", "Faster Payment received: £250.00 from J SMITH into account ending 7654. "
     "Reference: RENT MARCH", "250.00", "GBP", C, "J SMITH", "7654"),
    ("uk-cash", "Cash withdrawal of £100.00 at HIGH STREET ATM on 03/03/2026 from your account ending 7654.",
     "100.00", "GBP", D, None, "7654"),
    ("uk-sent", "You sent £30.00 to OLIVIA BROWN from your current account ending 7654.",
     "30.00", "GBP", D, "OLIVIA BROWN", "7654"),
    # --- Euro area ---
    ("eu-revolut-paid", "You paid €12.50 to Cafe Milano", "12.50", "EUR", D, "Cafe Milano", None),
    ("eu-received", "You received €50.00 from Anna Novak", "50.00", "EUR", C, "Anna Novak", None),
    ("eu-incoming-sign", "Incoming transfer: +€300.00 from LUKAS WEBER to your account DE** **** 4410.",
     "300.00", "EUR", C, "LUKAS WEBER", None),
    ("es-cargo", "Se ha realizado un cargo de 35,20 EUR en su tarjeta ****7788 en FARMACIA CENTRAL.",
     "35.20", "EUR", D, "FARMACIA CENTRAL", "7788"),
    ("es-transfer-in", "Has recibido una transferencia de 150,00 EUR de LAURA MARTIN en tu cuenta ****2231.",
     "150.00", "EUR", C, "LAURA MARTIN", "2231"),
    ("fr-paiement", "Paiement par carte de 18,90 EUR chez LE PETIT BISTROT avec votre carte ****6612.",
     "18.90", "EUR", D, "LE PETIT BISTROT", "6612"),
    ("fr-virement-recu", "Virement reçu de 1 200,00 EUR de la part de SARL DUPONT sur votre compte "
     "****9081.", "1200.00", "EUR", C, None, "9081"),
    ("it-pagamento", "Pagamento di 23,40 EUR con carta ****5510 presso BAR ROMA.",
     "23.40", "EUR", D, "BAR ROMA", "5510"),
    ("eu-card-payment", "Card payment of EUR 8.40 at KIOSK ZENTRUM with card ending 5511.",
     "8.40", "EUR", D, "KIOSK ZENTRUM", "5511"),
    # --- Oman ---
    ("om-pos", "Your account xxxx4455 has been debited with OMR 12.500 for POS purchase at AL NOOR "
     "HYPERMARKET MUSCAT on 02/03/2026.", "12.500", "OMR", D, "AL NOOR HYPERMARKET", "4455"),
    ("om-salary", "Dear Customer, OMR 350.000 credited to your A/c XXXX7732 on 01-03-2026 as salary. Avl "
     "Bal OMR 1,240.550", "350.000", "OMR", C, None, "7732"),
    ("om-card", "Purchase of OMR 4.750 at OASIS FUEL STATION SOHAR using card ending 1290. Available "
     "balance OMR 310.250", "4.750", "OMR", D, "OASIS FUEL STATION", "1290"),
    ("om-ro-token", "R.O. 25.000 transferred from your account 0301****8812 to SAID AL HINAI on 03/03/2026.",
     "25.000", "OMR", D, "SAID AL HINAI", "8812"),
    # --- Saudi Arabia ---
    ("sa-pos-fields", "POS Purchase\nCard: **4412 (mada)\nAmount: SAR 150.00\nAt: NAKHEEL BOOKS\nDate: "
     "2026-03-03 14:22", "150.00", "SAR", D, "NAKHEEL BOOKS", "4412"),
    ("sa-incoming-fields", "Incoming Transfer\nAmount: SAR 2,000.00\nFrom: KHALID ALHARBI\nTo account: "
     "**3301\nDate: 03/03/26", "2000.00", "SAR", C, "KHALID ALHARBI", "3301"),
    ("sa-online", "Online purchase of SAR 89.00 from NOON-STYLE STORE with your credit card ending 5567.",
     "89.00", "SAR", D, None, "5567"),
    ("sa-arabic", "شراء عبر نقاط البيع\nبطاقة: 4412\nمبلغ: 75.50 SAR\nلدى: مطعم الريف\nفي: 26-03-03 14:22",
     "75.50", "SAR", D, "مطعم الريف", "4412"),
    # --- Qatar / Kuwait / Bahrain / UAE ---
    ("qa-debit-card", "Your Debit Card ending 7781 was used for QAR 85.00 at CAFE CORNICHE on 03-03-2026.",
     "85.00", "QAR", D, "CAFE CORNICHE", "7781"),
    ("qa-salary", "QAR 4,500.00 has been credited to your account 0012****5566 - Salary. Available balance "
     "QAR 9,876.00", "4500.00", "QAR", C, None, "5566"),
    ("kw-deducted", "KWD 12.750 has been deducted from your account XXXX8890 for purchase at AVENUES CAFE. "
     "Available balance KWD 512.345", "12.750", "KWD", D, "AVENUES CAFE", "8890"),
    ("kw-deposit", "Dear customer, a deposit of KWD 250.000 was made to your account ending 8890.",
     "250.000", "KWD", C, None, "8890"),
    ("bh-spent", "BHD 7.600 spent on your card XX3312 at MANAMA BAKERY on 03/03/2026. Avl Bal: BHD 403.210",
     "7.600", "BHD", D, "MANAMA BAKERY", "3312"),
    ("bh-bd-token", "You have received BD 25.000 from ALI HASAN via BenefitPay to your account ending 6021.",
     "25.000", "BHD", C, "ALI HASAN", "6021"),
    ("ae-spent", "AED 230.00 spent on your Debit Card ending 4410 at DESERT MART DXB on 03-03-2026. "
     "Available balance AED 5,120.00", "230.00", "AED", D, "DESERT MART DXB", "4410"),
    ("ae-salary", "Dear Customer, AED 12,000.00 has been credited to your account XXXXXX2210 as SALARY on "
     "28-02-2026.", "12000.00", "AED", C, None, "2210"),
    ("jo-jd", "JOD 15.250 was debited from your account ****1180 at AMMAN BOOK HOUSE.",
     "15.250", "JOD", D, "AMMAN BOOK HOUSE", "1180"),
    # --- India ---
    ("in-upi-sent", "Money Sent! Rs.450.00 from A/c **3344 to VPA chaiwala@ybl on 03-03-26. Ref "
     "612345678901. Not you? Call 18002586161", "450.00", "INR", D, "chaiwala@ybl", "3344"),
    ("in-card-spent", "INR 1,299.00 spent using Card XX5566 on 03-Mar-26 on SHOPKART. Avl Limit: INR "
     "48,701.00", "1299.00", "INR", D, "SHOPKART", "5566"),
    ("in-imps-credit", "Your a/c no. XXXXXXXX1234 is credited by Rs.15,000.00 on 03-03-26 by a/c linked to "
     "mobile 9XXXXXX123 (IMPS Ref no 412345678901).", "15000.00", "INR", C, None, "1234"),
    ("in-atm", "INR 2,500.00 withdrawn from A/c no. XX8899 on 03-03-2026 at ATM MG ROAD. Avl Bal INR "
     "12,000.00", "2500.00", "INR", D, None, "8899"),
    ("in-sent-upi", "Sent Rs.250.00 from Bank AC X1234 to sharma.grocery@okaxis on 03-03-26. UPI Ref "
     "412345678902.", "250.00", "INR", D, "sharma.grocery@okaxis", "1234"),
    ("in-neft-salary", "Rs 60000.00 credited to a/c XXXXXX7788 on 01-03-26 by NEFT-ACME TECHNOLOGIES PVT "
     "LTD.", "60000.00", "INR", C, "ACME TECHNOLOGIES PVT LTD", "7788"),
    ("in-rupee-symbol", "₹349 debited from your A/c XX2211 for UPI payment to MOVIEZONE. UPI Ref: "
     "412345678903.", "349.00", "INR", D, "MOVIEZONE", "2211"),
    ("in-credit-card", "Thank you for using your Credit Card XX9001 for Rs.2,150.00 at CROSSROADS MALL on "
     "03/03/2026.", "2150.00", "INR", D, "CROSSROADS MALL", "9001"),
    ("in-dr-cr-short", "A/c XX4567 Dr INR 820.00 on 03Mar26 UPI/P2M/412345678904/FRESH FRUITS. Bal INR "
     "9,100.00", "820.00", "INR", D, "FRESH FRUITS", "4567"),
    # --- Pakistan ---
    ("pk-pos", "Dear Customer, PKR 3,500.00 has been debited from your A/C ****5678 for POS purchase at AL "
     "FATAH STORE LAHORE on 03-Mar-2026.", "3500.00", "PKR", D, "AL FATAH STORE", "5678"),
    ("pk-rs-with-pkr-balance", "Rs. 1,000.00 received from ALI RAZA 0300XXXXXXX. TID: 12345678. Balance: "
     "PKR 2,345.67", "1000.00", "PKR", C, "ALI RAZA", None),
    ("pk-raast", "Funds Transfer of PKR 10,000.00 from your A/C ***1234 to MUHAMMAD USMAN via Raast is "
     "successful.", "10000.00", "PKR", D, "MUHAMMAD USMAN", "1234"),
    ("pk-ibft-in", "Your A/C ****9012 has been credited with PKR 25,000.00 via IBFT from AYESHA NAEEM on "
     "03/03/2026.", "25000.00", "PKR", C, "AYESHA NAEEM", "9012"),
    # --- Sri Lanka ---
    ("lk-debit", "LKR 2,450.00 debited from A/C ****6677 at LANKA SUPERMART COLOMBO on 03/03/2026 14:32. "
     "Avl Bal LKR 45,210.00", "2450.00", "LKR", D, "LANKA SUPERMART", "6677"),
    ("lk-rs-credit", "Rs 5,000.00 credited to your account xxxx6677 via CEFTS. Avl Bal LKR 50,210.00",
     "5000.00", "LKR", C, None, "6677"),
    ("lk-card", "Transaction of LKR 1,850.00 on your Credit Card ending 9021 at CITY RIDES has been "
     "approved.", "1850.00", "LKR", D, "CITY RIDES", "9021"),
    # --- Nepal ---
    ("np-debit-remarks", "Dear Customer, Your A/C ###4512 has been debited by NPR 1,200.00 on 03/03/2026. "
     "Remarks: WALLET LOAD", "1200.00", "NPR", D, None, "4512"),
    ("np-deposit", "NPR 15,000.00 deposited to A/C 00100XXXXX4512 on 03-03-2026. Remarks: SALARY FEB",
     "15000.00", "NPR", C, None, "4512"),
    ("np-rs-with-npr", "Rs. 500.00 withdrawn from your A/C XXX4512 at ATM THAMEL. Bal NPR 10,250.00",
     "500.00", "NPR", D, None, "4512"),
    # --- Bangladesh ---
    ("bd-cash-in", "Cash In Tk 5,000.00 from 01712XXXXXX successful. Fee Tk 0.00. Balance Tk 5,230.50. "
     "TrxID 9C3A1B2C3D at 03/03/2026 14:05", "5000.00", "BDT", C, None, None),
    ("bd-send-money", "Send Money Tk 1,200.00 to 01812XXXXXX successful. Ref family. Fee Tk 5.00. Balance "
     "Tk 4,025.50. TrxID 9C3A1B2C3E", "1200.00", "BDT", D, None, None),
    ("bd-pos", "Your A/C XXXX1234 is debited BDT 2,500.00 on 03-03-2026 for POS purchase at BAZAAR PLUS "
     "DHAKA.", "2500.00", "BDT", D, "BAZAAR PLUS DHAKA", "1234"),
    ("bd-payment", "Payment Tk 650.00 to FOODPANDA-STYLE KITCHEN successful. Balance Tk 3,375.50. TrxID "
     "9C3A1B2C3F", "650.00", "BDT", D, None, None),
    # --- Malaysia ---
    ("my-rm-spent", "RM 45.90 spent at KEDAI RUNCIT ALI using card ending 3344 on 03/03/26.",
     "45.90", "MYR", D, "KEDAI RUNCIT ALI", "3344"),
    ("my-duitnow-in", "You have received RM150.00 from TAN AH KOW via DuitNow to your account ending 7781.",
     "150.00", "MYR", C, "TAN AH KOW", "7781"),
    ("my-myr-card", "Your card ending 2288 was charged MYR 89.00 at KL SENTRAL PARKING on 03-Mar-2026.",
     "89.00", "MYR", D, "KL SENTRAL PARKING", "2288"),
    ("my-transfer-out", "Fund transfer of RM 500.00 to LIM MEI LING was successful from account ending "
     "7781.", "500.00", "MYR", D, "LIM MEI LING", "7781"),
    # --- Indonesia ---
    ("id-debit-bm", "Transaksi debit Rp 150.000 di TOKO MAJU JAYA dengan kartu 4456xxxx1234 berhasil.",
     "150000", "IDR", D, "TOKO MAJU JAYA", "1234"),
    ("id-transfer-out", "Anda telah melakukan transfer sebesar Rp500.000 ke SITI AMINAH pada 03/03/2026.",
     "500000", "IDR", D, "SITI AMINAH", None),
    ("id-paid-qris", "You have paid IDR 75,000 at WARUNG KOPI SENJA via QRIS.",
     "75000", "IDR", D, "WARUNG KOPI SENJA", None),
    ("id-dana-masuk", "Dana masuk Rp 2.500.000 dari BUDI SANTOSO ke rekening 1234xxxx56 pada 03/03/2026.",
     "2500000", "IDR", C, "BUDI SANTOSO", None),
    # --- Philippines ---
    ("ph-gcash-in", "You have received PHP 1,500.00 of GCash from JUAN DELA CRUZ 09171234567 w/ MSG: rent. "
     "Your new balance is PHP 2,345.00. Ref. No. 1234567890123", "1500.00", "PHP", C, "JUAN DELA CRUZ", None),
    ("ph-gcash-out", "You have sent PHP 500.00 of GCash to MARIA SANTOS 09181234567 on 03-03-2026 2:10 PM. "
     "Your new balance is PHP 1,845.00.", "500.00", "PHP", D, "MARIA SANTOS", None),
    ("ph-card", "Your card ending 5566 was used for PHP 2,450.00 at MEGA GROCER MANILA on 03/03/26.",
     "2450.00", "PHP", D, "MEGA GROCER MANILA", "5566"),
    ("ph-peso-sign", "₱350.00 paid to CHICKEN JOY HOUSE using your account ending 1203.",
     "350.00", "PHP", D, "CHICKEN JOY HOUSE", "1203"),
    # --- Vietnam ---
    ("vn-minus", "TK 1234567890 -150,000VND luc 03-03-2026 14:22:10. SD 5,230,000VND. ND: THANH TOAN TIEN "
     "DIEN", "150000", "VND", D, None, "7890"),
    ("vn-plus", "TK 0011223344 +5,000,000VND luc 01-03-2026 09:15. SD 12,345,678VND. ND: CONG TY ABC TRA "
     "LUONG", "5000000", "VND", C, None, "3344"),
    ("vn-so-tien", "TK 19012345678901 GD: -250,000 VND 03/03/26 10:11 SD: 3,450,000 VND ND: thanh toan QR",
     "250000", "VND", D, None, "8901"),
    # --- Thailand ---
    ("th-withdrawal", "03/03/26 14:22 A/C x1234 Withdrawal/Transfer 500.00 Baht Outstanding Balance "
     "4,500.00 Baht", "500.00", "THB", D, None, "1234"),
    ("th-received", "You have received a transfer of 1,200.00 THB to account x5566 from SOMCHAI JAIDEE.",
     "1200.00", "THB", C, "SOMCHAI JAIDEE", "5566"),
    ("th-card", "Your card ending 7711 was used for THB 850.00 at SIAM NOODLE BAR on 03/03/2026.",
     "850.00", "THB", D, "SIAM NOODLE BAR", "7711"),
    # --- Kenya ---
    ("ke-mpesa-paid", "QJK1ABC2DE Confirmed. Ksh500.00 paid to MAMA MBOGA STORES. on 3/3/26 at 1:45 PM. "
     "New M-PESA balance is Ksh1,234.00. Transaction cost, Ksh0.00.",
     "500.00", "KES", D, "MAMA MBOGA STORES", None),
    ("ke-mpesa-sent", "QJK1ABC2DF Confirmed. Ksh1,000.00 sent to JOHN KAMAU 0712345678 on 3/3/26 at 2:10 "
     "PM. New M-PESA balance is Ksh234.00. Transaction cost, Ksh13.00.",
     "1000.00", "KES", D, "JOHN KAMAU", None),
    ("ke-mpesa-withdraw", "QJK1ABC2DG Confirmed.on 3/3/26 at 3:00 PM Withdraw Ksh2,000.00 from 123456 - "
     "KAMAU AGENCIES NGONG RD New M-PESA balance is Ksh500.00. Transaction cost, Ksh29.00.",
     "2000.00", "KES", D, "KAMAU AGENCIES", None),
    ("ke-bank-debit", "Dear Customer, KES 3,500.00 has been debited from your account ****1234 for "
     "purchase at KARIBU SUPERMARKET on 03/03/2026.", "3500.00", "KES", D, "KARIBU SUPERMARKET", "1234"),
    ("ke-mpesa-received", "QJK1ABC2DH Confirmed. You have received Ksh2,500.00 from GRACE WANJIRU "
     "0722000111 on 3/3/26 at 4:05 PM New M-PESA balance is Ksh3,000.00.",
     "2500.00", "KES", C, "GRACE WANJIRU", None),
    # --- Nigeria ---
    ("ng-debit-fields", "Acct: 0123****89\nAmt: NGN5,000.00 DR\nDesc: POS PURCHASE BIG STORE LEKKI\nDate: "
     "03-Mar-2026 14:22\nAvail Bal: NGN45,210.50", "5000.00", "NGN", D, "BIG STORE LEKKI", "0123****89"),
    ("ng-credit-fields", "Credit Alert!\nAcct: ******6789\nAmt: NGN150,000.00 CR\nDesc: TRF FROM ADEBAYO "
     "OLUWASEUN\nBal: NGN200,000.00", "150000.00", "NGN", C, "ADEBAYO OLUWASEUN", "6789"),
    ("ng-debit-short", "Debit\nAmt:NGN2,500.00\nAcc:012XXXX789\nDesc:AIRTIME TOPUP "
     "0803XXXX123\nDT:03/03/2026\nBal:NGN10,000.00", "2500.00", "NGN", D, None, "012XXXX789"),
    ("ng-naira-sent", "₦3,000.00 sent to CHIDI OKAFOR from your account 7012****56.",
     "3000.00", "NGN", D, "CHIDI OKAFOR", "7012****56"),
    ("ng-txn-type", "Txn: Debit\nAc: 22XXXXXX45\nAmt: NGN 12,300.00\nDes: WEB PURCHASE CINEMAX "
     "ONLINE\nDate: 03/03/2026\nBal: NGN 80,000.00", "12300.00", "NGN", D, "CINEMAX ONLINE", "22XXXXXX45"),
    # --- Ghana ---
    ("gh-momo-payment", "Payment made for GHS 45.00 to KWAME MENSAH SHOP. Current Balance: GHS 155.20. "
     "Transaction ID: 12345678901. Fee charged: GHS 0.00", "45.00", "GHS", D, "KWAME MENSAH SHOP", None),
    ("gh-momo-received", "You have received GHS 200.00 from AMA SERWAA 0244XXXXXX. Current balance: GHS "
     "355.20. Transaction ID: 12345678902.", "200.00", "GHS", C, "AMA SERWAA", None),
    ("gh-cedi-sign", "Your account ****4321 has been debited with GH¢ 120.00 for ELECTRICITY PREPAID on "
     "03/03/2026.", "120.00", "GHS", D, None, "4321"),
    ("gh-cedi-new-sign", "GH₵ 80.00 has been credited to your account ****4321 from KOFI ASANTE.",
     "80.00", "GHS", C, "KOFI ASANTE", "4321"),
    # --- South Africa ---
    ("za-purchase-r", "Purchase R345.67 at KWIKSTOP SANDTON with card ...4321. Available R5,432.10",
     "345.67", "ZAR", D, "KWIKSTOP SANDTON", "4321"),
    ("za-paid-from", "R1,250.00 paid from cheq a/c..123456 @ Online Banking. Ref.Rent March. 03Mar 14:22",
     "1250.00", "ZAR", D, None, "3456"),
    ("za-deposit", "Deposit of ZAR 8,500.00 into account ending 7788 from ACME PTY LTD.",
     "8500.00", "ZAR", C, "ACME PTY LTD", "7788"),
    ("za-reserved-space", "R 99.00 debited from account ending 2231 for DSTV-STYLE SUBSCRIPTION.",
     "99.00", "ZAR", D, None, "2231"),
    # --- Tanzania ---
    ("tz-umepokea", "Imethibitishwa. Umepokea Tsh 50,000.00 kutoka kwa JUMA HAMISI 2557XXXXXXXX tarehe "
     "3/3/26 saa 2:10 PM. Salio jipya ni Tsh 75,000.00.", "50000.00", "TZS", C, "JUMA HAMISI", None),
    ("tz-atm", "Dear Customer, TZS 150,000.00 has been withdrawn from your account 0150XXXX7788 at ATM "
     "KARIAKOO on 03/03/2026.", "150000.00", "TZS", D, None, "7788"),
    ("tz-umetuma", "Umetuma Tsh 20,000.00 kwenda NEEMA JOSEPH 2556XXXXXXXX. Salio jipya ni Tsh 5,000.00.",
     "20000.00", "TZS", D, "NEEMA JOSEPH", None),
    # --- Uganda ---
    ("ug-received", "You have received UGX 50,000 from OKELLO JAMES (256772XXXXXX) on 2026-03-03 14:22. "
     "Reason: school. Your new balance: UGX 65,000. Transaction ID: 12345678901.",
     "50000", "UGX", C, "OKELLO JAMES", None),
    ("ug-sent", "Sent UGX 20,000 to NAKATO SARAH 0752XXXXXX. Fee UGX 500. Bal UGX 44,500. TID 123456.",
     "20000", "UGX", D, "NAKATO SARAH", None),
    ("ug-pos", "UGX 250,000.00 debited from A/C XXXX4455 for POS purchase at KAMPALA MART.",
     "250000", "UGX", D, "KAMPALA MART", "4455"),
    # --- Ethiopia ---
    ("et-debited", "Dear Abebe, your Account 1****5678 has been debited with ETB 1,500.00 on 03/03/2026. "
     "Your Current Balance is ETB 12,345.67. Thank you for Banking with us!",
     "1500.00", "ETB", D, None, "5678"),
    ("et-paid", "Dear Customer, You have paid ETB 250.00 to ADDIS CAFE on 03/03/2026 14:22. Your wallet "
     "balance is ETB 1,020.00.", "250.00", "ETB", D, "ADDIS CAFE", None),
    ("et-received", "Dear Customer, you have received ETB 3,000.00 from SELAM TADESSE (2519****5678) on "
     "03/03/2026. Your balance is ETB 4,020.00.", "3000.00", "ETB", C, "SELAM TADESSE", None),
    # --- Egypt ---
    ("eg-charged", "Your card ending 7745 was charged EGP 1,250.00 at CAIRO FESTIVAL MART on 03/03/2026 "
     "14:22.", "1250.00", "EGP", D, "CAIRO FESTIVAL MART", "7745"),
    ("eg-instapay", "You have received EGP 2,000.00 from AHMED MOHAMED via InstaPay to account ending 3388.",
     "2000.00", "EGP", C, "AHMED MOHAMED", "3388"),
    ("eg-le", "Your account ****3388 was debited with L.E. 300.00 for a purchase at NILE PHARMACY.",
     "300.00", "EGP", D, "NILE PHARMACY", "3388"),
    # --- Latin America ---
    ("mx-compra", "Se realizó una compra por $350.00 MXN en TIENDA LA ESQUINA con tu tarjeta terminación "
     "4321.", "350.00", "MXN", D, "TIENDA LA ESQUINA", "4321"),
    ("mx-spei-in", "Recibiste una transferencia SPEI por $1,500.00 MXN de JUAN PEREZ a tu cuenta ****7788.",
     "1500.00", "MXN", C, "JUAN PEREZ", "7788"),
    ("br-pix-in", "Pix recebido: R$ 250,00 de MARIA SILVA em 03/03/2026 às 14:22.",
     "250.00", "BRL", C, "MARIA SILVA", None),
    ("br-compra", "Compra aprovada no cartão final 1234: R$ 89,90 em PADARIA PAO QUENTE.",
     "89.90", "BRL", D, "PADARIA PAO QUENTE", "1234"),
    ("br-pix-out", "Você enviou um Pix de R$ 120,00 para JOAO SOUZA.",
     "120.00", "BRL", D, "JOAO SOUZA", None),
    ("co-compra", "Compraste $85.000,00 COP en ALMACEN LA 14 con tu T.Deb *1234, el 03/03/2026 a las 14:22.",
     "85000.00", "COP", D, "ALMACEN LA 14", "1234"),
    ("pe-yape", "Recibiste S/ 50.00 de ROSA QUISPE.", "50.00", "PEN", C, "ROSA QUISPE", None),
    ("cl-transfer-in", "Has recibido una transferencia de $25.000 CLP de PEDRO SOTO.",
     "25000", "CLP", C, "PEDRO SOTO", None),
    ("ar-ars", "Pagaste ARS 4.500,00 en KIOSCO EL SOL con tu tarjeta terminada en 9988.",
     "4500.00", "ARS", D, "KIOSCO EL SOL", "9988"),
    # --- East Asia / elsewhere ---
    ("hk-card", "Your credit card ending 2020 was used for HKD 388.00 at HARBOUR TEA HOUSE on 03/03/2026.",
     "388.00", "HKD", D, "HARBOUR TEA HOUSE", "2020"),
    ("sg-paynow-in", "You have received SGD 60.00 via PayNow from TAN WEI MING to your account ending 4433.",
     "60.00", "SGD", C, "TAN WEI MING", "4433"),
    ("nz-card", "NZD 42.00 spent at KIWI BAKERY using card ending 1188.",
     "42.00", "NZD", D, "KIWI BAKERY", "1188"),
    # --- More shapes: field lists, tables, other languages, several amounts in one alert ---
    ("us-email-table", "Transaction Alert\nAccount: Checking ****4455\nTransaction type: Debit card "
     "purchase\nAmount: $27.45\nMerchant: SUNNYSIDE DINER\nDate: March 3, 2026\nIf you did not make this "
     "purchase, please call us.", "27.45", "USD", D, "SUNNYSIDE DINER", "4455"),
    ("us-mobile-deposit", "Your mobile deposit of $480.00 to account ending in 2210 has been accepted.",
     "480.00", "USD", C, None, "2210"),
    ("us-ach-credit", "An ACH credit of $1,102.50 from STATE TAX REFUND posted to account ending 6620.",
     "1102.50", "USD", C, "STATE TAX REFUND", "6620"),
    ("us-bill-pay", "Your bill payment of $89.00 to CITY INTERNET was sent from account ending 6620.",
     "89.00", "USD", D, "CITY INTERNET", "6620"),
    ("us-cashapp", "You received $40 from Chris P.", "40.00", "USD", C, "Chris P", None),
    ("uk-contactless", "Contactless payment of £3.20 at METRO NEWSAGENT using card ending 4432.",
     "3.20", "GBP", D, "METRO NEWSAGENT", "4432"),
    ("uk-standing-order-paid", "Your standing order of £500.00 to LANDLORD J PATEL was paid from account "
     "ending 9981 today.", "500.00", "GBP", D, "LANDLORD J PATEL", "9981"),
    ("uk-money-in", "Money in: £62.00 from TOM HARRIS. Your balance is now £410.55.",
     "62.00", "GBP", C, "TOM HARRIS", None),
    ("de-karte", "Kartenzahlung: 23,45 EUR bei BAECKEREI SCHMIDT mit Karte ****5511.",
     "23.45", "EUR", D, "BAECKEREI SCHMIDT", "5511"),
    ("de-gutschrift", "Gutschrift: 1.250,00 EUR von MUSTERFIRMA GMBH auf Konto ****8820.",
     "1250.00", "EUR", C, "MUSTERFIRMA GMBH", "8820"),
    ("nl-betaling", "Betaling van € 15,60 aan ALBERT BAKKERIJ met pas ****3301.",
     "15.60", "EUR", D, None, "3301"),
    ("pt-compra", "Compra de 12,40 EUR no cartão ****7730 em CAFE LISBOA.",
     "12.40", "EUR", D, "CAFE LISBOA", "7730"),
    ("om-atm-ro", "Cash withdrawal of RO 40.000 from ATM at MUTTRAH using card xxxx7711. Available balance "
     "RO 220.125", "40.000", "OMR", D, None, "7711"),
    ("om-transfer-in", "Dear customer, Funds of OMR 150.000 received in your account xxxx3381 from KHALFAN "
     "AL RAWAHI.", "150.000", "OMR", C, "KHALFAN AL RAWAHI", "3381"),
    ("sa-sr", "Amount SR 320.00 debited from your account ***5520 for purchase at TAMIMI-STYLE MARKETS.",
     "320.00", "SAR", D, None, "5520"),
    ("sa-ar-transfer", "حوالة واردة\nمبلغ: 1500 SAR\nمن: فهد العتيبي\nإلى حساب: **3301",
     "1500.00", "SAR", C, None, "3301"),
    ("ae-dhs", "Dhs 45.00 spent at CAFE MARINA on card XX8841. Avl lmt Dhs 9,955.00",
     "45.00", "AED", D, "CAFE MARINA", "8841"),
    ("qa-qr", "QR 120.00 has been debited from your account 4455****1212 at DOHA BOOKSTORE.",
     "120.00", "QAR", D, "DOHA BOOKSTORE", "1212"),
    ("kw-kd", "Your card ending 1188 was used for KD 3.500 at SALMIYA JUICE.",
     "3.500", "KWD", D, "SALMIYA JUICE", "1188"),
    ("in-hdfc-upi-credit", "Rs.500.00 credited to a/c XXXXXX5566 on 03-03-26 by a/c linked to VPA "
     "ravi.k@oksbi (UPI Ref No 412345678905).", "500.00", "INR", C, "ravi.k@oksbi", "5566"),
    ("in-debited-for", "Your A/c XX7788 has been debited for INR 1,050.00 on 03-Mar-26 towards "
     "BIGBASKET-STYLE GROCERY. Avl Bal INR 10,220.00",
     "1050.00", "INR", D, "BIGBASKET-STYLE GROCERY", "7788"),
    ("in-ecs-emi", "Dear Customer, your A/c XX1234 is debited with INR 8,999.00 on 03-03-2026 for NACH EMI "
     "to ACME FINANCE LTD.", "8999.00", "INR", D, "ACME FINANCE LTD", "1234"),
    ("pk-rs-only-raast", "Rs.2,000 sent to HAMZA ALI A/C ****4455 via Raast from your A/C ****1234. TID "
     "123456", "2000.00", "PKR", D, "HAMZA ALI", "1234"),
    ("pk-easypaisa-pkr", "You have received PKR 750.00 from SANA TARIQ 0345XXXXXXX. Your new balance is "
     "PKR 1,250.00.", "750.00", "PKR", C, "SANA TARIQ", None),
    ("lk-lkr-purchase", "Purchase at KANDY BOOKSHOP for LKR 3,200.00 on 03/03/26 from card ending 4412.",
     "3200.00", "LKR", D, "KANDY BOOKSHOP", "4412"),
    ("np-esewa-rs", "Rs 1,000.00 has been debited from A/C ****7788 for fund transfer to BIKASH SHRESTHA. "
     "Avl Bal: NPR 8,450.00", "1000.00", "NPR", D, "BIKASH SHRESTHA", "7788"),
    ("bd-nagad-received", "Money Received.\nAmount: Tk 1,500.00\nSender: 01711XXXXXX\nRef: rent\nTxnID: "
     "71ABCD12\nBalance: Tk 2,100.00", "1500.00", "BDT", C, None, None),
    ("bd-bdt-salary", "BDT 45,000.00 credited to your A/C ****3322 as Salary on 01-Mar-2026. Avl Bal: BDT "
     "47,120.00", "45000.00", "BDT", C, None, "3322"),
    ("my-rm-duitnow-qr", "DuitNow QR payment of RM12.50 to NASI LEMAK CORNER is successful.",
     "12.50", "MYR", D, "NASI LEMAK CORNER", None),
    ("my-ibg-in", "RM 2,300.00 has been credited into your account 1122****9900 via IBG from SYARIKAT MAJU "
     "SDN BHD.", "2300.00", "MYR", C, "SYARIKAT MAJU SDN BHD", "9900"),
    ("id-ovo-bayar", "Pembayaran Rp 35.000 ke WARUNG BU TINI berhasil.",
     "35000", "IDR", D, "WARUNG BU TINI", None),
    ("id-bca-tarik", "Tarik tunai Rp 1.000.000 dari rekening 123xxxx890 di ATM MALL KELAPA berhasil.",
     "1000000", "IDR", D, None, "890"),
    ("ph-maya-paid", "You paid PHP 260.00 to BAKESHOP NI ALING via QR Ph.",
     "260.00", "PHP", D, "BAKESHOP NI ALING", None),
    ("ph-instapay-in", "You received PHP 3,000.00 via InstaPay from ROBERTO REYES to your account ending "
     "4410.", "3000.00", "PHP", C, "ROBERTO REYES", "4410"),
    ("vn-english", "Account 0071000123456 debited VND 250,000 at 03/03/2026 10:20. Balance VND 4,100,000. "
     "Content: PAY HIGHLANDS-STYLE COFFEE", "250000", "VND", D, None, "3456"),
    ("th-promptpay-in", "PromptPay: You received 750.00 THB from NATTAPONG S. to account x9981.",
     "750.00", "THB", C, "NATTAPONG S", "9981"),
    ("ke-paybill", "QJK1ABC2DJ Confirmed. Ksh1,200.00 sent to KPLC PREPAID for account 12345678 on 3/3/26 "
     "at 9:12 AM New M-PESA balance is Ksh800.00.", "1200.00", "KES", D, "KPLC PREPAID", None),
    ("ke-airtel-in", "You have received KES 300.00 from PETER OTIENO 0733XXXXXX. Your new balance is KES "
     "450.00.", "300.00", "KES", C, "PETER OTIENO", None),
    ("ng-uba-credit", "Txn: Credit\nAcct:******6789\nAmt:NGN 25,000.00\nDesc:NIP TRF FROM FOLAKE "
     "ADEYEMI\nBal:NGN 31,500.00", "25000.00", "NGN", C, "FOLAKE ADEYEMI", "6789"),
    ("ng-n-prefix", "Debit Alert: N1,500.00 debited from Acct 12XXXX7890 for AIRTIME PURCHASE. Bal: "
     "N20,300.50", "1500.00", "NGN", D, None, "7890"),
    ("gh-ghc", "Your account 1020****4455 has been credited with GHC 1,200.00 on 03-MAR-26. Narration: "
     "SALARY MARCH", "1200.00", "GHS", C, None, "4455"),
    ("za-zar-debit", "Absa-style: Debit order of R 450.00 to GYM FITNESS CLUB from account ...9921.",
     "450.00", "ZAR", D, "GYM FITNESS CLUB", "9921"),
    ("za-received-r", "You have received R2,000.00 from THABO MOKOENA into account ...3344.",
     "2000.00", "ZAR", C, "THABO MOKOENA", "3344"),
    ("tz-lipa", "Umelipa Tsh 12,000.00 kwa DUKA LA MAMA. Salio jipya ni Tsh 38,000.00.",
     "12000.00", "TZS", D, "DUKA LA MAMA", None),
    ("ug-ush", "You have paid USh 15,000 to KAMPALA WATER for account 12345. Balance USh 85,000.",
     "15000", "UGX", D, "KAMPALA WATER", None),
    ("rw-rwf", "You have received RWF 20,000 from MUGISHA ERIC. New balance: RWF 35,000.",
     "20000", "RWF", C, "MUGISHA ERIC", None),
    ("zm-zmw", "ZMW 150.00 has been debited from your account ****2233 for purchase at LUSAKA MART.",
     "150.00", "ZMW", D, "LUSAKA MART", "2233"),
    ("et-telebirr-sent", "You have transferred ETB 500.00 to HANNA GIRMA (2519****1234) on 03/03/2026. "
     "Your balance is ETB 700.00.", "500.00", "ETB", D, "HANNA GIRMA", None),
    ("eg-arabic-egp", "تم خصم 350.00 EGP من بطاقتك المنتهية بـ 7745 لدى صيدلية النيل",
     "350.00", "EGP", D, None, "7745"),
    ("ma-mad", "Paiement de 120,00 MAD chez CAFE ATLAS avec votre carte ****2211.",
     "120.00", "MAD", D, "CAFE ATLAS", "2211"),
    ("mx-retiro", "Retiro de efectivo por $2,000.00 MXN en cajero CENTRO con tu tarjeta ****4321.",
     "2000.00", "MXN", D, None, "4321"),
    ("br-debito", "Compra no débito de R$ 45,00 aprovada em MERCADINHO BOM PRECO. Cartão final 8899.",
     "45.00", "BRL", D, "MERCADINHO BOM PRECO", "8899"),
    ("co-transferencia-enviada", "Transferiste $150.000 COP a la cuenta *5566 de CARLOS GOMEZ.",
     "150000.00", "COP", D, None, None),
    ("jp-jpy", "JPY 3,500 charged at TOKYO RAMEN on card ending 1024.",
     "3500", "JPY", D, "TOKYO RAMEN", "1024"),
    ("tr-try", "Kartınızdan 250,00 TRY harcama yapıldı: KAHVE DUNYASI-STYLE. Kart ****6677.",
     "250.00", "TRY", D, None, "6677"),
    ("html-table", "Dear Customer,\nWe wish to inform you that a transaction has occurred on your "
     "account.\nAccount Number | ****2231\nTransaction Amount | USD 25.00\nTransaction Type | "
     "Debit\nDescription | POS CORNER PHARMACY\nAvailable Balance | USD 1,024.10\nThank you for banking "
     "with us.", "25.00", "USD", D, "CORNER PHARMACY", "2231"),
    ("fx-purchase", "Your card ending 3012 was charged USD 40.00 (AED 146.90) at WEBHOST INC on 03/03/2026.",
     "40.00", "USD", D, "WEBHOST INC", "3012"),
    ("fee-total", "You have paid KES 1,000.00 to ZURI SALON. Transaction cost KES 12.00. Balance KES "
     "4,000.00.", "1000.00", "KES", D, "ZURI SALON", None),
    ("balance-first", "Avl Bal: INR 12,500.00. INR 750.00 debited from A/c XX3344 at CAFE BLUE on 03-03-26.",
     "750.00", "INR", D, "CAFE BLUE", "3344"),
    ("cashback-credited", "Cashback of AED 15.00 has been credited to your card ending 4410.",
     "15.00", "AED", C, None, "4410"),
    ("interest-credited", "Interest of OMR 2.350 credited to your savings account xxxx1209.",
     "2.350", "OMR", C, None, "1209"),
    ("cheque-deposit", "Cheque deposit of KES 20,000.00 to account ****5678 has been cleared.",
     "20000.00", "KES", C, None, "5678"),
    ("loan-disbursed", "Your loan of NGN 200,000.00 has been disbursed to your account ******6789.",
     "200000.00", "NGN", C, None, "6789"),
    ("reversal", "The debit of INR 499.00 on your card XX5566 at SHOPKART has been reversed.",
     "499.00", "INR", C, None, "5566"),
    ("fuel", "Card XX9001 used for INR 2,000.00 at HP FUEL STATION NH48 on 03-03-26 11:02.",
     "2000.00", "INR", D, "HP FUEL STATION", "9001"),
    ("atm-gulf", "ATM Cash Withdrawal\nCard: ****7711\nAmount: OMR 20.000\nLocation: RUWI BRANCH "
     "ATM\nDate: 03/03/2026", "20.000", "OMR", D, None, "7711"),
    ("intl-card", "International transaction of EUR 60.00 on your credit card ending 5567 at PARIS TAXI G7.",
     "60.00", "EUR", D, "PARIS TAXI", "5567"),
    ("subscription", "Recurring payment of $15.49 to STREAMFLIX was charged to your card ending 4470.",
     "15.49", "USD", D, "STREAMFLIX", "4470"),
    ("salary-usd", "Payroll deposit: $3,200.00 from ACME CORP posted to checking ...7781.",
     "3200.00", "USD", C, "ACME CORP", "7781"),
    ("ke-bank-credit", "Dear Customer, your account 0123XXXX456 has been credited with KES 15,000.00 from "
     "JANE MUTHONI on 03-03-2026.", "15000.00", "KES", C, "JANE MUTHONI", "0123XXXX456"),
    ("ng-trf-from", "Credit: NGN 7,500.00 | Acct: 01XXXXXX23 | Desc: TRANSFER FROM BOLA TINUBU-STYLE ENT | "
     "Bal: NGN 9,000.00", "7500.00", "NGN", C, "BOLA TINUBU-STYLE ENT", "0123"),
    ("za-eft-in", "EFT credit of R5,600.00 received from ACME PAYROLL into account ...3344.",
     "5600.00", "ZAR", C, "ACME PAYROLL", "3344"),
    ("eg-arabic-credit", "تم إيداع مبلغ 5,000.00 جنيه مصري في حسابك رقم ****3388",
     "5000.00", "EGP", C, None, "3388"),
    ("bh-benefit-out", "You have sent BHD 12.000 to HUSSAIN ALI via Fawri+ from account ending 6021.",
     "12.000", "BHD", D, "HUSSAIN ALI", "6021"),
    ("lk-atm", "Withdrawal of LKR 10,000.00 at ATM GALLE FACE from A/C ****6677. Avl Bal LKR 35,210.00",
     "10000.00", "LKR", D, None, "6677"),
    ("in-imps-out", "IMPS of Rs 5,000.00 from A/c XX1234 to PRIYA NAIR (A/c XX9988) successful. Ref "
     "412345678906.", "5000.00", "INR", D, "PRIYA NAIR", "1234"),
    ("my-auto-debit", "Auto-debit of RM 350.00 for CAR LOAN from account 7781 was successful.",
     "350.00", "MYR", D, None, "7781"),
    ("vn-plus-en", "Account 0071000123456 +1,500,000 VND at 03/03/2026 09:10. Balance 5,600,000 VND. "
     "Content: NGUYEN VAN A chuyen tien", "1500000", "VND", C, None, "3456"),
    ("th-kbank-out", "Paid 299.00 THB to FOODLAND-STYLE MARKET from A/C x1234 on 03/03/26 12:01.",
     "299.00", "THB", D, None, "1234"),
    ("bd-tk-upper", "Dear Customer, TK 250000.00 has been credited to your A/C ****3322 on 03-03-2026.",
     "250000.00", "BDT", C, None, "3322"),
    ("my-rm-balance-first", "Baki RM1,200.00. RM 80.00 telah didebitkan dari akaun 7781 untuk pembelian di "
     "KEDAI BUKU ALI.", "80.00", "MYR", D, None, "7781"),
    ("id-debit-rek", "Rek 123xxxx890 didebet Rp 250.000 untuk pembayaran TOKO LISTRIK pada 03/03/2026.",
     "250000", "IDR", D, None, None),
    ("ph-debited", "PHP 1,250.00 was debited from your account ending 4410 for bills payment to "
     "MERALCO-STYLE POWER.", "1250.00", "PHP", D, None, "4410"),
    ("ke-mshwari", "Ksh 2,000.00 transferred from M-Shwari account to M-PESA on 3/3/26. M-Shwari balance "
     "is Ksh 5,000.00.", "2000.00", "KES", D, None, None),
    ("sa-mada-en", "Purchase: 45.00 SAR at CAFE RIYADH using mada card **4412 on 03/03/26 10:12",
     "45.00", "SAR", D, "CAFE RIYADH", "4412"),
    ("us-cash-dollars", "You withdrew $60.00 at an ATM on 03/03. Account ending 5520.",
     "60.00", "USD", D, None, "5520"),
    # --- Other regions: Caribbean, Levant, Central and South-East Asia, West Africa ---
    ("mw-mwk", "Your account 1002XXXX55 has been debited MWK 25,000.00 for AIRTEL MONEY TRANSFER on "
     "03/03/2026.", "25000.00", "MWK", D, None, "55"),
    ("zw-usd", "Acc 4455XXXX12 Dr USD 35.00 POS PURCHASE HARARE MART 03/03/26. Avl Bal USD 210.00",
     "35.00", "USD", D, "HARARE MART", "12"),
    ("jm-jmd", "Your card ending 3210 was used for JMD 4,500.00 at KINGSTON GROCERY on 03-Mar-2026.",
     "4500.00", "JMD", D, "KINGSTON GROCERY", "3210"),
    ("tt-ttd", "TTD 250.00 has been withdrawn from your account ****8877 at ATM PORT OF SPAIN.",
     "250.00", "TTD", D, None, "8877"),
    ("lb-usd", "Dear Client, USD 100.00 was credited to your account 012-345678-901 from RAMI HADDAD.",
     "100.00", "USD", C, "RAMI HADDAD", "901"),
    ("iq-iqd", "IQD 50,000 debited from your card ****4411 at BAGHDAD MALL.",
     "50000", "IQD", D, "BAGHDAD MALL", "4411"),
    ("mn-mnt", "Your account 5012345678 has been credited with MNT 300,000.00 from BAT-ERDENE.",
     "300000.00", "MNT", C, "BAT-ERDENE", "5678"),
    ("kh-usd", "ABA-style: You received 25.00 USD from SOKHA CHAN to your account 000 123 456.",
     "25.00", "USD", C, "SOKHA CHAN", None),
    ("mm-mmk", "You have received 50,000 MMK from AUNG AUNG.", "50000", "MMK", C, "AUNG AUNG", None),
    ("np-fonepay", "Rs. 350 paid to HIMALAYAN JAVA-STYLE CAFE via Fonepay from A/C ###4512.",
     "350.00", "NPR", D, None, "4512"),
    ("lk-justpay", "Rs 2,000.00 transferred to N PERERA via JustPay from A/C ****6677.",
     "2000.00", "LKR", D, "N PERERA", "6677"),
    ("in-cc-spent", "Alert: You've spent INR 649.00 on your ICICI-style Credit Card XX7007 at PIZZA WORLD "
     "on 2026-03-03 20:11:05.", "649.00", "INR", D, "PIZZA WORLD", "7007"),
    ("in-debit-info", "A/c XX4455 debited INR 300.00 Dt 03-03-26 Info: POS/CAFE COFFEE HUT/BANGALORE. Avl "
     "Bal INR 5,400.00", "300.00", "INR", D, "CAFE COFFEE HUT", "4455"),
    ("gh-momo-cashout", "Cash Out made for GHS 300.00 to AGENT EFUA STORES. Current Balance: GHS 55.20. "
     "Transaction ID: 12345678903.", "300.00", "GHS", D, None, None),
    ("ng-opay-in", "You've received ₦12,000.00 from TUNDE BAKARE. Balance: ₦15,400.00",
     "12000.00", "NGN", C, "TUNDE BAKARE", None),
    ("ci-xof-paiement", "Paiement de 5 000 XOF à BOUTIQUE KOFFI effectué avec succès.",
     "5000", "XOF", D, None, None),
    ("eg-card-le", "Your card ending 7745 was used for LE 480.00 at ZAMALEK BAKERY.",
     "480.00", "EGP", D, "ZAMALEK BAKERY", "7745"),
    ("qa-ar", "تم خصم 120.00 ر.ق من حسابك رقم ****1212 لدى مكتبة الدوحة", "120.00", "QAR", D, None, "1212"),
    ("kw-ar", "تم إيداع 250.000 د.ك في حسابك ****8890", "250.000", "KWD", C, None, "8890"),
    ("us-amex", "A charge of $212.40 was made on your Card ending in 31005 at AIRLINE TICKETS ONLINE.",
     "212.40", "USD", D, "AIRLINE TICKETS ONLINE", "1005"),
]

# Messages that move no money: none may become a transaction.
NEGATIVES: list[tuple[str, str]] = [
    ("us-otp", "Your one-time passcode is 483920. It expires in 10 minutes. Don't share it with anyone."),
    ("us-declined", "Transaction declined: $58.00 at FUEL STOP on card ending 4821 was declined due to "
     "insufficient funds."),
    ("us-due", "Your statement balance of $1,245.00 is due on 03/25. Minimum payment due: $35.00."),
    ("us-low-balance", "Low balance alert: Your available balance in account ending 7781 is $48.12."),
    ("uk-failed-dd", "We couldn't pay a Direct Debit of £30.00 to HOMEPOWER ENERGY because there wasn't "
     "enough money in your account."),
    ("uk-card-frozen", "Your card ending 1122 has been frozen. You can unfreeze it in the app at any time."),
    ("in-otp-txn", "OTP for txn of INR 2,000.00 at SHOPKART on card XX1234 is 482911. Valid for 10 mins. "
     "Do not share it with anyone."),
    ("in-due", "Payment of Rs 4,500.00 on your Credit Card XX1234 is due by 10-Mar-26. Minimum amount due "
     "Rs 225.00."),
    ("in-preapproved", "Congratulations! You are pre-approved for a Personal Loan of Rs 5,00,000. Apply "
     "now."),
    ("in-upi-failed", "Your UPI transaction of Rs 300.00 to chai@ybl failed. Amount if debited will be "
     "refunded."),
    ("my-tac", "RM0 Your TAC for fund transfer of RM500.00 to account 1234567890 is 482913. Valid for 3 "
     "minutes. Do not share."),
    ("id-otp", "JANGAN BERIKAN kode OTP 123456 kepada siapapun. Transaksi Rp 500.000 ke SITI."),
    ("ke-not-enough", "Failed. You do not have enough money in your M-PESA account to send Ksh5,000.00."),
    ("ng-not-completed", "Your transfer of NGN 20,000.00 to EMEKA NWANKWO could not be completed. Please "
     "try again."),
    ("gh-promo", "Enjoy 10% bonus when you buy data bundles worth GHS 20.00 or more. Dial *138# now!"),
    ("za-declined", "Your card ending 4321 was declined for R 250.00 at ONLINE STORE. Available R 12.00"),
    ("ae-balance", "The available balance in your account XXXX2210 is AED 5,120.00 as on 03-03-2026."),
    ("om-blocked", "Your debit card ending 1290 has been blocked as requested. Call 24795555 for help."),
    ("qa-estatement", "Your e-Statement for February 2026 is now available. Closing balance QAR 9,876.00."),
    ("sa-reminder", "Reminder: your instalment of SAR 1,200.00 will be deducted on 05/03/2026."),
    ("kw-promo", "Spend KWD 50.000 or more with your card and get KWD 5.000 cashback. T&Cs apply."),
    ("pk-otp", "Your OTP for the transfer of PKR 10,000.00 is 556677. Never share your OTP."),
    ("lk-due", "Dear Cardholder, minimum payment of LKR 2,500.00 on your card ending 9021 is due on "
     "10/03/2026."),
    ("bd-pin", "Your verification code is 8842. Use it to complete Send Money of Tk 1,200.00."),
    ("ph-declined", "Your transaction of PHP 2,000.00 at MEGA GROCER was declined. Please contact us."),
    ("th-otp", "OTP=123456 (Ref=ABCD) for payment of 500.00 THB. Do not disclose this code."),
    ("tz-failed", "Muamala umeshindwa. Hauna salio la kutosha kutuma Tsh 50,000.00."),
    ("et-reminder", "Dear Customer, your loan repayment of ETB 2,000.00 is due on 10/03/2026."),
    ("eg-otp", "Use code 482913 to confirm your online purchase of EGP 1,250.00. Do not share it."),
    ("br-recusada", "Compra recusada: R$ 89,90 em PADARIA PAO QUENTE. Saldo insuficiente."),
    ("mx-rechazada", "Tu compra por $350.00 MXN en TIENDA LA ESQUINA fue rechazada."),
    ("us-pending", "A pending charge of $75.00 at HOTEL GRAND is a temporary authorization hold."),
    ("uk-request", "SAM JONES has requested £20.00 from you. Tap to pay."),
    ("ng-promo", "Get 5% cashback on all POS transactions of NGN 5,000.00 or more this weekend!"),
    ("vn-otp", "Ma OTP cua quy khach la 123456 de thanh toan 500,000VND. Khong chia se ma nay."),
    ("ug-balance", "Your balance is UGX 65,000. Dial *165# for more."),
    ("gh-reversal-request", "Your reversal request for GHS 45.00 has been received and is being processed."),
    ("uk-direct-debit-upcoming", "Your Direct Debit of £45.00 to HOMEPOWER ENERGY is due to be collected "
     "on 05/03/2026."),
    ("us-card-locked", "Your debit card ending 4821 is now locked. No new purchases will be approved."),
    ("in-emi-reminder", "Dear Customer, EMI of Rs 8,999 for loan a/c XX1234 is due on 05-03-26. Please "
     "maintain sufficient balance."),
    ("in-mandate", "Your e-mandate for Rs 499.00 towards STREAMFLIX has been registered successfully."),
    ("pk-login", "You have logged in to Internet Banking at 14:22 on 03-03-2026. If this was not you call "
     "111-000-111."),
    ("my-pending-auth", "Transaction of RM 200.00 at HOTEL KL is pending authorisation."),
    ("ng-otp", "Your token is 482913. Use it to complete the transfer of NGN 50,000.00. Expires in 5 "
     "minutes."),
    ("ke-fuliza-limit", "Your Fuliza M-PESA limit is Ksh2,500.00. Dial *234# to opt in."),
    ("gh-declined", "Dear Customer, your transaction of GHS 500.00 on card ending 4321 was declined due to "
     "insufficient balance."),
    ("ae-card-delivered", "Your new credit card ending 4410 has been dispatched and will reach you in 3 "
     "days."),
    ("sa-statement", "Your credit card statement is ready. Statement balance SAR 2,340.00. Minimum due SAR "
     "117.00."),
    ("id-promo", "Dapatkan cashback Rp 50.000 untuk transaksi minimal Rp 200.000 dengan kartu kredit Anda!"),
    ("ph-failed", "Your Send Money transaction of PHP 1,000.00 failed. Please try again later."),
    ("za-blocked", "Your card ending 4321 has been stopped. Call 0860 000 000 for a replacement."),
    ("br-codigo", "Seu código de verificação é 482913. Não compartilhe. Compra de R$ 300,00."),
    ("mx-promo", "Obtén 10% de descuento en tu próxima compra mayor a $500.00 MXN. Oferta válida hasta el "
     "31 de marzo."),
    ("eg-balance-ar", "رصيدك الحالي في حساب رقم 3388 هو 5,000.00 EGP"),
    ("om-standing", "A standing instruction has been set up to transfer OMR 100.000 every month to account "
     "xxxx9912."),
    ("us-dispute", "We received your dispute for the $129.99 charge at ELECTRO WORLD. We'll review it "
     "within 10 days."),
    ("uk-payee-added", "You added a new payee OLIVIA BROWN. If this wasn't you, call us now."),
    ("chequebook", "Your request for a cheque book on account ****2231 has been received. It will be "
     "dispatched in 5 days."),
    ("password", "Your internet banking password was changed on 03/03/2026. If this wasn't you, call us."),
    ("newdevice", "A new device was used to sign in to your account on 03/03/2026 at 14:22."),
    ("kyc", "Dear Customer, please update your KYC by 31-03-2026 to avoid restrictions on your account "
     "XX1234."),
    ("fd-maturing", "Your fixed deposit of INR 1,00,000 is maturing on 10-03-2026. Maturity amount INR "
     "1,07,000."),
    ("card-bill-generated", "Your credit card bill of AED 2,340.00 has been generated. Minimum due AED "
     "117.00 by 25-03-2026."),
    ("loan-offer", "You qualify for a loan of up to KES 50,000. Dial *334# to apply."),
    ("low-balance", "Low balance alert: balance in A/C ****6677 is LKR 950.00."),
    ("auth-request", "Approve the payment of USD 120.00 to WEBHOST INC in the app to continue."),
    ("txn-limit", "Your daily ATM withdrawal limit has been changed to OMR 500.000."),
    ("declined-ar", "تم رفض عملية شراء بمبلغ 250.00 SAR لدى متجر النخيل"),
    ("failed-bd", "Transaction failed. Send Money Tk 500.00 to 01812XXXXXX could not be completed."),
    ("refund-will", "Your refund of INR 499.00 for order 12345 will be credited in 5-7 working days."),
    ("zelle-request", "JORDAN LEE requested $40.00 from you with Zelle."),
    ("promo-ph", "Get PHP 100 off when you pay PHP 500 or more with QR Ph this weekend!"),
    # Failed, declined and scheduled in other languages.
    ("pt-agendado", "Pix agendado para 05/03/2026: R$ 200,00 para JOAO SOUZA."),
    ("es-programada", "Tu transferencia de $1,000.00 MXN a JUAN PEREZ está programada para el 05/03/2026."),
    ("id-gagal", "Transaksi Rp 500.000 ke SITI AMINAH gagal. Silakan coba lagi."),
    ("my-tidak-berjaya", "Transaksi RM 150.00 ke LIM MEI LING tidak berjaya."),
    ("sw-imeshindwa", "Muamala wa Tsh 20,000.00 kwenda NEEMA JOSEPH umeshindwa."),
    ("de-abgelehnt", "Ihre Kartenzahlung über 23,45 EUR bei BAECKEREI SCHMIDT wurde abgelehnt."),
    ("vn-that-bai", "Giao dich -500,000VND that bai. Vui long thu lai."),
    ("tr-reddedildi", "250,00 TRY tutarındaki harcamanız reddedildi."),
    ("us-scheduled", "Your payment of $89.00 to CITY INTERNET is scheduled for 03/05/2026."),
    ("uk-upcoming", "Upcoming payment: £45.00 to HOMEPOWER ENERGY will leave your account on 05/03/2026."),
    ("ae-hold", "AED 500.00 has been blocked on your card ending 4410 as a hotel pre-authorization."),
    ("in-autopay-setup", "AutoPay of Rs 499.00 for STREAMFLIX set up successfully on your card XX5566."),
    # Requests, reversal requests and reward notices.
    ("ng-bvn", "Your BVN verification is complete. No charges applied to account ******6789."),
    ("us-paypal-request", "MARK sent you a request for $45.00. Pay now in the app."),
    ("uk-overdraft", "You're £20.00 into your arranged overdraft. Pay in money to avoid fees."),
    ("in-ipo-mandate", "Mandate for Rs 14,500.00 blocked for IPO application. Funds will be debited on "
     "allotment."),
    ("ke-reversal-request", "Your request to reverse transaction QJK1ABC2DF of Ksh1,000.00 has been "
     "received."),
    ("gh-pin-change", "Your Mobile Money PIN has been changed successfully. Balance: GHS 155.20."),
    ("sa-points", "You have earned 150 points for your purchase of SAR 150.00. Redeem at any partner store."),
]


@pytest.mark.parametrize(("text", "amount", "currency", "direction", "party", "account"),
                         [pytest.param(*row[1:], id=row[0]) for row in ROWS])
def test_world_alerts(text: str, amount: str, currency: str, direction: Direction, party: str | None,
                      account: str | None) -> None:
    result = parse(text)
    assert_reads(result, amount, currency, direction, party, account)


@pytest.mark.parametrize("text", [pytest.param(text, id=name) for name, text in NEGATIVES])
def test_world_non_transactions(text: str) -> None:
    result = parse(text)
    assert result.status is not Status.TRANSACTION, result.transaction
