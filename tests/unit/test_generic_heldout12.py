"""Held-out round 12, about mobile money and wallets in Africa, South and South-East Asia: M-Pesa (Kenya,
Tanzania), Tigo Pesa / Mixx by Yas, HaloPesa, Airtel Money, MTN MoMo, Telebirr and CBE Birr, Orange Money and Wave
(French, CFA francs), EcoCash, Vodafone Cash, OPay / PalmPay / Moniepoint, bKash / Nagad / Rocket, JazzCash /
Easypaisa, eSewa / Khalti, Paytm / PhonePe / Google Pay / Amazon Pay, FriMi / eZ Cash, GCash / Maya, TrueMoney,
OVO / GoPay / DANA / ShopeePay, Touch 'n Go / Boost, MoMo / ZaloPay, Wing / ABA, KBZPay / Wave Money - P2P sent
and received, merchant and bill payments, airtime, agent cash-in and cash-out, bank and wallet, salary, loans
disbursed and repaid, a reversal, with fees, balances and confirmation codes in the same text, in English,
Swahili, Amharic, French, Bengali, Urdu and Filipino mixes, Bahasa and Vietnamese without diacritics - and
non-transactions: failures, codes quoting an amount, money requests, promotions, balance inquiries, a reversal
request, pending approvals, agent commission statements, loan-limit offers and loan-due reminders.

With the parser as it was: 63 of 92 transactions fully right, 2 of 36 non-transactions counted.
The 29 transactions misread, by cause:
- the currency not read (12): the CFA franc as "FCFA" / "F CFA" (Orange Money, Wave: 5), "ZWG" (EcoCash), Malawi's
  "MK", the birr as "Br" and Amharic ብር (2), the dong glued to the figure "200,000d" (MoMo), the kyat "Ks" (Wave
  Money); and eZ Cash's "Rs." read as Indian rupees, not Sri Lankan;
- no direction word known (9): M-Pesa's deposit "Give Ksh5,000.00 cash to AGENT", a Fuliza repayment "has been
  used to fully pay", Swahili imelipwa (has been paid), umetoa (you withdrew), umenunua (you bought), Bengali
  পেয়েছেন (you received, with Bengali digits ৳১,০০০.০০ not read either), Urdu in Latin letters "bhejay" (sent),
  Filipino "Nakatanggap ka" (you received), Vietnamese "vua nhan" (just received);
- the wrong direction (2): "Your M-Shwari loan ... has been approved and transferred to your M-PESA account"
  ("transferred" read as money out), French "Vous avez recu" without its cedilla (a debit from "transaction");
- refused (1): "₹25.00 cashback has been added to your Amazon Pay balance" (the promotion word "cashback",
  "has been added to your balance" not known as money moved);
- the other side (4): Swahili "kutoka kwa 2557... - ASHA MOHAMED" (read as the opening "Imethibitishwa",
  confirmed), HaloPesa "kwa 0621123456 - RAMADHANI ALLY", "Your K-Electric bill of Rs. 4,320", ZaloPay "tai
  HIGHLANDS COFFEE" (Vietnamese at);
- the account (1): ABA's "account 001 234 567" read as "001".
Once the currencies and directions were read, other sides not found showed: French "FCFA a Moussa Diop" and
"effectue a EDM SA" (accent dropped), Filipino "mula kay ANA REYES" (from), Vietnamese "200,000d den NGUYEN VAN
AN" (to) and "VND tu TRAN THI BINH" (from).
The 2 non-transactions counted: Filipino "Hindi natuloy ang pag-send mo ... kulang ang iyong balance" (did not go
through, balance short), and eSewa "load fund ... is pending. It will be credited once confirmed" ("confirmed"
taken as money moved, defeating the pending check). Reading the CFA franc and the glued dong then showed two more:
"Echec du transfert de 25000 FCFA ... Solde insuffisant" and Vietnamese "Ma xac thuc MoMo ... la 583920"
(verification code).
After the fixes (general rules in parsers/amounts.py, parsers/generic.py, parsers/negatives.py and
parsers/masks.py): 92 of 92 transactions fully right, 0 of 36 non-transactions counted; no expected value was
changed, and nothing is in KNOWN_MISREAD.
"""

from __future__ import annotations

import pytest

from tests.support.generic_checks import reads_as, refused

