"""Held-out round 8, about precision: alerts written fresh (India, UAE, US, UK, Spain, Latin America,
Brazil, France, Saudi Arabia, Indonesia, Kenya) that are NOT money moving - offers quoting amounts,
pre-approved loans, EMI offers, reward points, statements and reminders, mandates and standing
instructions set up, OTPs, holds released, declines and failures, money requests, refunds initiated but
not credited, card / limit / PIN / login / KYC notices, balances, maturities to come, certificates and
summaries - plus transactions that look like them but are real (refunds and reversals credited, cashback,
interest, fees, EMIs and mandates executed, deposits matured, loans disbursed, purchases that mention a
decline, an offer or "block your card"), read by the generic parser. Counting a non-transaction puts false
spend into a budget and can fire a false alert, so the negatives matter more here than in earlier rounds.

With the parser as it was: 17 of 103 non-transactions counted, 22 of 35 transactions fully right.
The 17 non-transactions counted, by cause:
- offers: Citi "Spend $3,000 ... and earn a $200 statement credit" (the offer's condition after a sender's
  "Citi:" prefix not seen; read as a credit), Axis "Convert your purchase of Rs 24,999.00 at CROMA into easy
  EMIs" (read as the purchase);
- reminders and set-ups: Monzo "payment to SPOTIFY is due tomorrow" (only "is due on" known), a French card
  statement "relevé de carte ... montant à régler 845,30 EUR" (not known as a statement; read as a credit
  from the bank's name, Crédit Agricole), Barclays "You have set up a new Direct Debit ... first payment on
  01/01/2027", a fixed deposit that "matures on 20/12/2026" (only "will mature" known);
- requests and prompts: PayPal "a money request of $60.00 USD from Jane Smith" (the code after the number
  defeated the request rule), M-PESA "X ameomba Ksh 2,500.00" (Swahili "has requested"), "Thibitisha malipo
  ... kwa kuweka PIN" (confirm the payment by entering the PIN), Razorpay "Payment link from ACME ... Pay by
  10-12-2026";
- refunds promised: Itaú "estorno ... foi solicitado e será creditado" ("compra" in it said money moved),
  Hindi-English "Rs 799 ka refund ... credit ho jayega";
- an attempted purchase that got the card blocked ("intento de compra de USD 980,00"), a KYC reminder
  ("Transfers above Rs 50,000 will be blocked", read as a transfer);
- summaries: "total credits Rs 85,000.00, total debits ...", "You spent $2,345.67 across 48 transactions",
  BCP "Resumen de movimientos: abonos ..., cargos ...".
The 13 transactions misread:
- refused: "Reversal of Rs 2,500.00 credited ... for failed UPI txn" (declined/failed: the money-back rule
  wanted "has been credited"), Nubank "Você recebeu R$ 25,00 de cashback" and Hindi-English "Rs 50 cashback
  ... credit ho gaya hai" (promotion: recebeu / "credit ho gaya" not known as done), a personal loan "has been
  disbursed" (promotion: "Congratulations!"), "Approved: $89.99 ... An earlier attempt ... was declined"
  (declined), Emirates NBD "An annual fee of AED 315.00 (incl. VAT) has been charged" (the dot of "incl."
  cut the sentence, so the fee was not seen as taken);
- no direction: BBVA "Se ha abonado un reembolso" (abonado), BCA "dikreditkan", Société Générale "Frais ...
  prélevés sur votre compte";
- wrong direction: Itaú "estorno de R$ 89,90 da compra em NETSHOES creditado" (a debit; estorno not known
  as a refund; merchant "NETSHOES creditado");
- other side misread: Hindi-English "NETFLIX ko auto-debit" ("UPI Transfer"), "au profit de EDF débité"
  (none), "You paid ANITA VERMA's request" ("Google Pay").
After the fixes (general rules in parsers/negatives.py and parsers/generic.py): 35 of 35 transactions fully
right, 0 of 103 non-transactions counted; no expected value was changed.
"""

from __future__ import annotations

import pytest

from tests.support.generic_checks import reads_as, refused

