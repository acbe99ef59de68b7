"""Held-out round 10, about European and East Asian languages and number formats: alerts written fresh in
German (Germany, Austria, Switzerland), Dutch (Netherlands, Flanders), Polish, Czech, Hungarian, Swedish,
Norwegian, Danish, Finnish, Italian, Greek, Hebrew, Japanese, Korean and Chinese (simplified, Hong Kong and
Taiwan traditional), with their own number formats (1.234,56 / 1 234,56 / 1'234.50 / 12,345 / 1,234円 /
₩12,000), currency signs before or after the amount (€, zł, Kč, Ft, kr, ₪, 円, ¥, 원, ₩, 元, HK$, NT$) and
local account masks (endet auf 1234, eindigend op 1234, 末尾1234, 下4桁, 끝자리, 尾号, 末四碼), read by the
generic parser; plus non-transactions in the same languages (OTPs quoting an amount, declines, pending and
pre-authorisations, SEPA pre-notifications and other announced debits, statements, balances, reminders,
offers, money requests).

With the parser as it was: 8 of 77 transactions fully right, 7 of 34 non-transactions counted.
The 69 transactions misread, by cause:
- no amount found (14): currencies not known - the Czech "Kč" and Hungarian "Ft" after the number, the Nordic
  "kr" (Swish, Vipps, MobilePay), the Chinese 人民币 / 元 / RMB and Taiwan's 新台幣; and a number glued to a
  Chinese or Japanese word before it ("工资收入8,500.00元", "残高で980円") was never read as an amount;
- no direction word (35): the way words of German (erhalten, bezahlt, gutgeschrieben, Eingang), Dutch
  (gedebiteerd), Polish (uznanie, "przelew przych.", wypłata, transakcja), Czech (připsána), Hungarian
  (jóváírás), Swedish (insättning), Norwegian (kjøp, trekk), Danish (køb, indbetaling), Finnish (korttiosto,
  saapunut, veloitettu), Italian (accredito), Greek (χρέωση, πίστωση, αγορά), Hebrew (חיוב, זיכוי, עסקה),
  Japanese (ご利用, ご入金, お振込, お支払い) and Chinese (消费/消費, 支出, 收入, 存入, 转入/轉入, 签账/簽賬, 付款);
- other side or account misread (20): labels not known (Händler:, Odbiorca:, příjemce:, küldő:, maksaja, saaja,
  商户:, 对方户名:, 匯款人:, 商店:, ご利用先, ご利用場所, 振込依頼人, 振込先, 支払先), prepositions not known (German
  "an", Dutch "van"/"aan"/"voor", Swedish "från", Norwegian/Danish "fra"/"hos", Polish "od"/"w", Czech "od"/"u",
  Greek "από"/"στο", Hebrew "מאת"/"עבור"/"בבית העסק", Chinese 在X消费), a name ran on into ", Debitkarte ***3456"
  or "auf Ihr Konto", comma-separated fields ("12 990 Ft, TESCO BUDAPEST, kártya: *4321"), Korean alerts that put
  the name after the amount and the time ("12,000원 일시불 12/01 12:34 스타벅스 누적 ..."); masks in local words
  ("eindigend op 1234", 口座番号末尾5678, 계좌 끝자리 9012, "[KB국민카드] 1234 승인").
The 7 non-transactions counted: a German mTAN quoting the transfer, a SEPA pre-notification ("wird am 05.12.2026
... eingezogen"), a card payment only reserved ("Vormerkung"), a Dutch announced direct debit ("Op 05-12-2026
wordt € 89,95 ... afgeschreven"), an Italian decline ("è stato rifiutato"), a Korean bill to come (결제예정금액)
and a Korean code (인증번호).
Reading the new currencies and words then showed 12 more non-transactions that had been refused only for
lacking a currency or a way word: declines in Polish (odrzucona), Czech (zamítnuta), Hebrew (נדחתה), Japanese
(拒否) and Chinese (交易失败), codes in Hungarian (egyszer használatos kód), Finnish (vahvistuskoodi) and Japanese
(認証コード), a Swedish payment falling due (förfaller), a Japanese bill (ご請求金額), a Hong Kong
pre-authorisation (預授權) and a Taiwanese offer (限時優惠, 刷卡滿NT$3,000回饋NT$300); each got a rule.
After the fixes (general rules in parsers/amounts.py, parsers/generic.py, parsers/masks.py and
parsers/negatives.py): 77 of 77 transactions fully right, 0 of 34 non-transactions counted; no expected value
was changed.
"""