# (body, amount, currency, direction, party, account)
TRANSACTIONS = [
    # ---- M-Pesa Kenya
    ("QK12ABC3XY Confirmed. Ksh1,500.00 sent to JOHN KAMAU 0712345678 on 1/12/26 at 10:15 AM. New M-PESA balance "
     "is Ksh3,250.00. Transaction cost, Ksh23.00. Amount you can transact within the day is 498,500.00. Pay, save "
     "and buy airtime with M-PESA.",
     "1500.00", "KES", "debit", "JOHN KAMAU", None),
    ("QK23DEF4GH Confirmed.You have received Ksh2,000.00 from MARY WANJIKU 0722111222 on 1/12/26 at 3:40 PM  New "
     "M-PESA balance is Ksh5,250.00. Separate personal and business funds through Pochi la Biashara on *334#.",
     "2000.00", "KES", "credit", "MARY WANJIKU", None),
    ("QK34GHI5JK Confirmed. Ksh850.00 paid to NAIVAS SUPERMARKET KILIMANI. on 2/12/26 at 6:12 PM.New M-PESA "
     "balance is Ksh4,400.00. Transaction cost, Ksh0.00. Amount you can transact within the day is 499,150.00.",
     "850.00", "KES", "debit", "NAIVAS SUPERMARKET KILIMANI", None),
    ("QK45JKL6MN Confirmed. Ksh2,500.00 sent to KPLC PREPAID for account 37123456789 on 3/12/26 at 8:05 AM New "
     "M-PESA balance is Ksh1,900.00. Transaction cost, Ksh33.00.",
     "2500.00", "KES", "debit", "KPLC PREPAID", None),
    ("QK56MNO7PQ confirmed.You bought Ksh100.00 of airtime on 4/12/26 at 9:00 AM.New M-PESA balance is "
     "Ksh1,800.00. Transaction cost, Ksh0.00. Amount you can transact within the day is 499,900.00.",
     "100.00", "KES", "debit", None, None),
    ("QK67PQR8ST Confirmed.on 5/12/26 at 11:30 AMWithdraw Ksh3,000.00 from 123456 - JANE AGENCIES KAWANGWARE New "
     "M-PESA balance is Ksh2,100.00. Transaction cost, Ksh53.00. Amount you can transact within the day is "
     "497,000.00.",
     "3000.00", "KES", "debit", "JANE AGENCIES KAWANGWARE", None),
    ("QK78STU9VW Confirmed. On 6/12/26 at 2:15 PM Give Ksh5,000.00 cash to SKYLINE AGENCIES MALL New M-PESA "
     "balance is Ksh7,100.00. You can now access M-PESA via *334#",
     "5000.00", "KES", "credit", "SKYLINE AGENCIES MALL", None),
    ("QK89VWX0YZ Confirmed. You have received Ksh10,000.00 from EQUITY BULK ACCOUNT 300600 on 7/12/26 at "
     "12:01 PM New M-PESA balance is Ksh17,100.00.",
     "10000.00", "KES", "credit", "EQUITY BULK ACCOUNT", None),
    ("QL67GHI8JK Confirmed. You have received Ksh45,000.00 from ACME LIMITED SALARY 880100 on 28/11/26 at 9:00 AM "
     "New M-PESA balance is Ksh62,100.00.",
     "45000.00", "KES", "credit", "ACME LIMITED", None),
    ("QL01ABC2DE Confirmed. Your M-Shwari loan of Ksh3,000.00 has been approved and transferred to your M-PESA "
     "account on 9/12/26 at 4:20 PM. New M-PESA balance is Ksh25,100.00.",
     "3000.00", "KES", "credit", None, None),
    ("QL23CDE4FG Confirmed. Ksh454.50 from your M-PESA has been used to fully pay your outstanding Fuliza M-PESA. "
     "Available Fuliza M-PESA limit is Ksh2,000.00. M-PESA balance is Ksh1,045.50.",
     "454.50", "KES", "debit", None, None),
    ("QL34DEF5GH Confirmed. Your KCB M-PESA loan of Ksh5,000.00 has been disbursed to your M-PESA account on "
     "12/12/26. Loan balance Ksh5,400.00 due on 11/01/27.",
     "5000.00", "KES", "credit", None, None),
    ("QL45EFG6HI Confirmed. Ksh1,200.00 sent to KCB M-PESA account for account 1234567 on 14/12/26 at 8:00 AM "
     "New M-PESA balance is Ksh3,800.00. Transaction cost, Ksh0.00.",
     "1200.00", "KES", "debit", None, None),
    ("QL56FGH7IJ confirmed. Reversal of transaction QK12ABC3XY of Ksh1,500.00 to JOHN KAMAU has been successfully "
     "reversed. Your account balance is now Ksh4,750.00.",
     "1500.00", "KES", "credit", None, None),
    # ---- M-Pesa Tanzania (Vodacom), Tigo Pesa / Mixx by Yas, HaloPesa
    ("9L12AB3CD Confirmed. Tsh20,000.00 sent to JUMA HASSANI 255754123456 on 1/12/26 at 10:20 AM. Total charges "
     "Tsh650.00. New M-Pesa balance is Tsh45,000.00.",
     "20000.00", "TZS", "debit", "JUMA HASSANI", None),
    ("9L23BC4DE Imethibitishwa. Umepokea Tsh50,000.00 kutoka kwa 255765432109 - ASHA MOHAMED tarehe 2/12/26 saa "
     "3:15 PM. Salio jipya la M-Pesa ni Tsh95,000.00.",
     "50000.00", "TZS", "credit", "ASHA MOHAMED", None),
    ("9L34CD5EF Imethibitishwa. Tsh15,000.00 imelipwa kwa LUKU kwa kumbukumbu namba 12345678901 tarehe 3/12/26 "
     "saa 8:00 AM. Ada Tsh0.00. Salio jipya ni Tsh80,000.00.",
     "15000.00", "TZS", "debit", "LUKU", None),
    ("9L45DE6FG Imethibitishwa. Umetoa Tsh100,000.00 kwa wakala 123456 - PENDO SHOP tarehe 4/12/26. Ada "
     "Tsh3,500.00. Salio jipya ni Tsh20,000.00.",
     "100000.00", "TZS", "debit", "PENDO SHOP", None),
    ("Umetuma TSh 10,000 kwa JOSEPH MWANGA 0713456789. Ada TSh 500. Salio jipya TSh 25,300. Kumbukumbu: "
     "8A1B2C3D4E. Mixx by Yas",
     "10000", "TZS", "debit", "JOSEPH MWANGA", None),
    ("Tigo Pesa: Umepokea TSh 30,000 kutoka kwa NEEMA JOHN 0714123456. Salio jipya ni TSh 55,300. Muamala: "
     "MP261201.1234.A12345",
     "30000", "TZS", "credit", "NEEMA JOHN", None),
    ("HaloPesa: Umetuma TSH 25,000 kwa 0621123456 - RAMADHANI ALLY. Ada TSH 800. Salio lako jipya ni TSH 14,200. "
     "Kumbukumbu ya muamala: HP12345678.",
     "25000", "TZS", "debit", "RAMADHANI ALLY", None),
    # ---- Airtel Money
    ("Trans. ID: CI211201.1234.A12345. You have received KES 1,000 from PETER OTIENO 733123456. Your Airtel Money "
     "balance is KES 1,250.",
     "1000", "KES", "credit", "PETER OTIENO", None),
    ("SENT. TID 12345678901. UGX 50,000 to JOHN MUKASA 0752123456. Fee UGX 1,000. Bal UGX 120,500. Date "
     "01-Dec-2026 10:15.",
     "50000", "UGX", "debit", "JOHN MUKASA", None),
    ("RECEIVED. TID 12345678902. UGX 75,000 from SARAH NAKATO, 0701234567. Bal UGX 195,500.",
     "75000", "UGX", "credit", "SARAH NAKATO", None),
    ("You have sent ZMW 200.00 to 0977123456 MWILA BANDA. Txn ID: MP261201.1015.C12345. Fee ZMW 2.50. Your "
     "balance is ZMW 455.20.",
     "200.00", "ZMW", "debit", "MWILA BANDA", None),
    ("Cash Out of MK 20,000.00 at agent 0999123456 TIYAMIKE STORES. Fee MK 750.00. Trans ID: "
     "CO261201.1230.D12345. Bal: MK 34,250.00.",
     "20000.00", "MWK", "debit", "TIYAMIKE STORES", None),
    ("Muamala: 12345678. Umenunua muda wa maongezi wa TSh 2,000 kwa 0689123456. Salio jipya TSh 8,000. Airtel "
     "Money",
     "2000", "TZS", "debit", None, None),
    # ---- MTN MoMo
    ("Payment made for GHS 50.00 to KOFI MENSAH. Current Balance: GHS 120.35. Available Balance: GHS 120.35. "
     "Reference: food. Transaction ID: 45612378901. Fee charged: GHS0.50.",
     "50.00", "GHS", "debit", "KOFI MENSAH", None),
    ("Payment received for GHS 200.00 from AMA SERWAA Current Balance: GHS 320.35 . Available Balance: GHS 320.35. "
     "Reference: rent. Transaction ID: 45612378902. TRANSACTION FEE: 0.00",
     "200.00", "GHS", "credit", "AMA SERWAA", None),
    ("Cash Out made for GHS 300.00 to KWAME AGENT VENTURES, Current Balance: GHS 20.35 Financial Transaction Id: "
     "45612378903. Fee charged: GHS 3.00.",
     "300.00", "GHS", "debit", "KWAME AGENT VENTURES", None),
    ("You have sent UGX 20,000 to JOHN OKELLO (256772123456) on 2026-12-01 10:15:22. Reason: lunch. Fee: UGX 500. "
     "Balance: UGX 85,400. TID: 12345678901.",
     "20000", "UGX", "debit", "JOHN OKELLO", None),
    ("You have received UGX 150,000 from BRENDA ACHIENG (256781234567) on 2026-12-01 12:40:01. Reason: school "
     "fees. New balance: UGX 235,400. TID: 12345678902.",
     "150000", "UGX", "credit", "BRENDA ACHIENG", None),
    ("*165*S*5000 RWF transferred to Jean Claude MUGISHA (250788123456) at 2026-12-01 10:15:30 . Fee was: 100 RWF. "
     "New balance: 12350 RWF. Financial Transaction Id: 12345678901.*EN#",
     "5000", "RWF", "debit", "Jean Claude MUGISHA", None),
    ("You have received 20000 RWF from Alice UWASE (*********123) on your mobile money account at 2026-12-01 "
     "14:20:11. Message from sender: . Your new balance:32350 RWF. Financial Transaction Id: 12345678902.",
     "20000", "RWF", "credit", "Alice UWASE", None),
    ("TxId: 12345678903. Your payment of 3,500 RWF to SIMBA SUPERMARKET 123456 has been completed at 2026-12-02 "
     "09:10:45. Your new balance: 28,850 RWF. Fee was 0 RWF.",
     "3500", "RWF", "debit", "SIMBA SUPERMARKET", None),
    ("MTN MoMo: Vous avez recu 25000 XAF de PAUL NGONO (237677123456) le 2026-12-01 10:15:00. Nouveau solde: "
     "70000 XAF. ID de la transaction: 1234567890.",
     "25000", "XAF", "credit", "PAUL NGONO", None),
    ("You have received ZMW 500.00 from 260966123456 CHANDA MULENGA. Your new balance is ZMW 812.40. Transaction "
     "ID: 1234567890.",
     "500.00", "ZMW", "credit", "CHANDA MULENGA", None),
    # ---- Telebirr, CBE Birr
    ("Dear Customer, You have transferred ETB 500.00 to Abebe Kebede (2519****5678) on 01/12/2026 10:15:22. Your "
     "transaction number is CL12AB34CD. The service fee is ETB 1.74 and 15% VAT on the service fee is ETB 0.26. "
     "Your current E-Money Account balance is ETB 1,250.00. Thank you for using telebirr Ethio telecom",
     "500.00", "ETB", "debit", "Abebe Kebede", None),
    ("Dear Customer You have received ETB 1,000.00 from Tigist Alemu(2519****1234) on 02/12/2026 14:22:10. Your "
     "transaction number is CL23BC45DE. Your current E-Money Account balance is ETB 2,250.00. telebirr",
     "1000.00", "ETB", "credit", "Tigist Alemu", None),
    ("ውድ ደንበኛ ከ አበበ ከበደ 1,500.00 ብር ተቀብለዋል። የአሁኑ ቀሪ ሂሳብዎ 3,750.00 ብር ነው። telebirr",
     "1500.00", "ETB", "credit", None, None),
    ("Dear Customer, you have sent 750.00 Br to Meron Tesfaye 0911******. Txn ID: CBE1234567. Your CBE Birr "
     "balance is 2,100.00 Br.",
     "750.00", "ETB", "debit", "Meron Tesfaye", None),
    # ---- Orange Money, Wave (XOF)
    ("Vous avez envoye 10000 FCFA a Moussa Diop (771234567). Frais: 100 FCFA. Nouveau solde: 25400 FCFA. Ref: "
     "PP261201.1015.A12345. Orange Money",
     "10000", "XOF", "debit", "Moussa Diop", None),
    ("Vous avez recu un transfert de 25000 FCFA de KOUASSI JEAN (0707123456). Votre nouveau solde est de 40000 "
     "FCFA. ID transaction: CI261201.1230.B12345.",
     "25000", "XOF", "credit", "KOUASSI JEAN", None),
    ("Paiement de 15000 FCFA effectue a EDM SA pour la facture 123456789. Nouveau solde: 8500 FCFA. Orange Money "
     "Mali",
     "15000", "XOF", "debit", "EDM SA", None),
    ("Retrait de 50000 FCFA chez AGENT KEITA SERVICES reussi. Frais: 500 FCFA. Nouveau solde: 12000 FCFA. Orange "
     "Money",
     "50000", "XOF", "debit", "AGENT KEITA SERVICES", None),
    ("Wave: Vous avez envoyé 5 000 F CFA à Fatou Ndiaye (77 123 45 67). Frais: 50 F CFA. Nouveau solde: "
     "20 450 F CFA.",
     "5000", "XOF", "debit", "Fatou Ndiaye", None),
    # ---- EcoCash, Vodafone Cash
    ("EcoCash: Transfer Confirmation. ZWG 150.00 sent to TENDAI MOYO 0772123456. Txn ID: PP261201.1015.A12345. New "
     "wallet balance: ZWG 320.50.",
     "150.00", "ZWG", "debit", "TENDAI MOYO", None),
    ("You have received USD 20.00 from FARAI CHIKWANHA 0773123456. Approval Code: MP261201.1230.B12345. New wallet "
     "balance: USD 45.00. EcoCash",
     "20.00", "USD", "credit", "FARAI CHIKWANHA", None),
    ("Confirmed. GHS 100.00 sent to YAW BOATENG 0201234567 on 01-12-2026 at 10:15. Transaction ID: 1234567890. "
     "Fee: GHS 0.75. Your Vodafone Cash balance is GHS 48.20.",
     "100.00", "GHS", "debit", "YAW BOATENG", None),
    # ---- Nigeria
    ("Credit Alert! Amt: NGN15,000.00 Acc: 81****6789 Desc: Transfer from CHIDI OKAFOR Bal: NGN23,450.00 OPay",
     "15000.00", "NGN", "credit", "CHIDI OKAFOR", "6789"),
    ("PalmPay: You have successfully sent NGN 5,000.00 to AMINA BELLO (Access Bank 0123456789). Fee: NGN 10.00. "
     "Balance: NGN 12,340.00.",
     "5000.00", "NGN", "debit", "AMINA BELLO", None),
    ("Debit Alert! Acct: 52******4321 Amt: NGN 2,500.00 Desc: POS PURCHASE SHOPRITE LEKKI Bal: NGN 40,100.00 "
     "Moniepoint",
     "2500.00", "NGN", "debit", "SHOPRITE LEKKI", "4321"),
    # ---- Bangladesh
    ("You have received Tk 1,500.00 from 01712345678. Fee Tk 0.00. Balance Tk 3,250.50. TrxID 9LK2ABC3XY at "
     "01/12/2026 10:15",
     "1500.00", "BDT", "credit", None, None),
    ("Send Money Tk 500.00 to 01812345678 successful. Ref rent. Fee Tk 0.00. Balance Tk 2,750.50. TrxID 9LK3BCD4YZ "
     "at 01/12/2026 12:30",
     "500.00", "BDT", "debit", None, None),
    ("Cash Out Tk 2,000.00 to 01912345678 successful. Fee Tk 37.00. Balance Tk 713.50. TrxID 9LK4CDE5ZA at "
     "02/12/2026 09:00",
     "2000.00", "BDT", "debit", None, None),
    ("Cash In Tk 5,000.00 from 01612345678 successful. Fee Tk 0.00. Balance Tk 5,713.50. TrxID 9LK5DEF6AB at "
     "02/12/2026 18:20",
     "5000.00", "BDT", "credit", None, None),
    ("Payment Tk 850.00 to SHWAPNO GULSHAN successful. Ref 123. Balance Tk 4,863.50. TrxID 9LK6EFG7BC at "
     "03/12/2026 19:45",
     "850.00", "BDT", "debit", "SHWAPNO GULSHAN", None),
    ("Money Received. Amount: Tk 1,000.00 Sender: 01712345678 Ref: N/A TxnID: 71ABC2DE Balance: Tk 1,520.50 "
     "01/12/2026 10:15",
     "1000.00", "BDT", "credit", None, None),
    ("Tk 2,000.00 received from A/C:01712345678-5 Fee:Tk0.00, Your A/C Balance: Tk3,500.00 TxnId:1234567890 "
     "Date:01-DEC-26 10:15:22 am. Rocket",
     "2000.00", "BDT", "credit", None, None),
    ("আপনি ০১৭১২৩৪৫৬৭৮ নম্বর থেকে ৳১,০০০.০০ পেয়েছেন। ফি ৳০.০০। ব্যালেন্স ৳৪,২০০.০০। TrxID 9LK7FGH8CD",
     "1000.00", "BDT", "credit", None, None),
    # ---- Pakistan
    ("Rs. 5000.00 received from ALI RAZA 03001234567 on 01-Dec-26 10:15 AM. TID: 012345678901. New balance: "
     "Rs. 7250.00. JazzCash",
     "5000.00", "PKR", "credit", "ALI RAZA", None),
    ("Aap ne Rs 1,200 ALI TRADERS ko JazzCash se bhejay. TID 012345678902. Naya balance Rs 6,050.",
     "1200", "PKR", "debit", "ALI TRADERS", None),
    ("Rs. 2,500.00 sent to AYESHA KHAN 03451234567 via Easypaisa. Trx ID: 12345678901. Fee Rs. 0.00. Available "
     "balance Rs. 3,550.00.",
     "2500.00", "PKR", "debit", "AYESHA KHAN", None),
    ("Your K-Electric bill of Rs. 4,320 for reference no. 0400012345678 has been paid successfully via Easypaisa. "
     "Trx ID 12345678903.",
     "4320", "PKR", "debit", "K-Electric", None),
    # ---- Nepal
    ("Dear Customer, NPR 1,500.00 has been transferred to Ram Bahadur Thapa (9841234567) from your eSewa account. "
     "Transaction ID: 0A1B2C3. Balance: NPR 3,250.00",
     "1500.00", "NPR", "debit", "Ram Bahadur Thapa", None),
    ("Khalti: You have paid Rs. 799 to NTC for prepaid recharge of 9851234567. Txn ID: KHT123456. Balance "
     "Rs. 1,201.",
     "799", "NPR", "debit", "NTC", None),
    # ---- India
    ("Rs.250 paid to CHAI POINT from Paytm Wallet. Txn ID 12345678901. Updated Balance: Rs.1,250",
     "250", "INR", "debit", "CHAI POINT", None),
    ("Paid ₹1,200 to Priya Singh. Debited from HDFC Bank a/c XX4321. UPI Ref 434512345678 - PhonePe",
     "1200", "INR", "debit", "Priya Singh", "4321"),
    ("You paid ₹450.00 to Swiggy. UPI transaction ID 434512345679. Paid from State Bank of India ••4321",
     "450.00", "INR", "debit", "Swiggy", "4321"),
    ("₹25.00 cashback has been added to your Amazon Pay balance for order 402-1234567-1234567.",
     "25.00", "INR", "credit", None, None),
    # ---- Sri Lanka
    ("FriMi: LKR 2,500.00 sent to NIMAL PERERA (077*****67) successfully. Ref: FR12345678. Available balance "
     "LKR 12,430.50.",
     "2500.00", "LKR", "debit", "NIMAL PERERA", None),
    ("eZ Cash: Rs.1,000.00 received from 0771234567 - KAMAL SILVA. Ref: EZ12345678. New balance Rs.3,450.00",
     "1000.00", "LKR", "credit", "KAMAL SILVA", None),
    # ---- Philippines
    ("You have received PHP 1,000.00 of GCash from MARIA SANTOS 09181234567. Your new balance is PHP 2,250.00. "
     "Ref. No. 1012345678902.",
     "1000.00", "PHP", "credit", "MARIA SANTOS", None),
    ("Nakatanggap ka ng PHP 300.00 mula kay ANA REYES. Ang bagong balance mo ay PHP 2,550.00. Ref No. "
     "1012345678903. GCash",
     "300.00", "PHP", "credit", "ANA REYES", None),
    ("You have paid PHP 1,845.50 to MERALCO for account 0123456789 on 12-02-2026. Ref. No. 1012345678905. Your "
     "new balance is PHP 704.50.",
     "1845.50", "PHP", "debit", "MERALCO", None),
    ("You've sent ₱250.00 to Carlo Mendoza (+639171234567) via Maya. Ref no. 1234 5678 9012. Balance ₱1,200.00.",
     "250.00", "PHP", "debit", "Carlo Mendoza", None),
    # ---- Thailand
    ("ได้รับเงิน 1,000.00 บาท จาก นายสมชาย ใจดี เข้า TrueMoney Wallet ยอดคงเหลือ 2,550.00 บาท",
     "1000.00", "THB", "credit", None, None),
    # ---- Indonesia
    ("OVO: Pembayaran Rp 45.000 di KOPI KENANGAN berhasil. Sisa OVO Cash Rp 155.000.",
     "45000", "IDR", "debit", "KOPI KENANGAN", None),
    ("Kamu berhasil transfer Rp 100.000 ke BUDI SANTOSO via GoPay. Saldo GoPay kamu sekarang Rp 250.000.",
     "100000", "IDR", "debit", "BUDI SANTOSO", None),
    ("DANA: Kamu menerima Rp 75.000 dari SITI NURHALIZA. Saldo DANA kamu Rp 325.000.",
     "75000", "IDR", "credit", "SITI NURHALIZA", None),
    ("ShopeePay: Pembayaran Rp 89.000 ke INDOMARET berhasil. Saldo ShopeePay Rp 111.000.",
     "89000", "IDR", "debit", "INDOMARET", None),
    # ---- Malaysia
    ("Touch 'n Go eWallet: You have paid RM 12.50 to 7-ELEVEN MALAYSIA. Balance: RM 87.50.",
     "12.50", "MYR", "debit", "7-ELEVEN MALAYSIA", None),
    ("TNG eWallet: RM 50.00 received from TAN AH KOW via DuitNow. Balance RM 137.50.",
     "50.00", "MYR", "credit", "TAN AH KOW", None),
    ("Boost: Payment of RM 8.90 to MYNEWS SDN BHD successful. Wallet balance: RM 41.10.",
     "8.90", "MYR", "debit", "MYNEWS SDN BHD", None),
    # ---- Vietnam
    ("MoMo: Ban da chuyen thanh cong 200,000d den NGUYEN VAN AN. So du: 1,350,000d. Ma GD: 12345678901",
     "200000", "VND", "debit", "NGUYEN VAN AN", None),
    ("MoMo: Ban vua nhan 500.000 VND tu TRAN THI BINH. Loi nhan: tien an. So du vi: 1.850.000 VND.",
     "500000", "VND", "credit", "TRAN THI BINH", None),
    ("ZaloPay: Thanh toan 150,000 VND tai HIGHLANDS COFFEE thanh cong. So du: 700,000 VND.",
     "150000", "VND", "debit", "HIGHLANDS COFFEE", None),
    # ---- Cambodia
    ("Wing: You have received USD 50.00 from SOK DARA 012345678. Transaction ID: 1234567. Balance: USD 125.40",
     "50.00", "USD", "credit", "SOK DARA", None),
    ("Wing: Transfer of KHR 40,000 to CHAN SOPHEAP 097123456 successful. Fee KHR 0. Balance KHR 210,000.",
     "40000", "KHR", "debit", "CHAN SOPHEAP", None),
    ("ABA: $12.50 paid to BROWN COFFEE from your account 001 234 567 on Dec 01, 2026 10:15AM. Trx. ID: 123456789.",
     "12.50", "USD", "debit", "BROWN COFFEE", "001234567"),
    # ---- Myanmar
    ("KBZPay: You have received 50,000 MMK from Aung Aung (09123456789). Balance: 150,000 MMK. Trans ID: "
     "0123456789",
     "50000", "MMK", "credit", "Aung Aung", None),
    ("Wave Money: Cash out of 100,000 Ks at agent MYA MYA SHOP (Agent 12345) successful. Fee 1,000 Ks. Balance "
     "20,000 Ks.",
     "100000", "MMK", "debit", "MYA MYA SHOP", None),
]