# (body, amount, currency, direction, party, account)
# Each of these looks like a non-transaction (a refund, a reversal, a fee, a mandate, an offer footer, a
# "declined" or "block your card" line) but is money that has moved: the parser must not refuse it.
TRANSACTIONS = [
    # refunds / reversals actually credited
    ("Your refund of Rs 1,299.00 from AMAZON has been credited to your HDFC Bank Credit Card XX1234 on "
     "01-12-2026.",
     "1299.00", "INR", "credit", "AMAZON", "1234"),
    ("Reversal of Rs 2,500.00 credited to your a/c XX4321 on 01-12-2026 for failed UPI txn. "
     "Ref 633512345678. Axis Bank",
     "2500.00", "INR", "credit", None, "4321"),
    ("Rs 560.00 debited for a failed UPI txn to SWIGGY has been reversed to your a/c XX4321 on 01-12-2026. "
     "Ref 633512345679.",
     "560.00", "INR", "credit", None, "4321"),
    ("BBVA: Se ha abonado un reembolso de 45,00 EUR de ZARA en tu cuenta ****4321.",
     "45.00", "EUR", "credit", "ZARA", "4321"),
    ("Itaú: estorno de R$ 89,90 da compra em NETSHOES creditado no seu cartão final 5678.",
     "89.90", "BRL", "credit", "NETSHOES", "5678"),
    ("تم إيداع مبلغ مسترد SAR 250.00 من JARIR في بطاقتك المنتهية 1234.",
     "250.00", "SAR", "credit", "JARIR", "1234"),
    ("Dana refund Rp 150.000 dari TOKOPEDIA telah masuk ke saldo GoPay kamu.",
     "150000", "IDR", "credit", "TOKOPEDIA", None),
    ("M-PESA: Umepokea Ksh 1,500.00 kutoka SAFARICOM kama marejesho ya muamala QK12ABC345. "
     "Salio jipya ni Ksh 4,230.00.",
     "1500.00", "KES", "credit", "SAFARICOM", None),
    # cashback / interest / statement credits
    ("Cashback of ₹150.00 has been credited to your Amazon Pay balance.",
     "150.00", "INR", "credit", None, None),
    ("Nubank: Você recebeu R$ 25,00 de cashback na sua conta.",
     "25.00", "BRL", "credit", None, None),
    ("Badhai ho! Rs 50 cashback aapke Paytm wallet mein credit ho gaya hai.",
     "50", "INR", "credit", None, None),
    ("Interest of Rs 1,234.56 credited to your SB a/c XX5678 on 30-11-2026. Avl Bal Rs 1,45,678.90. SBI",
     "1234.56", "INR", "credit", None, "5678"),
    ("BCA: Bunga tabungan Rp 12.345 telah dikreditkan ke rekening ****5678 pada 30/11/2026.",
     "12345", "IDR", "credit", None, "5678"),
    ("A statement credit of $200.00 for your welcome bonus has been applied to your card ending 5566.",
     "200.00", "USD", "credit", None, "5566"),
    # fees and charges
    ("Chase: A $35.00 overdraft fee was charged to your checking account ending 3344 on 12/01/2026.",
     "35.00", "USD", "debit", None, "3344"),
    ("Emirates NBD: An annual fee of AED 315.00 (incl. VAT) has been charged to your credit card ending 9012.",
     "315.00", "AED", "debit", None, "9012"),
    ("Amex: A late fee of $40.00 was charged to your Card ending 51005.",
     "40.00", "USD", "debit", None, "1005"),
    ("Société Générale: Frais de tenue de compte de 2,50 EUR prélevés sur votre compte ****1234 le 01/12/2026.",
     "2.50", "EUR", "debit", None, "1234"),
    ("تم خصم رسوم بقيمة AED 26.25 من حسابك رقم ***4321 بتاريخ 01/12/2026.",
     "26.25", "AED", "debit", None, "4321"),
    # EMIs, mandates, standing instructions, SIPs executed
    ("EMI of Rs 12,500.00 for loan a/c XX8899 has been debited from your a/c XX1234 on 01-12-2026. "
     "Bajaj Finance",
     "12500.00", "INR", "debit", None, "1234"),
    ("Your auto-debit of Rs 649.00 to NETFLIX under e-mandate UMRN HDFC7000001234 was successful from "
     "a/c XX1234.",
     "649.00", "INR", "debit", "NETFLIX", "1234"),
    ("Aapke a/c XX1234 se Rs 649.00 NETFLIX ko auto-debit ho gaye hain. UPI Ref 633598765432.",
     "649.00", "INR", "debit", "NETFLIX", "1234"),
    ("ACH Debit of $325.00 to CHASE CREDIT CRD AUTOPAY posted to your checking account ending 7788 on "
     "12/01/2026.",
     "325.00", "USD", "debit", "CHASE CREDIT CRD", "7788"),
    ("Standing instruction executed: AED 2,000.00 transferred from account ***3344 to account ***8899 on "
     "01/12/2026.",
     "2000.00", "AED", "debit", None, "3344"),
    ("Prélèvement de 45,00 EUR au profit de EDF débité de votre compte ****1234 le 01/12/2026.",
     "45.00", "EUR", "debit", "EDF", "1234"),
    ("SIP of Rs 10,000.00 for Axis Bluechip Fund processed successfully; amount debited from a/c XX9012 on "
     "10-11-2026.",
     "10000.00", "INR", "debit", None, "9012"),
    # deposits matured, loans disbursed
    ("Your Fixed Deposit XX3344 has matured. Maturity amount Rs 1,07,250.00 has been credited to your "
     "a/c XX1234 on 01-12-2026.",
     "107250.00", "INR", "credit", None, "1234"),
    ("Congratulations! Your personal loan of Rs 3,00,000.00 has been disbursed to your a/c XX5678 on "
     "01-12-2026. First EMI on 05-01-2027.",
     "300000.00", "INR", "credit", None, "5678"),
    ("Your SoFi personal loan of $15,000.00 has been deposited to your checking account ending 2233.",
     "15000.00", "USD", "credit", None, "2233"),
    # purchases that mention a decline, an OTP, a hold, an offer or "block your card"
    ("Approved: $89.99 at AMAZON.COM on card ending 1234. An earlier attempt for this amount was declined "
     "for an incorrect CVV.",
     "89.99", "USD", "debit", "AMAZON", "1234"),
    ("OTP verified. Payment of Rs 3,499.00 to FLIPKART on your ICICI Bank Credit Card XX4321 is successful.",
     "3499.00", "INR", "debit", "FLIPKART", "4321"),
    ("Your pending charge of $150.00 from HILTON HOTELS on card ending 1234 has posted.",
     "150.00", "USD", "debit", "HILTON", "1234"),
    ("Rs 2,340.00 spent on ICICI Bank Card XX4321 at BIGBASKET on 01-Dec-26. Avl Lmt: Rs 1,23,456. "
     "Get 5% cashback up to Rs 500 on your next order - T&C apply.",
     "2340.00", "INR", "debit", "BIGBASKET", "4321"),
    ("AED 450.00 spent at CARREFOUR on your card ending 9012 on 01/12/2026. If not done by you, call "
     "600 54 0000 to block your card. Mashreq",
     "450.00", "AED", "debit", "CARREFOUR", "9012"),
    ("You paid ANITA VERMA's request of ₹1,200.00 on Google Pay from a/c XX1234. UPI Ref 633500001111.",
     "1200.00", "INR", "debit", "ANITA VERMA", "1234"),
]