from __future__ import annotations

import pytest

from tests.support.generic_checks import reads_as, refused

# (body, amount, currency, direction, party, account)
TRANSACTIONS = [
    # German (Germany)
    ("Sparkasse: Ihre Sparkassen-Card endet auf 1234 wurde für eine Kartenzahlung über 23,45 EUR bei REWE Markt "
     "GmbH eingesetzt.",
     "23.45", "EUR", "debit", "REWE Markt GmbH", "1234"),
    ("Deutsche Bank: Neuer Umsatz auf Ihrem Konto ****5678: Lastschrift VODAFONE GMBH, Betrag -39,99 EUR.",
     "39.99", "EUR", "debit", "VODAFONE GMBH", "5678"),
    ("N26: Du hast 1.250,00 € von Max Mustermann erhalten.",
     "1250.00", "EUR", "credit", "Max Mustermann", None),
    ("N26: Du hast 12,90 € bei Spotify bezahlt.",
     "12.90", "EUR", "debit", "Spotify", None),
    ("Commerzbank: Gutschrift über 2.345,67 EUR von ARBEITGEBER AG auf Ihrem Konto ***9012 eingegangen.",
     "2345.67", "EUR", "credit", "ARBEITGEBER AG", "9012"),
    ("DKB: Ihre Visa Karte *9876 wurde mit 149,00 EUR belastet. Händler: AMAZON EU S.A.R.L.",
     "149.00", "EUR", "debit", "AMAZON EU", "9876"),
    ("Gehaltseingang: 3.100,00 EUR wurden Ihrem Konto DE** **** **** **** 4711 gutgeschrieben.",
     "3100.00", "EUR", "credit", None, "4711"),
    ("Sparkasse: Lastschrift über 65,00 EUR an Stadtwerke München von Konto ***2233 gebucht.",
     "65.00", "EUR", "debit", "Stadtwerke München", "2233"),
    ("ING: Bargeldauszahlung 200,00 € am Geldautomaten, Karte endet auf 8899.",
     "200.00", "EUR", "debit", None, "8899"),
    # German (Austria, Switzerland)
    ("George: Kartenzahlung € 54,20 bei BILLA DANKT, Debitkarte ***3456.",
     "54.20", "EUR", "debit", "BILLA", "3456"),
    ("Raiffeisen: Eingang von 500,00 EUR von Anna Huber auf Ihr Konto endend auf 7788.",
     "500.00", "EUR", "credit", "Anna Huber", "7788"),
    ("UBS: Belastung CHF 1'234.50 auf Ihrem Konto ***4455 bei Migros Zürich.",
     "1234.50", "CHF", "debit", "Migros", "4455"),
    ("PostFinance: Gutschrift CHF 3'250.00 von Muster AG auf Ihr Konto ***6789.",
     "3250.00", "CHF", "credit", "Muster AG", "6789"),
    ("Zürcher Kantonalbank: Ihre Debitkarte **** 1122 wurde mit CHF 87.60 bei COOP BERN belastet.",
     "87.60", "CHF", "debit", "COOP", "1122"),
    # Dutch (Netherlands, Flanders)
    ("ING: Er is € 45,60 afgeschreven van uw rekening eindigend op 1234 voor Albert Heijn 1403.",
     "45.60", "EUR", "debit", "Albert Heijn", "1234"),
    ("Rabobank: Bijschrijving van € 1.250,00 van J. de Vries op uw rekening ***5678.",
     "1250.00", "EUR", "credit", "J. de Vries", "5678"),
    ("ABN AMRO: Betaling van € 12,50 aan Jumbo Supermarkten met pas ****4321.",
     "12.50", "EUR", "debit", "Jumbo Supermarkten", "4321"),
    ("bunq: Je hebt € 25,00 ontvangen van Sanne Bakker.",
     "25.00", "EUR", "credit", "Sanne Bakker", None),
    ("ING: Afschrijving incasso € 89,95 Ziggo B.V. van rekening ***4455.",
     "89.95", "EUR", "debit", "Ziggo", "4455"),
    ("KBC: Uw rekening eindigend op 3456 werd gedebiteerd voor EUR 34,50 bij Delhaize.",
     "34.50", "EUR", "debit", "Delhaize", "3456"),
    # Polish
    ("PKO BP: Obciążenie rachunku ...1234 kwotą 1 234,56 zł. Odbiorca: ALLEGRO SP. Z O.O.",
     "1234.56", "PLN", "debit", "ALLEGRO", "1234"),
    ("mBank: Przelew przych. na rach. ...5678 od: JAN KOWALSKI kw. 3 500,00 PLN; tyt.: czynsz; Dost. 10 234,11 PLN",
     "3500.00", "PLN", "credit", "JAN KOWALSKI", "5678"),
    ("mBank: Transakcja kartą ...4321 na kwotę 89,99 PLN w ZABKA WARSZAWA. Dost. 1 523,45 PLN",
     "89.99", "PLN", "debit", "ZABKA", "4321"),
    ("Pekao: Wypłata z bankomatu 200,00 zł, karta ***7788.",
     "200.00", "PLN", "debit", None, "7788"),
    ("Santander: Uznanie 1 000,00 PLN na rachunek *3344 od ANNA NOWAK.",
     "1000.00", "PLN", "credit", "ANNA NOWAK", "3344"),
    # Czech
    ("ČSOB: Platba kartou 1 250,00 Kč u ALBERT HYPERMARKET, karta *5566.",
     "1250.00", "CZK", "debit", "ALBERT HYPERMARKET", "5566"),
    ("Česká spořitelna: Na účet ***7890 byla připsána částka 25 000,00 CZK od Petr Novák.",
     "25000.00", "CZK", "credit", "Petr Novák", "7890"),
    ("KB: Odchozí platba z účtu ...1234, částka 3 499 Kč, příjemce: O2 Czech Republic.",
     "3499", "CZK", "debit", "O2 Czech Republic", "1234"),
    # Hungarian
    ("OTP Bank: Vásárlás 12 990 Ft, TESCO BUDAPEST, kártya: *4321. Egyenleg: 245 310 Ft.",
     "12990", "HUF", "debit", "TESCO", "4321"),
    ("K&H: Jóváírás 350 000 HUF a ***5678 számlán, küldő: Kovács Anna.",
     "350000", "HUF", "credit", "Kovács Anna", "5678"),
    ("Erste: Terhelés 4 590 Ft, MOL TOLTOALLOMAS, számla ...9012.",
     "4590", "HUF", "debit", "MOL", "9012"),
    # Swedish
    ("Swedbank: Köp 349,00 SEK ICA MAXI, kort ****1234.",
     "349.00", "SEK", "debit", "ICA MAXI", "1234"),
    ("Nordea: Insättning 12 500,00 SEK från ARBETSGIVAREN AB till konto ***5678.",
     "12500.00", "SEK", "credit", "ARBETSGIVAREN AB", "5678"),
    ("Swish: Du har fått 250 kr från Erik Johansson.",
     "250", "SEK", "credit", "Erik Johansson", None),
    # Norwegian
    ("DNB: Kjøp NOK 459,90 hos REMA 1000, kort *4321.",
     "459.90", "NOK", "debit", "REMA 1000", "4321"),
    ("Vipps: Du har mottatt 300 kr fra Ola Nordmann.",
     "300", "NOK", "credit", "Ola Nordmann", None),
    ("SpareBank 1: Trekk på konto ****9012: 1 299,00 NOK, ELKJØP.",
     "1299.00", "NOK", "debit", "ELKJØP", "9012"),
    # Danish
    ("Danske Bank: Køb på 245,50 DKK hos NETTO, kort ***3344.",
     "245.50", "DKK", "debit", "NETTO", "3344"),
    ("MobilePay: Du har modtaget 150,00 kr. fra Mette Hansen.",
     "150.00", "DKK", "credit", "Mette Hansen", None),
    ("Nordea: Indbetaling på konto ***5566: DKK 8.750,00 fra Løn A/S.",
     "8750.00", "DKK", "credit", "Løn A/S", "5566"),
    # Finnish
    ("OP: Korttiosto 23,80 EUR, K-SUPERMARKET KAMPPI, kortti ****7788.",
     "23.80", "EUR", "debit", "K-SUPERMARKET KAMPPI", "7788"),
    ("Nordea: Tilillesi ***1122 on saapunut 1 500,00 EUR, maksaja Matti Virtanen.",
     "1500.00", "EUR", "credit", "Matti Virtanen", "1122"),
    ("S-Pankki: Tililtäsi ***3344 on veloitettu 59,90 €, saaja Elisa Oyj.",
     "59.90", "EUR", "debit", "Elisa Oyj", "3344"),
    # Italian
    ("Intesa Sanpaolo: pagamento di 45,90 EUR presso ESSELUNGA con carta ****1234.",
     "45.90", "EUR", "debit", "ESSELUNGA", "1234"),
    ("UniCredit: addebito di € 1.250,00 sul conto ***5678 per bonifico a ROSSI MARIO.",
     "1250.00", "EUR", "debit", "ROSSI MARIO", "5678"),
    ("Poste Italiane: accredito di 1.800,00 € sul tuo conto ***9012 da AZIENDA SRL. Causale: stipendio.",
     "1800.00", "EUR", "credit", "AZIENDA SRL", "9012"),
    ("Fineco: Prelievo ATM di 250,00 EUR con carta *3456.",
     "250.00", "EUR", "debit", None, "3456"),
    ("Hai ricevuto un bonifico di 350,00 € da Giulia Bianchi sul conto *7788.",
     "350.00", "EUR", "credit", "Giulia Bianchi", "7788"),
    # Greek
    ("Eurobank: Χρέωση κάρτας ****1234 ποσό 35,60€ στο SKLAVENITIS.",
     "35.60", "EUR", "debit", "SKLAVENITIS", "1234"),
    ("Alpha Bank: Πίστωση λογαριασμού ***5678 με ποσό 1.200,00 EUR από ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ.",
     "1200.00", "EUR", "credit", "ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ", "5678"),
    ("Πειραιώς: Πραγματοποιήθηκε αγορά 89,00€ στο PUBLIC με την κάρτα σας με τελευταία ψηφία 4321.",
     "89.00", "EUR", "debit", "PUBLIC", "4321"),
    # Hebrew
    ("ישראכרט: עסקה בסך 245.90 ₪ בבית העסק שופרסל אושרה בכרטיסך המסתיים ב-1234.",
     "245.90", "ILS", "debit", "שופרסל", "1234"),
    ("לאומי: זיכוי בסך 5,000.00 ₪ לחשבונך 5678 מאת ישראל ישראלי.",
     "5000.00", "ILS", "credit", "ישראל ישראלי", "5678"),
    ("בנק הפועלים: חיוב בסך ILS 320.00 מחשבון ***9012 עבור חברת החשמל.",
     "320.00", "ILS", "debit", "חברת החשמל", "9012"),
    # Japanese
    ("【三井住友カード】ご利用のお知らせ\nご利用日時：2026/12/01 12:34\nご利用場所：セブンイレブン\nご利用金額：1,234円",
     "1234", "JPY", "debit", "セブンイレブン", None),
    ("楽天カード ご利用速報メール\nカード末尾1234\nご利用先：AMAZON.CO.JP\nご利用金額：12,800円",
     "12800", "JPY", "debit", "AMAZON.CO.JP", "1234"),
    ("【三菱UFJ銀行】お引き出し 30,000円 口座番号末尾5678 ATM",
     "30000", "JPY", "debit", None, "5678"),
    ("【ゆうちょ銀行】ご入金のお知らせ 振込金額：¥250,000 振込依頼人：ヤマダ タロウ 口座末尾9012",
     "250000", "JPY", "credit", "ヤマダ タロウ", "9012"),
    ("JCBカード ご利用金額 ¥5,500 ご利用先 ユニクロ カード番号下4桁 3456",
     "5500", "JPY", "debit", "ユニクロ", "3456"),
    ("PayPay残高で980円をお支払いしました。支払先：ローソン",
     "980", "JPY", "debit", "ローソン", None),
    ("みずほ銀行: お振込 JPY 15,000 振込先 タナカ ハナコ 口座末尾7788",
     "15000", "JPY", "debit", "タナカ ハナコ", "7788"),
    # Korean
    ("[KB국민카드] 1234 승인 홍*동 12,000원 일시불 12/01 12:34 스타벅스 누적 345,000원",
     "12000", "KRW", "debit", "스타벅스", "1234"),
    ("[신한카드] 승인 홍*동 45,900원(일시불) 12/01 13:20 쿠팡 누적 1,234,500원 카드 끝자리 4321",
     "45900", "KRW", "debit", "쿠팡", "4321"),
    ("[KB국민은행] 12/01 09:00 123-45**-5678 입금 1,500,000원 김철수 잔액 2,345,678원",
     "1500000", "KRW", "credit", "김철수", "5678"),
    ("[신한은행] 출금 50,000원 ATM 계좌 끝자리 9012 잔액 1,200,000원",
     "50000", "KRW", "debit", None, "9012"),
    ("₩89,000 결제 완료 - 배달의민족, 카드 끝자리 3456",
     "89000", "KRW", "debit", "배달의민족", "3456"),
    ("[우리은행] 입금 ₩300,000 이영희 계좌 끝자리 7788",
     "300000", "KRW", "credit", "이영희", "7788"),
    # Chinese (simplified)
    ("【招商银行】您尾号1234的信用卡12月01日12:34消费人民币88.50元，商户：美团。",
     "88.50", "CNY", "debit", "美团", "1234"),
    ("【工商银行】您尾号5678卡12月1日09:00工资收入8,500.00元，余额12,345.67元。",
     "8500.00", "CNY", "credit", None, "5678"),
    ("您尾号9012的储蓄卡12月1日15:20支出(消费)256.00元，可用余额3,210.45元。【建设银行】",
     "256.00", "CNY", "debit", None, "9012"),
    ("支付宝：您尾号3456的银行卡于12月01日在盒马鲜生付款¥158.00。",
     "158.00", "CNY", "debit", "盒马鲜生", "3456"),
    ("【中国银行】您的借记卡账户7788，于12月01日收入（网银转账）人民币5,000.00元，交易后余额15,000.00元。对方户名：张伟。",
     "5000.00", "CNY", "credit", "张伟", "7788"),
    ("交易提醒：交易金额 RMB 1,299.00，交易类型：消费，商户：京东商城，卡号尾号4321。",
     "1299.00", "CNY", "debit", "京东商城", "4321"),
    # Chinese (traditional: Hong Kong, Taiwan)
    ("滙豐：您尾號1234的信用卡於12月01日在百佳超級市場簽賬HK$356.80。",
     "356.80", "HKD", "debit", "百佳超級市場", "1234"),
    ("中銀香港：您尾號5678的戶口已存入HKD 12,000.00，匯款人：陳大文。",
     "12000.00", "HKD", "credit", "陳大文", "5678"),
    ("國泰世華銀行：您末四碼9012卡片於12/01消費NT$1,280，商店：全聯福利中心。",
     "1280", "TWD", "debit", "全聯福利中心", "9012"),
    ("玉山銀行：您末四碼3456的帳戶於12/01轉入新台幣25,000元。",
     "25000", "TWD", "credit", None, "3456"),
]