# Nothing here moves money: counting any of them puts false spend into a budget.
NON_TRANSACTIONS = [
    # failed / insufficient funds
    "Failed. You do not have enough money in your M-PESA account to send Ksh5,000.00. You must be able to pay the "
    "transaction fee as well as the requested amount. Your M-PESA balance is Ksh1,200.00.",
    "Muamala umeshindwa. Huna salio la kutosha kutuma TSh 50,000. Salio lako ni TSh 12,300. Tigo Pesa",
    "Dear Customer, your transaction of ETB 2,000.00 to Abebe Kebede has failed due to insufficient balance. "
    "telebirr",
    "Orange Money: Echec du transfert de 25000 FCFA vers 771234567. Solde insuffisant.",
    "আপনার Tk 500.00 সেন্ড মানি লেনদেন ব্যর্থ হয়েছে। অপর্যাপ্ত ব্যালেন্স। Nagad",
    "Your payment of ₹1,500 to AIRTEL PREPAID failed. Any amount debited will be refunded in 3-5 working days. "
    "- PhonePe",
    "Hindi natuloy ang pag-send mo ng PHP 1,000.00 kay MARIA SANTOS dahil kulang ang iyong balance. GCash",
    # PIN / OTP quoting an amount
    "Airtel Money: Use OTP 583920 to confirm payment of UGX 45,000 to JUMIA UGANDA. Never share your PIN or OTP.",
    "የማረጋገጫ ኮድዎ 583920 ነው። ለ 1,500.00 ብር ክፍያ። ለማንም አያጋሩ።",
    "Your bKash verification code is 583920 for payment of Tk 1,250.00 to DARAZ. It expires in 2 minutes. Do not "
    "share it.",
    "Ma xac thuc MoMo cua ban la 583920 de thanh toan 250,000d tai TIKI. Khong chia se ma nay cho bat ky ai.",
    # money requests
    "MARY WANJIKU has requested Ksh 500.00 from you. Dial *334# or use the M-PESA App to approve. Request ID: "
    "RQ12345.",
    "KOUASSI JEAN vous a envoye une demande de paiement de 10000 FCFA. Tapez #144# pour valider.",
    "AYESHA KHAN ne aap se Rs. 2,000 ki request ki hai. Easypaisa app mein approve karein.",
    "ROHIT KUMAR has requested Rs.750 from you on Paytm. Approve before 02-12-2026 to pay.",
    "BUDI SANTOSO meminta Rp 50.000 dari kamu lewat DANA. Buka aplikasi untuk bayar.",
    # promotions with amounts
    "Y'ello! Send money for FREE to any MTN number for amounts up to UGX 30,000 this December. Dial *165#.",
    "Wave: Envoyez jusqu'à 100 000 F CFA sans frais ce week-end ! Offre valable jusqu'au 15/12.",
    "bKash e Add Money kore pan 10% cashback, shorboccho Tk 100! Offer 31 Dec porjonto.",
    "खल्ती: बिजुली बिल भुक्तानी गर्दा रु 100 सम्म क्यासब्याक पाउनुहोस्! अफर पुस ३० सम्म।",
    "KBZPay: Get 5,000 Ks cashback when you pay 30,000 Ks or more at City Mart. Offer ends 31 Dec.",
    # balance inquiries
    "QK99ZZZ1AA Confirmed. Your account balance was: M-PESA Account : Ksh4,750.00 Business Account : Ksh0.00 on "
    "3/12/26 at 9:00 AM. Transaction cost, Ksh0.00.",
    "OPay: Your wallet balance is NGN 23,450.00 as at 01/12/2026 10:15.",
    "TNG eWallet: Your balance is RM 137.50. Reload now to enjoy 5% cashback up to RM 5.",
    # reversal request
    "You have received a reversal request for transaction QK12ABC3XY of Ksh1,500.00 from JOHN KAMAU. The funds "
    "will be held until the request is resolved.",
    # pending / awaiting approval
    "Y'ello. You have a pending cash out of GHS 200.00 to KWAME AGENT VENTURES. Dial *170# > My Wallet > My "
    "Approvals to approve. Transaction ID: 45612378904.",
    "Your eSewa load fund of NPR 5,000.00 from Nabil Bank is pending. It will be credited once confirmed by the "
    "bank.",
    "Ombi lako la kutoa Tsh50,000.00 linasubiri idhini. Tafadhali thibitisha kwa kuweka PIN yako.",
    # agent commission statements
    "EcoCash Agent: Your commission for November 2026 is ZWG 1,245.60. It will be paid to your float account by "
    "05/12/2026.",
    "Dear Agent, your Airtel Money commission of MK 35,400.00 for November has been calculated. It will be paid "
    "on 05/12/2026.",
    # loan-limit offers
    "Your Fuliza M-PESA limit is Ksh 2,000.00. Dial *234# to opt in.",
    "Good news! Your GCredit limit is now PHP 5,000.00. Use it to pay at GCash partner merchants.",
    # loan due reminders
    "Dear Customer, your M-Shwari loan of Ksh3,150.00 is due on 15/12/2026. Please repay to keep your limit.",
    "Mohtaram customer, aap ki JazzCash loan ki raqam Rs. 1,050 ki adaigi 05-12-2026 tak karein. Bar waqt "
    "adaigi se apni limit barhayein.",
    "Reminder: Your Maya Easy Credit bill of ₱2,340.00 is due on Dec 15, 2026. Pay on time to avoid late fees.",
    "Tagihan GoPay Later kamu Rp 350.000 jatuh tempo besok. Bayar sekarang biar nggak kena denda.",
]


@pytest.mark.parametrize(("body", "amount", "currency", "direction", "party", "account"), TRANSACTIONS)
def test_heldout12_transactions(body: str, amount: str, currency: str, direction: str, party: str | None,
                                account: str | None) -> None:
    reads_as(body, amount, currency, direction, party, account)


@pytest.mark.parametrize("body", NON_TRANSACTIONS)
def test_heldout12_non_transactions(body: str) -> None:
    refused(body)