# Nothing here moves money (yet): counting any of them puts false spend into a budget.
NEGATIVES = [
    # promotions and offers quoting amounts
    "Emirates NBD: Get AED 100 cashback when you spend AED 500 or more on your credit card at NOON.COM. "
    "Valid till 31/12/2026. T&Cs apply.",
    "HDFC Bank: Shop for Rs. 5,000 and get 10% instant discount up to Rs. 1,500 on Amazon with your HDFC Bank "
    "Credit Card. Offer valid till 15-12-2026. T&C.",
    "Citi: Spend $3,000 in the first 3 months and earn a $200 statement credit. Apply by 12/31/2026.",
    "Your Amazon Pay balance is ₹1,234.00. Add ₹500 and get ₹50 cashback. T&C.",
    "You have won a scratch card! Cashback up to ₹100 on your next UPI payment of ₹200 or more. Google Pay",
    "Rs 2,000 ka cashback paayein jab aap Rs 10,000 se zyada ki shopping karein PhonePe par. Offer 31 Dec tak.",
    "احصل على استرداد نقدي 100 درهم عند إنفاق 500 درهم ببطاقتك الائتمانية من بنك الإمارات دبي الوطني. "
    "العرض ساري حتى 31/12/2026.",
    "Dapatkan cashback Rp 50.000 untuk transaksi minimal Rp 200.000 dengan QRIS BRImo. Berlaku hingga "
    "31/12/2026.",
    "Pata bonasi ya Ksh 100 ukinunua bando la Ksh 500 kupitia M-PESA. Ofa inaisha 31/12/2026.",
    "Santander: Gana 20 EUR de regalo al pagar 100 EUR o más con Bizum antes del 31/12/2026.",
    "Itaú: Ganhe R$ 50,00 de cashback em compras acima de R$ 300,00 no iFood até 31/12.",
    "Boursorama: 80 EUR offerts pour l'ouverture de votre compte avec le code BOURSO80. Offre valable jusqu'au "
    "31/12/2026.",
    # pre-approved loans and EMI conversion offers
    "ICICI Bank: Congratulations! You are pre-approved for a Personal Loan of Rs. 5,00,000 at 10.5% p.a. Get "
    "instant disbursal in your a/c XX1234. Click iciciba.nk/pl to avail. T&C",
    "Aapke HDFC Bank Credit Card XX1234 par Rs 50,000 ka Personal Loan pre-approved hai. Abhi apply karein: "
    "hdfc.bank/loan",
    "¡Tienes un préstamo preaprobado de $ 5.000.000 con BBVA! Recíbelo hoy en tu cuenta. Solicítalo en la app.",
    "Axis Bank: Convert your purchase of Rs 24,999.00 at CROMA on card XX5678 into easy EMIs of Rs 2,199/month. "
    "Reply EMI 5678 to 5676782. T&C apply.",
    "SBI Card: Your transaction of Rs 45,000 is eligible for Flexipay EMI. Convert now at 3 EMIs of Rs 15,450. "
    "SMS FP to 5676791.",
    "Your loan application for Rs 3,00,000 has been approved. Amount will be disbursed after e-sign of the "
    "agreement.",
    # reward points
    "You have earned 250 reward points on your HDFC Bank Credit Card XX1234 for transactions in Nov 2026. "
    "Total points: 12,450.",
    "Axis Bank: 1,500 EDGE REWARD points redeemed for a voucher worth Rs 300. Balance points 4,200.",
    "Your reward points 2,500 (worth Rs 625) will expire on 31-12-2026. Redeem now on SmartBuy.",
    "Selamat! Anda mendapatkan 500 poin BCA Rewards dari transaksi Rp 5.000.000. Tukarkan poin Anda di aplikasi.",
    # statements, minimum due, payment due reminders
    "Your HDFC Bank Credit Card XX1234 statement for Nov 2026 has been generated. Total due: Rs. 23,456.78, "
    "minimum due: Rs. 1,180.00, due date 20/12/2026.",
    "Chase: Your credit card statement is ready. Statement balance: $1,845.20. Minimum payment due: $40.00 by "
    "12/25/2026.",
    "Reminder: Payment of Rs. 12,500.00 towards your Bajaj Finance loan EMI is due on 05-12-2026. Please "
    "maintain sufficient balance in a/c XX4321.",
    "Amex: Your payment of $1,234.56 is due on Dec 15. Pay now at americanexpress.com to avoid a late fee of up "
    "to $40.",
    "Bill generated: Your BESCOM electricity bill of Rs 1,845.00 for Nov 2026 is due on 15-12-2026. Pay via "
    "HDFC BillPay.",
    "Sua fatura do cartão Nubank fecha hoje. Valor: R$ 1.234,56. Vencimento: 10/12/2026.",
    "كشف حساب بطاقتك المنتهية 5678 جاهز. المبلغ المستحق 2,340.00 ريال، الحد الأدنى 117.00 ريال، تاريخ "
    "الاستحقاق 20/12/2026.",
    "Monzo: Heads up, your £9.99 payment to SPOTIFY is due tomorrow. Top up to make sure it goes through.",
    "Votre relevé de carte de novembre est disponible : montant à régler 845,30 EUR, prélevé le 05/12/2026. "
    "Crédit Agricole",
    # autopay / mandates / SIPs / standing instructions set up (nothing debited yet)
    "AutoPay for your Chase card ending 5566 is scheduled: $325.00 will be paid from checking account ending "
    "7788 on 12/18/2026.",
    "Your e-mandate for Rs. 2,000.00 (max) per month for LIC OF INDIA has been successfully registered on a/c "
    "XX9012. UMRN: HDFC70000012345.",
    "Mandate request: NETFLIX wants to set up an autopay of up to ₹649.00/month on your UPI ID. Approve in "
    "your UPI app.",
    "Your ECS mandate for Rs 3,500.00 towards HDFC LIFE has been cancelled as requested. a/c XX1234.",
    "Your SIP registration for Rs. 10,000 in Axis Bluechip Fund - Direct Growth is confirmed. Instalments will "
    "be debited on the 10th of every month starting 10-01-2027.",
    "Standing instruction set up: AED 2,000.00 will be transferred monthly from account ***3344 to ***8899 "
    "starting 01/01/2027. Emirates NBD",
    "Kotak: Standing Instruction registered for Rs 5,000 every month to RD a/c XX2211 from a/c XX6655 from "
    "05-Jan-2027.",
    "Barclays: You have set up a new Direct Debit to BRITISH GAS for £85.00 monthly, first payment on "
    "01/01/2027.",
    "Your credit card payment of AED 2,000.00 scheduled for 10/12/2026 from account ***4321 has been set up "
    "successfully.",
    "Votre prélèvement SEPA de 45,00 EUR au profit de EDF est programmé pour le 05/12/2026. Compte ****1234.",
    # OTPs and verification codes quoting an amount
    "482913 is your OTP for a transaction of INR 3,499.00 at FLIPKART on your ICICI Bank Credit Card XX4321. "
    "Valid for 10 mins. Do not share it with anyone.",
    "Your one-time passcode for a purchase of $249.99 at BESTBUY.COM with card ending 1234 is 739201. Never "
    "share this code.",
    "OTP 556677 para confirmar la compra de $45.900 en FALABELLA con tu tarjeta terminada en 4321. No lo "
    "compartas. Bancolombia",
    "Seu código de verificação é 918273 para a compra de R$ 350,00 em MAGAZINE LUIZA no cartão final 5678. "
    "Nubank",
    "Votre code de sécurité 3-D Secure pour le paiement de 129,90 EUR chez FNAC est 654321. Ne le communiquez à "
    "personne. BNP Paribas",
    "رمز التحقق 384756 لعملية شراء بمبلغ 250.00 ريال لدى JARIR من بطاقتك المنتهية بـ 1234. لا تشاركه مع أحد.",
    "Kode OTP Anda 123987 untuk transaksi Rp 1.250.000 di TOKOPEDIA. JANGAN BERIKAN kode ini kepada siapapun. "
    "BCA",
    "Your OTP to add beneficiary MARIA LOPEZ with a transfer limit of USD 10,000 is 847362. Citibank",
    "M-PESA: Thibitisha malipo ya Ksh 12,000.00 kwa ABC LTD Till 123456 kwa kuweka PIN yako. Puuza kama "
    "hukuanzisha.",
    # authorisation holds released or cancelled
    "Chase: The pending authorization of $150.00 from HILTON HOTELS on your card ending 1234 has been released.",
    "The temporary hold of AED 500.00 placed by MARRIOTT on card ending 9012 has been cancelled and the amount "
    "is available again.",
    "The pre-authorisation hold of $75.00 from SHELL OIL on card ending 5678 has expired and been removed.",
    "Your transaction of $45.00 at UBER *TRIP on card ending 1234 was cancelled by the merchant before it "
    "posted. No charge was made.",
    # declined / failed / insufficient funds
    "Your transaction of Rs. 2,300.00 at AMAZON on HDFC Bank Debit Card XX1234 was declined due to incorrect "
    "PIN.",
    "Transaction failed: UPI payment of Rs 560 to SWIGGY from a/c XX4321 could not be completed. Amount, if "
    "debited, will be refunded within 48 hours.",
    "Compra rechazada: USD 89,99 en AMAZON con tu tarjeta terminada en 1234. Saldo insuficiente. BBVA",
    "Sua compra de R$ 1.200,00 em CASAS BAHIA foi recusada. Cartão final 4321. Itaú",
    "Votre paiement de 85,00 EUR chez CARREFOUR a été refusé. Carte se terminant par 5678. Société Générale",
    "عملية مرفوضة: شراء بمبلغ 320.00 درهم لدى CARREFOUR ببطاقتك المنتهية 1234 بسبب عدم كفاية الرصيد.",
    "ACH debit of $1,200.00 from PROGRESSIVE INS to checking ending 3344 was returned unpaid due to "
    "insufficient funds.",
    "Failed. You do not have enough money to send Ksh 5,000.00 to JOHN KAMAU 0712345678. Your M-PESA balance "
    "is Ksh 1,230.00.",
    "Imeshindikana. Huna pesa za kutosha kutuma Ksh 5,000.00 kwa JOHN KAMAU 0712345678. Salio lako la M-PESA "
    "ni Ksh 1,230.00.",
    "Transaksi Anda sebesar Rp 500.000 di INDOMARET dengan kartu debit ****1234 DITOLAK karena saldo tidak "
    "mencukupi. Mandiri",
    "Your Visa card ending 9012 was declined for a $12.50 purchase at STARBUCKS because the card is locked. "
    "Unlock it in the app.",
    "Transfer of GHS 500.00 to KWAME MENSAH could not be processed. Please try again later. Ecobank",
    "Tu tarjeta terminada en 1234 fue bloqueada temporalmente por seguridad tras un intento de compra de "
    "USD 980,00 en BESTBUY. Llámanos al 0800-123.",
    # requests for money, payment links and invoices sent to the user (not yet paid)
    "SWIGGY has sent you a collect request of Rs 349.00 on UPI. Approve in your BHIM app before 02-12-2026 "
    "18:00. Ignore if not initiated by you.",
    "You have a money request of ₹1,200.00 from ANITA VERMA (anita@okaxis) on Google Pay. Tap to pay or "
    "decline.",
    "Venmo: JOHN DOE requests $45.00 for Pizza night. Pay or decline in the app.",
    "PayPal: You've received a money request of $60.00 USD from Jane Smith. Note: concert tickets.",
    "M-PESA: PETER OTIENO 0722123456 ameomba Ksh 2,500.00 kutoka kwako. Idhinisha kwenye menyu ya M-PESA.",
    "Razorpay: Payment link from ACME SOLUTIONS for ₹4,500.00 (Invoice #INV-2211). Pay by 10-12-2026: "
    "rzp.io/l/abc123",
    "Invoice INV-0042 from DESIGN STUDIO LLC for $1,250.00 is due on 12/15/2026. View and pay: "
    "pay.stripe.com/invoice/xyz",
    # refunds initiated, not yet credited
    "Your refund of Rs 1,299.00 for order #402-5566778 from AMAZON has been initiated and will be credited to "
    "your card XX1234 in 5-7 business days.",
    "Tu reembolso de $ 35.990 de FALABELLA fue procesado y se verá reflejado en tu tarjeta en 5 a 10 días "
    "hábiles.",
    "Seu estorno de R$ 89,90 referente à compra em NETSHOES foi solicitado e será creditado na próxima fatura.",
    "Votre remboursement de 49,99 EUR de ZALANDO est en cours et sera crédité sous 5 jours ouvrés.",
    "Aapka Rs 799 ka refund process ho gaya hai aur 5-7 din mein aapke account mein credit ho jayega.",
    # cards, limits, PINs, logins, beneficiaries, cheque books, KYC
    "Your HDFC Bank Debit Card XX1234 has been blocked as requested. To get a replacement card, call "
    "1800-202-6161.",
    "Your SBI Debit Card XX5678 has been unblocked successfully. Daily ATM limit Rs 40,000, POS limit "
    "Rs 75,000.",
    "Your credit limit on card ending 4321 has been increased to AED 35,000.00 from AED 25,000.00. "
    "Emirates NBD",
    "ICICI Bank: The online transaction limit for your Debit Card XX9012 has been changed to Rs 1,00,000 per "
    "day.",
    "The PIN for your Axis Bank Debit Card XX4321 was changed successfully on 01-12-2026 18:22. If not done by "
    "you, call 1860-419-5555.",
    "Aapka UPI PIN safaltapoorvak badal diya gaya hai. Agar aapne nahi kiya, to turant 1800-1234 par call "
    "karein.",
    "New login to Barclays Online Banking on 01/12/2026 at 19:04 from Chrome on Windows. If this wasn't you, "
    "call us on 0345 734 5345.",
    "Revolut: Your card ending 4321 has been frozen. Any payments will be declined until you unfreeze it.",
    "Beneficiary RAJESH KUMAR (a/c XX7788) has been added to your Net Banking with a transfer limit of "
    "Rs 50,000. It will be active after 30 minutes. HDFC Bank",
    "Your cheque book of 25 leaves for a/c XX1234 has been dispatched via Speed Post AWB EK123456789IN. SBI",
    "Dear Customer, your KYC is due for update. Update before 31-12-2026 to avoid restrictions on a/c XX1234. "
    "Transfers above Rs 50,000 will be blocked.",
    "M-PESA: Sasisha taarifa zako za KYC kabla ya 31/12/2026 ili kuendelea kutuma hadi Ksh 250,000 kwa siku.",
    "Interest rate on your savings account will change to 3.50% p.a. from 01-01-2027 for balances above "
    "Rs 10,00,000.",
    # balance enquiries
    "Your available balance in a/c XX5678 as on 01-12-2026 is INR 45,230.50. Kotak Bank",
    "Saldo disponible en su cuenta ****4321 al 01/12/2026: $ 1.234.567,89. Banco de Chile",
    "Saldo da conta final 1234 em 01/12: R$ 2.345,67. Bradesco",
    "Salio lako la M-PESA ni Ksh 3,450.00. Ada ya kuangalia salio Ksh 0.00.",
    # fixed deposits maturing (not yet paid), tax and interest certificates
    "Your Fixed Deposit no. XX3344 of Rs 1,00,000 will mature on 15-12-2026. Maturity amount Rs 1,07,250 will "
    "be credited to a/c XX1234 unless renewed.",
    "Your fixed deposit of AED 50,000.00 matures on 20/12/2026. Reply RENEW to renew for another 12 months at "
    "4.25%.",
    "Your TDS certificate (Form 16A) for Q2 FY 2026-27 is ready: interest Rs 12,345.00, TDS Rs 1,234.50. "
    "Download from NetBanking.",
    "Your interest certificate for FY 2025-26 for Home Loan a/c XX9012 is ready: principal Rs 1,45,000, "
    "interest Rs 2,10,500. Download at axisbank.com.",
    # statement summaries listing totals
    "Your November 2026 account summary for a/c XX4321: total credits Rs 85,000.00, total debits "
    "Rs 62,450.50, closing balance Rs 1,12,340.00.",
    "Monthly summary: You spent $2,345.67 across 48 transactions in November. Top category: Dining ($612.30). "
    "Chase",
    "Resumen de movimientos de noviembre: abonos S/ 4.500,00, cargos S/ 3.210,40. Saldo final S/ 5.120,00. BCP",
]


@pytest.mark.parametrize(("body", "amount", "currency", "direction", "party", "account"), TRANSACTIONS)
def test_heldout8_transactions(body: str, amount: str, currency: str, direction: str, party: str | None, account: str | None) -> None:
    reads_as(body, amount, currency, direction, party, account)


@pytest.mark.parametrize("body", NEGATIVES)
def test_heldout8_negatives(body: str) -> None:
    refused(body)