# Nothing here moves money (yet): counting any of them puts false spend into a budget.
NON_TRANSACTIONS = [
    # German
    "Ihre mTAN lautet 482913 für die Überweisung über 1.250,00 EUR an Max Mustermann. Geben Sie diese TAN "
    "niemals weiter.",
    "Sparkasse: Ihre Kartenzahlung über 89,90 EUR bei MEDIAMARKT wurde abgelehnt. Karte endet auf 1234.",
    "Vodafone GmbH: Der Rechnungsbetrag von 39,99 EUR wird am 05.12.2026 von Ihrem Konto DE** **** 5678 per "
    "SEPA-Lastschrift eingezogen.",
    "Deutsche Bank: Ihr Kontoauszug für November steht im Online-Banking bereit. Kontostand: 2.345,67 EUR.",
    "Vormerkung: Kartenzahlung 120,00 EUR bei SHELL, Karte ****4321. Die Buchung erfolgt in den nächsten Tagen.",
    "UBS: Zahlungserinnerung - Ihre Kreditkartenrechnung über CHF 1'234.50 ist am 15.12.2026 fällig.",
    "N26: Max Mustermann möchte 25,00 € von dir. Tippe hier, um die Anfrage anzunehmen.",
    # Dutch
    "ING: Uw betaling van € 45,00 aan Bol.com is geweigerd. Onvoldoende saldo.",
    "Rabobank: Op 05-12-2026 wordt € 89,95 van uw rekening afgeschreven door Ziggo (incasso-aankondiging).",
    "Tikkie: Sanne heeft je een betaalverzoek van € 12,50 gestuurd voor pizza.",
    # Polish, Czech, Hungarian
    "PKO BP: Transakcja kartą na kwotę 250,00 zł w MEDIA EXPERT została odrzucona. Brak środków.",
    "mBank: Kod SMS: 83920471. Przelew na kwotę 1 500,00 PLN do JAN KOWALSKI. Nie podawaj kodu nikomu.",
    "Przypomnienie: rata kredytu 1 234,56 zł zostanie pobrana z rachunku ***5678 dnia 10.12.2026.",
    "ČSOB: Platba kartou 2 499,00 Kč u ALZA.CZ byla zamítnuta. Nedostatek prostředků.",
    "OTP Bank: Az Ön egyszer használatos kódja: 482913. Vásárlás összege: 45 990 Ft, ALZA.HU. Ne adja meg "
    "senkinek!",
    # Nordic
    "Swedbank: Din betalning på 1 250,00 SEK till Telia förfaller 2026-12-05. Se till att det finns täckning.",
    "DNB: Kortkjøp på NOK 899,00 hos ELKJØP ble avvist. Kort *4321.",
    "Danske Bank: Din saldo på konto ***5566 er 12.345,67 DKK.",
    "OP: Vahvistuskoodi 583920. Maksu 129,00 EUR kauppiaalle ZALANDO. Älä kerro koodia kenellekään.",
    # Italian, Greek, Hebrew
    "Intesa Sanpaolo: il pagamento di 89,00 EUR presso ZARA con carta ****1234 è stato rifiutato.",
    "UniCredit: Offerta per te! Prestito personale fino a 30.000 € a tasso agevolato. Richiedilo in app.",
    "Κωδικός OTP: 583920 για αγορά 149,00€ στο PUBLIC. Μην τον κοινοποιήσετε.",
    "ישראכרט: עסקה בסך 450.00 ₪ בבית העסק KSP נדחתה. לבירורים: *6000",
    # Japanese
    "【楽天カード】ご請求金額のお知らせ 12月27日お支払い分 ご請求金額：45,678円",
    "【三井住友カード】カードのご利用が拒否されました。ご利用金額：12,000円 ご利用先：AMAZON",
    "【認証コード】123456 ご利用金額：5,500円 ご利用先：ユニクロ。このコードを他人に教えないでください。",
    # Korean
    "[신한카드] 승인거절 홍*동 89,000원 쿠팡 한도초과",
    "[KB국민카드] 12월 결제예정금액 1,234,500원 결제일 12/25",
    "[인증번호] 482913 결제금액 45,000원. 타인에게 절대 알려주지 마세요.",
    # Chinese
    "【招商银行】您尾号1234的信用卡在京东商城交易失败，金额人民币2,999.00元，原因：余额不足。",
    "【工商银行】验证码：583920，您正在向张伟转账5,000.00元，请勿泄露。",
    "【建设银行】您的信用卡本期账单金额3,456.78元，最低还款额345.68元，到期还款日12月25日。",
    "滙豐：您尾號5678的信用卡有一筆HK$1,200.00的預授權交易於萬豪酒店。",
    "國泰世華銀行：限時優惠！刷卡滿NT$3,000回饋NT$300，立即登錄。",
]


@pytest.mark.parametrize(("body", "amount", "currency", "direction", "party", "account"), TRANSACTIONS)
def test_heldout10_transactions(body: str, amount: str, currency: str, direction: str, party: str | None,
                                account: str | None) -> None:
    reads_as(body, amount, currency, direction, party, account)


@pytest.mark.parametrize("body", NON_TRANSACTIONS)
def test_heldout10_non_transactions(body: str) -> None:
    refused(body)
