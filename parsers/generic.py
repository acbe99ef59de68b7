"""Generic parser for banks nobody wrote a parser for.

Built from general grammar, not from one bank's strings: money mentions with their roles
(parsers.amounts), direction and kind from multilingual wording, the other side after
at / to / from / by / towards / for / Info: / Desc:, account and card masks in their many
shapes (parsers.masks), dates (parsers.dates). Messages that move no money are refused
first (parsers.negatives): counting one of those is worse than missing an alert.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from models.money import MoneyError, quantize
from parsers import dates, masks
from parsers.amounts import ISO_CODES, AmountError, Mention, mentions, read_number
from parsers.base import Alert, Direction, Kind, ParsedTransaction, ParseResult, Status
from parsers.negatives import CALLED_OFF, FAILED, non_transaction_reason

# "Available credit" is what is left to spend, not money in.
_CREDIT_CARD = re.compile(r"\bcredit\s+card\b|\bcredit\s+limit\b|\bavailable\s+credit\b|\bcr\.?\s*(?:card|crd)\b|\bcreditcard\b",
                          re.IGNORECASE)

# A transfer named without its way ("Transfer: +OMR 25.000 from X", "IMPS ..."): a debit unless a sign says otherwise.
# Russian "перевод" (a transfer) too, and Brazil's Pix ("Pix agendado de R$ 300,00 para MARIA foi realizado").
_WAYLESS_TRANSFER = r"transfer(?:red|ed)?|transfered|trf|imps|neft|rtgs|ift\b|ibft|virement|transferencia|bonifico|تحويل|перевод|pix\b"
# (pattern, direction, kind, tier). Tier 0 phrases settle the direction whatever other
# words say; tier 1 words say which way the money went; tier 2 words only say that it
# moved (a "transaction", a "payment"), which means a debit.
_WORDING: tuple[tuple[str, Direction, Kind, int], ...] = (
    (r"credited to (?:the )?(?:beneficiary|payee)|returned unpaid|cheque (?:was |has been )?returned|"
     r"(?:cheque|check) bounced", Direction.DEBIT, Kind.DEBIT, 0),
    (r"(?:made |paid |deposited )?into your (?:a/?c|acc(?:oun)?t)|received in your|paid to you\b",
     Direction.CREDIT, Kind.CREDIT, 0),
    # "We wish to inform you that a Credit transaction occurred on your account" (e-mail alerts that
    # name the entry's side, then list the details in a table).
    (r"(?:an?|the)\s+credit\s+(?:transaction|entry)\s+(?:has\s+)?(?:occurred|took place|was posted)",
     Direction.CREDIT, Kind.CREDIT, 0),
    (r"(?:an?|the)\s+debit\s+(?:transaction|entry)\s+(?:has\s+)?(?:occurred|took place|was posted)",
     Direction.DEBIT, Kind.DEBIT, 0),
    # "SAM TREMBLAY sent you $120.00", "JOHN paid you KES 500": someone else's payment to the customer.
    (r"(?:sent|paid|transferred) you\b(?!\s+an?\s+(?:\w+\s+)?request)", Direction.CREDIT, Kind.CREDIT, 0),
    # "You have received a transfer of THB 1,200", "Recibiste una transferencia SPEI", "Virement reçu":
    # a transfer named with the verb that says it came in (a transfer alone would read as money out).
    # Italian "Hai ricevuto un bonifico" / "bonifico ricevuto" too.
    (r"(?:received|recib\w*|receb\w*|ricevut\w*|re[çc]u)\s+(?:\w+\s+){0,2}?(?:transfer|transferencia|transfer[êe]ncia|virement|"
     r"pix|bonifico)\b|"
     r"(?:transfer|transferencia|transfer[êe]ncia|virement|pix|bonifico)\s+(?:received|recibida|recebid[oa]|re[çc]u|"
     r"ricevut[oa])\b",
     Direction.CREDIT, Kind.TRANSFER, 0),
    # "Debit of Rs 750.00 on your card has been reversed", "OMR 5.000 spent at SHOP was refunded": the
    # money came back. The gap stays in the sentence (a dot only between digits, as in an amount) and
    # names no credit ("the earlier credit was reversed" takes money out again).
    (r"(?:debit|charge|purchase|transaction|txn|payment|spent|withdrawal|transfer)\b"
     r"(?:(?!credit|refund|deposit)(?:[^.|]|(?<=\d)\.(?=\d))){0,80}?"
     r"\b(?:has been|have been|was|were|is|got)\s+(?:(?:successfully|fully|now)\s+)?(?:reversed|refunded)\b",
     Direction.CREDIT, Kind.REFUND, 0),
    # A chargeback gives a disputed card payment back to the customer once it is done ("Chargeback of OMR
    # 12.500 processed", "... has been approved"); not one only requested, to be done or not done, nor one
    # beside a debit. One being reversed ("chargeback reversed/reversal") takes the money out again.
    (r"charge[- ]?back\s+revers(?:ed|al)", Direction.DEBIT, Kind.DEBIT, 0),
    (r"charge[- ]?back\b(?:(?!debit|revers|fee|not\b|n't\b)(?:[^.|]|(?<=\d)\.(?=\d))){0,80}?(?<!\bbe )(?<!being )"
     r"\b(?:credited|processed|refunded|approved|accepted|completed|settled|successful)\b",
     Direction.CREDIT, Kind.REFUND, 0),
    # Russian "Возврат покупки 1 250 руб. от OZON зачислен" (a purchase given back): the purchase word nearer the
    # amount must not make it a debit. Not "возврат кредита" (a loan repaid, money out).
    (r"возврат\s+(?:покупки|средств|платежа|денег|по\s+операции)", Direction.CREDIT, Kind.REFUND, 0),
    # Arabic استرداد / مسترد ("refund", "refunded"); Portuguese estorno (a purchase given back), Spanish reembolso,
    # French remboursement.
    (r"refund(?:ed)?|revers(?:ed|al)|cash\s?back credited|estorn(?:o|ad[oa])|reembols(?:o|ad[oa])|"
     r"rembours(?:ement|[ée]e?)|استرداد|مسترد", Direction.CREDIT, Kind.REFUND, 1),
    # "TRANSFER FROM EMEKA NWANKWO" (a narration): a transfer from someone else came in; one "from
    # your account" or from a number is the customer's own.
    (r"transfer\s+from\s+(?!your\b|my\b|a/?c\b|acc|account\b|card\b|saving|current|checking|mobile|internet|online|"
     r"net\b|app\b|atm\b|branch|[\dXx*#])"
     r"(?-i:[A-Z][A-Z.'\-]+\s+[A-Z])", Direction.CREDIT, Kind.TRANSFER, 1),
    # "Incoming local transfer:", "Incoming SWIFT payment" (a table heading): a word or two may name its kind.
    (r"sent to your|transfer(?:red)? in\b|"
     r"incoming (?:[\w-]+ ){0,2}?(?:transfer|payment|remittance)", Direction.CREDIT, Kind.CREDIT, 1),
    (r"received [^.|]{0,40}? from your (?:a/?c|account)|your payment of [^|]{0,60}? (?:has been )?received",
     Direction.DEBIT, Kind.TRANSFER, 1),
    # Russian зарплата (salary: "Зачисление зарплаты 65 000р").
    (r"salary|salaire|salario|sal[áa]rio|gaji|راتب|зарплат", Direction.CREDIT, Kind.SALARY, 1),
    # Russian "Перевод 5 000р от Иван И." (a transfer from a named person) came in; "от" (from) before a
    # capitalised name, not a date ("от 14.05.2025").
    (r"от\s+(?-i:[А-ЯЁA-Z])", Direction.CREDIT, Kind.TRANSFER, 1),
    # "Cash Out Tk 2,000.00 to 017...": a wallet's withdrawal at an agent.
    # Russian выдача/снятие (cash out), Turkish "nakit cekilmistir" (cash drawn).
    # Swahili umetoa (you withdrew: "Umetoa Tsh100,000.00 kwa wakala ...").
    (r"withdr[ae]wn?|withdrawal|cash wdl|cwdr|atm|levantaste|kimetolewa|umetoa|retrait|retiro|سحب|tarik tunai|cash[- ]?out\b|"
     r"выдача|снятие|[çc]ekilmi[sş]tir|[çc]ekildi\b|"
     # Polish wypłata (withdrawal: "Wypłata z bankomatu"), Czech výběr, Hungarian készpénzfelvétel, Swedish uttag,
     # Norwegian uttak, Danish hævning, Finnish nosto, Italian prelievo, Greek ανάληψη.
     r"wyp[łl]at[aay]|v[ýy]b[ěe]r|k[ée]szp[ée]nzfelv[ée]tel|uttag|uttak|hævning|nosto\b|prelievo|αν[άα]ληψη",
     Direction.DEBIT, Kind.WITHDRAWAL, 1),
    # A loan paid out to the customer ("Your loan of NGN 200,000 has been disbursed to your account").
    # "Your M-Shwari loan of Ksh3,000.00 has been approved and transferred to your M-PESA account": the loan
    # moved into the wallet, whatever "transferred" alone would say; not a repayment "paid to your loan".
    (r"disbursed|disbursement|loan\b(?:(?!repay|instal)(?:[^.|]|(?<=\d)\.(?=\d))){0,60}?\b(?:transferred|sent|credited|deposited|paid) "
     r"(?:in)?to your\b(?!\s+loan)",
     Direction.CREDIT, Kind.CREDIT, 1),
    # M-Pesa's deposit at an agent: "Give Ksh5,000.00 cash to SKYLINE AGENCIES" (the customer hands over cash and
    # the wallet is credited).
    (r"give\s+(?:[^\W\d_]{1,4}\.?\s?)?\d[\d,.]*\s+cash to\b", Direction.CREDIT, Kind.DEPOSIT, 1),
    # A wallet loaded: "Your Paytm Wallet has been topped up with Rs. 2,000", "INR 500.00 has been added to your
    # Amazon Pay balance" (not a phone's airtime "topped up with KES 100 airtime", which is bought), "Rs. 500.00
    # has been loaded to your eSewa account".
    (r"(?:has been|have been|was|were|got) topped up(?![^.|]{0,40}\b(?:airtime|data|bundle|recharge)\b)|"
     r"added to your (?:[\w-]+ ){0,3}(?:wallet|balance)\b|loaded (?:to|into|in) your (?:[\w-]+ ){0,3}(?:wallet|balance|account)\b",
     Direction.CREDIT, Kind.CREDIT, 1),
    (r"deposit(?:ed)?|cash[- ]?dep\b\.?|cash[- ]in\b|depositaste|recebe\w*|d[ée]p[ôo]t|dep[óo]sito", Direction.CREDIT, Kind.DEPOSIT, 1),
    # recibiste/recibido/recebido (Spanish, Portuguese), "dana masuk" (Indonesian), "Money in: £62", umeweka
    # (Swahili "you deposited"), ontvangen/bijschrijving/bijgeschreven (Dutch "received"/"credit"/"credited"),
    # menerima/diterima (Indonesian "receive"/"received"), accreditato/in entrata/ricevuto (Italian
    # "credited"/"incoming"/"received").
    (r"credited|received|receive\b|(?<![A-Za-z])cr\b\.?|credit\b|inward|umepokea|imepokelewa|abono|recib\w*|receb\w*|"
     r"(?:dana|uang|transfer) masuk|money in\b|umeweka|ontvangen|bijschrijving|bijgeschreven|menerima|diterima|"
     r"accreditat[oai]|in entrata|ricevut[oaie]|"
     # Spanish abonado (credited: "Se ha abonado ... en tu cuenta"), Indonesian dikreditkan (credited).
     r"abonad[oa]|dikreditkan|"
     # Arabic إيداع (deposit, credit) also written without the hamza, ايداع, as many SMS gateways type it.
     r"cr[ée]dit[oa]?|reçu|creditad[oa]|[إا]يداع|تم [إا]يداع|استلام|وارد|jama|"
     # Hindi जमा किया गया / जमा हो गया (was credited); not जमा किया जाएगा / जमा होगा (will be).
     r"जमा\s+(?:किया\s+गया|किए\s+गए|की\s+गई|हो\s+गया|हो\s+गई|हुआ|हुए)|"
     # Russian пополнение/зачисление/поступление (top-up, credit, incoming), Ukrainian поповнення/зарахування/
     # надходження; Turkish gelmiştir (came in), yatırılmıştır (was paid in), hesabınıza (to your account;
     # not hesabınızdan, from it).
     r"пополнени|зачислен|поступлени|поповнення|зарахуван|надходжен|gelmi[sş]tir|yat[ıi]r[ıi]lm[ıi][sş]t[ıi]r|yat[ıi]r[ıi]ld[ıi]|"
     r"hesab[ıi]n[ıi]za(?![^\W\d_])|"
     # German erhalten (received), Dutch gecrediteerd (credited), Polish uznanie/wpływ/"przelew przych." (credit,
     # inflow, incoming transfer), Czech připsána/příchozí (credited, incoming), Hungarian jóváírás (credit),
     # Swedish insättning/fått (deposit, received), Norwegian mottatt/innbetaling, Danish modtaget/indbetaling,
     # Finnish saapunut/tilillesi (arrived, to your account), Italian accredito, Greek πίστωση/πιστώθηκε.
     r"erhalten|gecrediteerd|uznani[ea]|wp[łl]yw\w*|przelew\s+przych\w*|p[řr]ips[áa]n[aoy]?|p[řr][íi]choz[íi]|"
     r"j[óo]v[áa][íi]r[áa]s\w*|ins[äa]ttning|fått\b|mottatt|innbetaling|modtaget|indbetaling|saapunut|tilillesi|"
     r"accredito|π[ιί]στωση|πιστ[ωώ]θηκε|"
     # Mobile money in the languages of its markets: French "recu" (wallets drop the accent), Filipino
     # "Nakatanggap ka" (you received), Vietnamese "vua/da nhan" (just / have received), Urdu in Latin letters
     # "mosool/wasool hue" (were received), Amharic ተቀብለዋል (you have received), Bengali পেয়েছেন (you received).
     r"recu\b|(?:naka)?tanggap ka\b|natanggap mo\b|(?:vua|vừa|da|đã) nh[aậ]n\b|(?:m[ao]u?sool|wa?u?sool)\b|"
     r"ተቀብለዋል|ገቢ ተደርጓል|" + unicodedata.normalize("NFKC", "পেয়েছেন|জমা হয়েছে"), Direction.CREDIT, Kind.CREDIT, 1),
    # pagaste/pagou (Spanish, Portuguese "you paid"), umelipa (Swahili), harcama (Turkish "spending"),
    # afschrijving (Dutch "debit").
    # consumo (Spanish "spend"), płatność/platnosc/platba (Polish, Czech "payment"), köp (Swedish "purchase"),
    # vásárlás/vasarlas (Hungarian "purchase"), thanh toan (Vietnamese "payment", unaccented in SMS).
    # Swahili imelipwa (has been paid), umenunua (you bought: airtime, a bundle); Filipino "nagbayad ka" (you paid);
    # "Ksh454.50 from your M-PESA has been used to fully pay your outstanding Fuliza" (a loan repaid).
    (r"spent|spending|purchase|compra|achat|thanh to[aá]n|used (?:for|at)|used to (?:\w+ )?(?:re)?pay\b|utilised|paid\b|"
     r"malipo|charged|pos\b|شراء|pagaste|pagou|imelipwa|umenunua|nagbayad|ከፍለዋል|"
     r"umelipa|harcama|afschrijving|consumo|p[łl]atno[śs][ćc]|platba|köp\b|v[áa]s[áa]rl[áa]s|"
     r"(?:a|new|pending|recurring) charge\b|pembelian|belanja|pembayaran|purch\b|"
     # Russian покупка/оплата (purchase, payment).
     r"покупк|оплат|"
     # German bezahlt (paid), Dutch betaald, Norwegian kjøp, Danish køb/betalt, Finnish (kortti)osto (card
     # purchase), Greek αγορά (purchase).
     r"bezahlt|betaald|kjøp|køb\b|betalt\b|(?:kortti)?osto\b|αγορ[άα]",
     Direction.DEBIT, Kind.PURCHASE, 1),
    # enviou/enviaste/envió (Portuguese, Spanish), dana keluar ("money out", Indonesian), "Money out: £20".
    # Turkish gönderilmiştir (was sent), hesabınızdan (from your account).
    # French "envoye" (sent), Filipino "nagpadala ka" (you sent), Vietnamese "da/vua chuyen" (have / just
    # transferred), Urdu in Latin letters "bhejay/bheje" (sent), Amharic ልከዋል (you have sent), Bengali পাঠিয়েছেন.
    (r"sent|send money|send\b|umetuma|kimetumwa|envoy[ée]e?s?\b|nagpadala|(?:da|đã|vua|vừa) chuy[eể]n\b|bhej(?:ay|e|a|i)\b|"
     r"ልከዋል|" + unicodedata.normalize("NFKC", "পাঠিয়েছেন") + r"|envi(?:ou|aste|[oó]\b|ado)|(?:dana|uang|transfer|money) keluar|money out\b|"
     r"g[öo]nderilmi[sş]tir|g[öo]nderildi|hesab[ıi]n[ıi]zdan|"
     # German gesendet/überwiesen, Dutch overgemaakt, Swedish skickat, Norwegian/Danish sendt, Finnish lähetetty,
     # Italian inviato, Polish "przelew wych." / wysłany (outgoing transfer, sent).
     r"gesendet|überwiesen|overgemaakt|skickat|sendt\b|l[äa]hetetty|inviat[oa]\b|przelew\s+wych\w*|wys[łl]an[yoa]\b",
     Direction.DEBIT, Kind.TRANSFER, 1),
    (_WAYLESS_TRANSFER, Direction.DEBIT, Kind.TRANSFER, 1),
    # afgeschreven (Dutch "debited"), addebitato/addebito (Italian "debited"/"debit"), Indonesian didebet
    # (debited), French prélevé/prélèvement (taken by direct debit: "Frais ... prélevés sur votre compte").
    (r"debited|debit\b|(?<![A-Za-z])dr\b\.?|deducted|debitad[oa]|d[ée]bit[oa]?|cargo|تم خصم|خصم|مدين|kutoka|"
     # obciążenie/obciążono (Polish "charge"/"charged").
     r"withdrew|afgeschreven|addebitat[oai]|addebito|obci[ąa][żz]\w*|didebet|didebit(?:kan)?|"
     r"pr[ée]lev[ée]e?s?(?![^\W\d_])|pr[ée]l[èe]vement|"
     # Swahili imetozwa/umetozwa/zimetozwa (has been / you have been charged: "Ada ya huduma Ksh 30.00 imetozwa").
     r"(?:i|u|zi)metozwa|"
     # Russian списание/списано, Ukrainian списання (debit, debited).
     r"списани|списан[оа]?(?![^\W\d_])|списання|"
     # Dutch gedebiteerd (debited), Czech odchozí/odepsána (outgoing, debited), Hungarian terhelés (charge),
     # Norwegian trekk (deduction), Finnish veloitettu/veloitus/tililtäsi (charged, from your account), Greek
     # χρέωση/χρεώθηκε (charge, charged).
     r"gedebiteerd|odchoz[íi]|odeps[áa]n[aoy]?|terhel[ée]s\w*|trekk\b|veloitettu|veloitus|tililt[äa]si|"
     r"χρ[εέ]ωση|χρε[ωώ]θηκε", Direction.DEBIT, Kind.DEBIT, 1),
    # "using your Credit Card" (the masked "_" run), paiement/pagamento/pago/betaling ("payment").
    (r"txn of|transaction\b|txn\b|transaksi\b|using (?:your )?(?:[\w-]+ ){0,4}(?:card\b|_{6,})|approved|authori[sz]ed|"
     r"auth pmt|payment\b|paiement|pagamento|pago\b|betaling|wallet load|made a\b|pending charge|kwenda|receipt\b|"
     # Polish transakcja, Swedish betalning, Finnish maksu (a payment).
     r"transakcj[aię]|betalning|maksu\b|"
     # An alert that opens with an amount "at" a shop and says nothing else: "💳 €12.99 at NETFLIX.COM",
     # "Card xx1234: AED 1,050.00 at EMIRATES". Only at the start: "Your subscription of USD 9.99 at
     # SPOTIFY renews", "spend USD 100 at BEST BUY", "OMR 5,000.000 at attractive rates" move no money.
     r"^\W{0,6}(?:(?:card|acct|a/?c|account)\s*[\dXx*#•.]+\s*:\s*)?(?:[A-Z]{2,3}\$?\s?|[^\w\s]{1,2}\s?)?"
     r"\d[\d,.' ]*(?:\s?[A-Z]{3})?\s+(?:at|@)\s+(?-i:(?=[A-Z]))",
     Direction.DEBIT, Kind.PURCHASE, 2),
)
# Thai writes words without spaces, so these match inside longer words.
_THAI_WORDING: tuple[tuple[str, Direction, Kind, int], ...] = (
    # "รับ" (receive) also ends "สำหรับ" (for): "สำหรับโอนเงิน" is "for a transfer", not one received.
    (r"โอนเงินเข้า|(?<!สำห)รับโอน|รับเงินโอน", Direction.CREDIT, Kind.TRANSFER, 1),
    (r"เงินฝากเข้า|ฝากเงิน", Direction.CREDIT, Kind.DEPOSIT, 1),
    (r"เงินเข้า|รับเงิน", Direction.CREDIT, Kind.CREDIT, 1),
    (r"ถอนเงิน", Direction.DEBIT, Kind.WITHDRAWAL, 1),
    # Not the transfer inside "รับโอนเงิน" (received a transfer), which is nearer the amount than its "รับ".
    (r"โอนเงินออก|(?:(?<=สำหรับ)|(?<!รับ))โอนเงิน", Direction.DEBIT, Kind.TRANSFER, 1),
    # "เงินออก" (money out), "หักเงิน"/"ถูกหัก" (deducted), "หักบัญชี" (debited from the account).
    (r"เงินออก|หักเงิน|ถูกหัก|หักบัญชี", Direction.DEBIT, Kind.DEBIT, 1),
    (r"ใช้จ่าย|ชำระ|ซื้อ", Direction.DEBIT, Kind.PURCHASE, 1),
)
# Korean writes these inside longer words too ("승인", approved; "출금", withdrawal; "입금", deposit).
_KOREAN_WORDING: tuple[tuple[str, Direction, Kind, int], ...] = (
    (r"입금", Direction.CREDIT, Kind.DEPOSIT, 1),
    (r"출금", Direction.DEBIT, Kind.WITHDRAWAL, 1),
    # 일시불 (paid in one sum, as opposed to instalments) names a card purchase approved.
    (r"승인|결제|일시불", Direction.DEBIT, Kind.PURCHASE, 1),
)
# Chinese and Japanese write words without spaces, and Hebrew glues its prepositions to the word ("בחיוב"), so
# these too match inside longer runs. Chinese 入账/收入/存入/转入/到账/汇入/收到 (credited, income, deposited,
# transferred in, arrived, remitted in, received), Japanese 入金 (deposit), Hebrew זיכוי (credit); 消费/签账/刷卡/
# 付款/支付/支出/扣款/转出 (spend, card charge, pay, expense, deduct, transferred out; not the wallet 支付宝),
# Japanese ご利用 (use of the card), お支払い (payment), お振込 (the customer's own transfer), Hebrew חיוב (charge).
_CJK_WORDING: tuple[tuple[str, Direction, Kind, int], ...] = (
    (r"入账|入賬|收入|存入|转入|轉入|到账|到賬|汇入|匯入|收到|入金|זיכוי", Direction.CREDIT, Kind.CREDIT, 1),
    (r"取现|取現|取款|提款|お引き?出し|引出し", Direction.DEBIT, Kind.WITHDRAWAL, 1),
    (r"消费|消費|签账|簽賬|刷卡|付款|支付(?![宝寶])|支出|扣款|转出|轉出|ご利用|お支払|お振込|חיוב", Direction.DEBIT,
     Kind.PURCHASE, 1),
    # Hebrew עסקה, Chinese 交易 (a transaction): that money moved, not its way.
    (r"עסקה|交易", Direction.DEBIT, Kind.PURCHASE, 2),
)
# German builds compounds ("Kartenzahlung", "Zahlungseingang"), so these too match inside longer words.
_GERMAN_WORDING: tuple[tuple[str, Direction, Kind, int], ...] = (
    # "Gutschrift ... eingegangen", "3.100,00 EUR wurden Ihrem Konto gutgeschrieben", "Eingang von 500,00 EUR";
    # not an inbox ("Posteingang").
    (r"gutschrift|zahlungseingang|geldeingang|gutgeschrieben|eingegangen|(?<!post)eingang\b", Direction.CREDIT,
     Kind.CREDIT, 1),
    (r"auszahlung|geldautomat", Direction.DEBIT, Kind.WITHDRAWAL, 1),
    # "Ihre Karte wurde mit 45,90 EUR bei SHOP belastet" (charged).
    (r"lastschrift|abbuchung|belastung|belastet|kartenzahlung|abhebung", Direction.DEBIT, Kind.DEBIT, 1),
    (r"zahlung\b|überweisung", Direction.DEBIT, Kind.PURCHASE, 2),
)
_WORD_RES = tuple(
    (re.compile(r"(?<![^\W\d_])(?:" + p + r")", re.IGNORECASE), d, k, tier) for p, d, k, tier in _WORDING
) + tuple(
    # The text is NFKC-normalised (parsers.extract), which splits Thai's SARA AM: "ชำระ" (pay) arrives as
    # "ชําระ". The patterns are folded the same way, or no word with that vowel could ever match.
    (re.compile(unicodedata.normalize("NFKC", p)), d, k, tier) for p, d, k, tier in _THAI_WORDING + _KOREAN_WORDING
) + tuple(
    (re.compile(p), d, k, tier) for p, d, k, tier in _CJK_WORDING
) + tuple(
    (re.compile(p, re.IGNORECASE), d, k, tier) for p, d, k, tier in _GERMAN_WORDING)
# Index of the entry above whose words name a transfer but not its way.
_WAYLESS = next(i for i, w in enumerate(_WORDING) if w[0] == _WAYLESS_TRANSFER)
# Words that name the kind precisely; one anywhere refines a plain debit/credit/purchase.
_REFINING = tuple(w for w in _WORD_RES[:len(_WORDING)] if w[2] in (Kind.SALARY, Kind.WITHDRAWAL, Kind.DEPOSIT))

# Capitals of the Latin scripts of Europe (ELKJØP, ŁÓDŹ, ČEZ) and Greek.
_UPPER = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰΑ-Ω"
# A card or account field in the languages of Europe: "kártya: *4321", "kortti ****7788", "számla ...9012".
_OWN_FIELD = r"(?i:\w*karte|kort\w*|kart[aąy]|k[áa]rty[aá]|carta|pas|konto|rekening|rachun\w*|[úu][čc](?:et|tu)|" \
             r"sz[áa]ml[áa]\w*|tili\w*|conto)\b"
# A name's first letter: one of those capitals, or a Hebrew letter (the script has no capitals).
_NAME_START = r"(?-i:[" + _UPPER + r"\u05d0-\u05ea])"

# The other side of the transaction, after a preposition or a label.
_STOP = (r"(?=\s+(?:on|via|using|with|ref|avl|avail|available|bal|balance|if|not you|from your|from (?:a/?c|acc|acct|account|card|checking|savings)|posted (?:to|in|on)|in your|"
         # The customer's own bank and account after the name: "to Chai Point from Paytm Payments Bank a/c XX9012",
         # "from AHMED ALI into your Wio account".
         r"from (?:[\w&.'\-]+ ){1,4}(?:a/?c|acct|account)|into (?:your|the|a/?c|acc|account)|"
         # "para 2588... CARLOS MONDLANE efectuada com sucesso" (Portuguese "done"), "successful" alone.
         r"efe?ctuad[oa]|realizad[oa]|successful(?:ly)?|"
         r"dated|at (?=\d)|on (?=\d)|for|of rs|thru|through|para|con|com|avec|pour|berhasil|dengan|is successful|was successful|has been|value|date|txn|"
         # A date or the customer's own account after a name in Portuguese, Spanish, French, Indonesian:
         # "de MARIA em 03/03", "de JUAN a tu cuenta", "ke SITI pada 03/03", "dari BUDI ke rekening".
         r"(?:em|en|el|le|a las|às|pada|tgl|tanggal) (?=\d)|pada|(?:en|a|em|na|no|sur|dans|ke|di|dari) (?:tu|su|sus|sua|seu|votre|ton|rek\w*|akun|kartu)|"
         r"(?:mit|auf|met) (?:karte|konto|ihre\w*|pas)|"
         # The customer's own account or card after a name: German "von Konto ***2233", "auf Ihr Konto", Dutch "op uw
         # rekening", Swedish "till konto", Polish "kw." / "kwota" (the amount), "tyt." (the transfer's title).
         r"(?:von|vom|auf|van|op|till|til|på) (?:\w*karte|konto|ihr\w*|uw|je|rekening|kort)|kw|kwot\w*|tyt|"
         # Greek "με την κάρτα" (with the card), Italian "per bonifico" (by transfer).
         r"με|per bonifico|"
         # German and Dutch put the verb last: "an Lisa Müller gesendet", "van Sanne ontvangen".
         r"gesendet|überwiesen|bezahlt|erhalten|gebucht|belastet|gutgeschrieben|eingezogen|overgemaakt|betaald|"
         r"ontvangen|afgeschreven|bijgeschreven|"

         # Italian "da MARIO ROSSI sul conto ****9921" (on the account).
         r"(?:sul|sulla|nel|nella) (?:conto|carta|tuo|tua|vostro)|"
         r"transaction|upi|info|rrn|utr|card|carte|tarjeta|karta|kartou|kartya|kort|a/?c|acct|account|credited|debited|accreditat[oa]|addebitat[oa]|reference|trx|tx|"
         # French "débité", "crédité", "prélevé" (debited, credited, taken).
         r"débitée?s?|créditée?s?|prélevée?s?|"
         # Indonesian/Malay "telah" (has been: "dari SHOPEE telah dikreditkan"), Russian зачислен/списан (credited,
         # debited: "от OZON зачислен на карту").
         r"telah|зачислен[аоы]?|списан[аоы]?|"
         r"failed)\b"
         r"|\s+(?:was|were|is|has|have)\s+(?:been\s+)?(?:[a-z]+ed|made|paid|sent|taken)\b|\s+total\s+(?:fee|charges?|amount)\b|(?<!\bmr)(?<!\bmrs)(?<!\bms)[.;|]\s|[.;|]$|\s+;|\s[-/]\s|\(|$|\s{2,}|,\s*(?:avl|bal|on|ref|your|the|a/?c|acct|account|akaunti|conta|cuenta)\b|,\s+an?\s"
         # A card or account field after a comma, in the languages of Europe: "bei BILLA DANKT, Debitkarte ***3456",
         # "hos NETTO, kort ***3344", "u ALBERT HYPERMARKET, karta *5566".
         r"|,\s*" + _OWN_FIELD +
         # Chinese and Japanese punctuation, and the account or card word that follows a name there ("振込依頼人:ヤマダ
         # タロウ 口座末尾9012", "ご利用先 ユニクロ カード番号下4桁"); Hebrew "אושרה" (approved), "בכרטיסך" (on your card).
         r"|\s*[。，、；！]|(?=\s*(?:口座|カード|계좌|카드|卡号|卡號|账户|帳戶|戶口))"
         r"|(?=\s+(?:אושרה|אושר|בכרטיס\w*|בתאריך|לחשבונך|מחשבון\w*)(?!\w))"
         r"|\.(?=(?:rrn|utr|ref|avl|bal|txn|upi|not|call|sms|your|info|if)\b)"
         # Arabic: باستخدام (using), بطاقتك (your card), حسابك (your account), بتاريخ (on date), في (in).
         r"|\s+(?:باستخدام|بواسطة|ببطاقة|ببطاقتك|بطاقة|بطاقتك|حساب|حسابك|بحسابك|بتاريخ|في|رقم|المنتهية|عبر)(?![^\W\d_])"
         r"|\s+(?:[A-Z]{3}|Rs\.?|INR)\s?\d|\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\s+\d{1,2}:\d{2})")
# Labels of the row that names the other side in e-mail tables (English, German, Spanish, French,
# Italian, Dutch, Arabic), longest first where one starts another.
_ROW_LABELS = (r"(?:Merchant(?:\s+(?:Name|Details))?|(?:Transaction\s+)?(?:Description|Details)|Narration|"
               r"(?:Biller|Payee|Beneficiary|Sender|Remitter|Receiver|Recipient)(?:\s+Name)?|Paid to|Received from|"
               r"Händler|(?:Zahlungs)?empfänger|Auftraggeber|Comercio|Establecimiento|Empresa|Beneficiario|Ordenante|"
               r"Commer[çc]ant|Esercente|Naar|اسم التاجر|التاجر|اسم المستفيد|المستفيد|اسم المرسل|المرسل|"
               r"اسم الجهة|الجهة|الوصف|البيان)"
               # Not a row about the name's other details: "Merchant ID", "Beneficiary Bank", "Payee Account".
               r"(?!\s*(?:bank|account|a/?c|iban|swift|bic|branch|country|city|address|type|code|id|no\b|number|"
               r"mobile|phone|nick\s?name|category|mcc|location|reference|ref\b|date|amount|currency|details|"
               r"info(?:rmation)?)\b)")
_NEXT_ROW = (r"(?!(?:merchant|beneficiary|payee|sender|remitter|biller|description|narration|amount|card|account|"
             r"date|transaction|type|status)\b)")
# A name in capitals, or any name in brackets.
_WALLET_NAME = r"\(?(?P<v>[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]*){0,4}(?![\w\-])|(?<=\()[A-Z][\w.' \-]{1,40}(?=\)))"
# A name in capitals before a Turkish postposition (Turkish capitals included): "MEHMET DEMİR adlı alıcıya".
_TR_NAME = r"(?-i:(?<![\w'])(?P<v>[A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ0-9&.'\-]*(?:\s[A-ZÇĞİÖŞÜ0-9&.'\-]+){0,5}))"
# The end of a name in Thai: the next field word (date, time, balance, account, via, reference, fee).
_THAI_STOP = (r"(?:(?=\s+(?:วันที่|เวลา|คงเหลือ|ยอด|เข้าบัญชี|จากบัญชี|ผ่าน|เลขที่|อ้างอิง|ค่าธรรมเนียม))|"
              + _STOP + ")")
# A name after a Thai preposition; the title (Mr, Mrs, Miss) is not the name.
_THAI_NAME = r"(?!บัญชี|บช|บัตร|คุณ|[\dXx*#])(?:(?:นางสาว|นาย|นาง|น\.ส\.)\s*)?(?P<v>[^\n|]+?)" + _THAI_STOP
_PARTY = (
    # "Des: WEB PURCHASE SHOP" (a short "description" label) among the usual ones.
    # Arabic من/إلى (from/to) and Dutch Van/Naar as labels too: "من: محمد العتيبي".
    # Vietnamese "ND: ..." / "Noi dung: ..." (the transfer's content, its memo).
    # Portuguese Ordenante/Remetente (the payer), Estabelecimento/Comerciante (the merchant).
    (re.compile(r"\b(?P<lab>Info|Desc(?:ription)?|Des|Remarks?|Narration|Details|Merchant(?: name)?|At|To|From|For|ND|"
                r"N[oộ]i dung|Ordenante|Remetente|Estabelecimento|Comerciante|"
                # German Händler/Empfänger/Auftraggeber, Polish Odbiorca/Nadawca, Czech příjemce/plátce, Hungarian
                # küldő/kedvezményezett, Swedish mottagare/avsändare, Norwegian/Danish mottaker/modtager (payee,
                # payer, sender); Chinese 商户/商店 (merchant), 对方户名 (the other side's name), 匯款人/付款人/收款人
                # (remitter, payer, payee), Japanese 支払先 (paid to).
                r"H[äa]ndler|(?:Zahlungs)?empf[äa]nger|Auftraggeber|Odbiorca|Nadawca|P[řr][íi]jemce|Pl[áa]tce|K[üu]ld[őo]|"
                r"Kedvezm[ée]nyezett|Mottagare|Avs[äa]ndare|Mottaker|Modtager|商户|商戶|商店|商家|对方户名|對方戶名|"
                r"匯款人|汇款人|付款人|收款人|支払先|"
                # "Where: SHELL OIL 57442" (US card alerts' field for the merchant).
                r"Name|Beneficiary|Payee|Payer|Sender|Recipient|Receiver|Paid|Spent at|Purchase at|Van|Naar|Where|من|إلى)"
                r"\s*[:=]\s*(?P<v>[^\n|]+?)" + _STOP, re.IGNORECASE), "label"),
    # Labels that need no colon: Finnish maksaja/saaja (payer, payee: "on saapunut 1 500,00 EUR, maksaja Matti
    # Virtanen"), Japanese ご利用先/ご利用場所 (where the card was used), 振込先/振込依頼人 (payee, remitter).
    (re.compile(r"(?<![^\W\d_])(?P<lab>maksaja|saaja|ご利用先|ご利用場所|振込先|振込依頼人)\s*[:=]?\s*(?P<v>[^\n|]+?)"
                + _STOP, re.IGNORECASE), "label"),
    # A table row of an e-mail rendered as a line, label cell then value cell, with a colon, a " | " or
    # only a space between: "Description | POS CORNER PHARMACY", "Merchant Name NOON.COM", "Händler REWE
    # MARKT", "التاجر كارفور". The value runs to the end of the row (cells hold no sentences); without a
    # colon it must not start with a small letter ("Details are given below" is a sentence).
    # A bilingual label names the row twice: "Merchant / التاجر MUSCAT BAKERY".
    # A heading row ("Merchant Details") is followed by another row, never by its value.
    (re.compile(r"(?:^|(?<=\|\s))" + _ROW_LABELS + r"(?:\s*/\s*" + _ROW_LABELS + r")?"
                r"(?:\s*[:|]\s*|\s+(?-i:(?![a-z])))" + _NEXT_ROW + r"(?P<v>[^\s|][^\n|]*?)(?=\s*\||\s*$)", re.IGNORECASE),
     "label"),
    # A location row ("Transaction Location LEKKI BRANCH", "الموقع صراف ..."): where, weaker than a name.
    (re.compile(r"(?:^|(?<=\|\s))(?:(?:(?:Transaction|Txn|ATM|Terminal)\s+)?Location|الموقع|مكان العملية)"
                r"(?:\s*[:|]\s*|\s+(?-i:(?![a-z])))(?P<v>[^\n|]+?)(?=\s*\||\s*$)", re.IGNORECASE), "at"),
    (re.compile(r"\bVPA\s+(?P<v>[\w.\-]+@[\w.\-]+)", re.IGNORECASE), "to"),
    # Star-separated codes after Info, colon or not: "Info ACH*ACME LTD*778", "InfoBIL*Car Loan".
    (re.compile(r"\bInfo\s*:?\s*(?P<v>[A-Za-z]{2,5}\*[^\n|]+?)" + _STOP, re.IGNORECASE), "label"),
    # "ATM location is CITY CENTRE ATM", "POS location: MARKET ST".
    (re.compile(r"\blocation\s*(?:is|:)\s*(?P<v>[^\n]+?)" + _STOP, re.IGNORECASE), "at"),
    # "from account 12-34xxxxx-5678 ACME PAYMENTS from IBFT": a capitalised holder after the number.
    (re.compile(r"\b(?:from|to)\s+(?:a/?c|account)(?:\s+(?:no\.?|number))?\s+[\dXx*#\-]{6,}\s+"
                r"(?P<v>(?-i:[A-Z][A-Z&.']+(?:\s[A-Z][A-Z&.']+){0,4}))(?![\w\-])", re.IGNORECASE), "holder"),
    # "transferred ... to account ****1122 (FATIMA HASSAN)": the holder in brackets after the other
    # side's masked account; only the side the money goes to (debit) or comes from (credit).
    (re.compile(r"\b(?P<way>from|to)\s+(?:a/?c|account)(?:\s+(?:no\.?|number))?\s+[\dXx*#\-]{6,}\s+"
                r"\((?P<v>(?-i:(?!(?:SAVINGS|CURRENT|SALARY|NRE|NRO|JOINT)\))[A-Z][A-Z&.']+(?:\s[A-Z][A-Z&.']+){0,4}))\)",
                re.IGNORECASE), "side holder"),
    # "received from account XXXX4321/NAME": the holder after the masked account.
    (re.compile(r"\b(?:a/?c|account)\s+[\dXx*#]+/(?P<v>[^\n/|]+?)" + _STOP, re.IGNORECASE), "holder"),
    # Channel paths: UPI/P2M/123456789012/SHOP NAME, IMPS/PUNB/1234/ NAME, NEFT-UTR123-NAME.
    (re.compile(r"\b(?P<v>(?:UPI|IMPS|NEFT|RTGS|MMT)[/\-][^\n|]+?)(?:\s+Value\b|\s+on\b|\.\s|;\s|\.?$|\s\|)",
                re.IGNORECASE), "label"),
    # A narration that starts with its kind, the name before the amount: "PURCHASE AMAZON MKTPLACE PMTS WA US
    # USD 34.99 CARD 5678".
    (re.compile(r"(?:^|(?<=\|\s))(?:POS\s+)?(?:PURCHASE|PAYMENT|POS)\s+(?P<v>[A-Z0-9][A-Z0-9&'.*\-]*"
                r"(?:\s[A-Z0-9&'.*\-]+){0,6}?)(?=\s+(?:[A-Z]{3}|Rs\.?)\s?\d)"), "at"),
    # "at SHOP", Italian "presso SHOP", German "bei SHOP", Dutch "bij SHOP", "@ SHOP".
    (re.compile(r"(?:(?<![\w@])(?:at\s+|presso\s+|bei\s+|bij\s+|@\s*|(?:transaction|purchase|payment) with\s+)|(?<=[^\W\d_])@\s+)"
                r"(?P<v>[^\n]+?)" + _STOP,
                re.IGNORECASE), "at"),
    (re.compile(r"(?:ร้าน|ที่)\s*(?P<v>[^\n]+?)" + _THAI_STOP), "at"),
    # Thai "จาก นาย สมชาย ใจดี" (from Mr ...), "ให้ 7-ELEVEN" / "ไปยัง ..." (to), "ชำระค่า TRUEMOVE H" (pay for):
    # a word standing alone before a name (Thai runs words together, so "รับโอนจาก X1234" is the customer's
    # own account line), not before an account or card ("จากบัญชี x1234"); the title is not the name.
    (re.compile(r"(?<!\S)จาก\s*" + _THAI_NAME), "from"),
    (re.compile(unicodedata.normalize("NFKC", r"(?<!\S)(?:ให้|ไปยัง|ชำระค่า)\s*") + _THAI_NAME), "to"),
    # Portuguese and Spanish "em/en SHOP" (a date or a card after it is refused by the cleaning).
    # The article in small letters only: "en EL CORTE INGLÉS" is the shop's own name in capitals.
    (re.compile(r"(?<![^\W\d_])(?:em|en)\s+(?!(?-i:o|a|el|la|su|tu|seu|sua|O|A|El|La|Su|Tu|Seu|Sua)\s)"
                r"(?P<v>(?-i:[A-Z0-9])[^\n]+?)" + _STOP,
                re.IGNORECASE), "at"),
    # Indonesian "di TOKO" (at), Spanish/Portuguese/French/Indonesian "de/desde/dari NAME" (from), Indonesian
    # "ke NAME" (to): a capitalised name only, so "de 150,00 EUR" or "de la part" is never one.
    (re.compile(r"(?<![^\W\d_])di\s+(?P<v>(?-i:[A-Z])[^\n]+?)" + _STOP, re.IGNORECASE), "at"),
    # Italian "da MARCO ROSSI" (from) too. Not an amount ("estorno de R$ 59,90 de MERCADO LIVRE", "de USD 20"):
    # a match there, refused by the cleaning, would swallow the "de NAME" after it.
    (re.compile(r"(?<![^\W\d_])(?:de|desde|dari|von|da)\s+(?!(?-i:[A-Z]{0,3})\$\s?\d|(?-i:[A-Z]{2,3})\s?\d)"
                r"(?P<v>(?-i:[A-Z])[^\n]+?)" + _STOP, re.IGNORECASE), "from"),
    # The same "from" in Dutch (van), Swedish (från), Norwegian/Danish (fra), Polish/Czech (od, "od: JAN KOWALSKI"),
    # Greek (από), Hebrew (מאת), before a capitalised name; the Hebrew script has no capitals. An initial may open
    # the name ("van J. de Vries op uw rekening"): its dot ends no sentence.
    (re.compile(r"(?<![^\W\d_])(?:van|fr[åa]n|fra|od|από|מאת)(?::\s*|\s+)(?!(?-i:[A-Z]{2,3})\s?\d)"
                r"(?P<v>(?-i:[A-Z]\.\s+[^\W\d_])[^\n]+?|" + _NAME_START + r"[^\n]+?)" + _STOP,
                re.IGNORECASE), "from"),
    # "to" before a capitalised name: Dutch aan, Italian "bonifico a", Hebrew עבור (for), Polish "do:" (with its
    # colon), and German an, Swedish till, Norwegian/Danish til right after an amount in their currencies ("65,00 EUR
    # an Stadtwerke München", "150 kr till Anna"): elsewhere "an", "till" and "do" are English.
    (re.compile(r"(?:(?<![^\W\d_])(?:aan|bonifico a|עבור|do(?=:))|(?:\d\s?(?:€|EUR|CHF|kr\.?|SEK|NOK|DKK)|"
                r"(?:€|EUR|CHF|SEK|NOK|DKK)\s?[\d.,']*\d)\s+(?:an|till|til))(?::\s*|\s+)"
                r"(?!(?-i:Sie|Ihr|Ihnen|Dich|Dein|Uw|Je)\b)"
                r"(?P<v>" + _NAME_START + r"[^\n]+?)" + _STOP, re.IGNORECASE), "to"),
    # "at" before a capitalised name: Polish w, Czech u, Norwegian/Danish hos, Greek στο/στη/στην, Dutch voor
    # ("afgeschreven ... voor Albert Heijn 1403"), Hebrew "בבית העסק" (at the business).
    (re.compile(r"(?<![^\W\d_])(?:w|u|hos|στο|στη|στην|στον|voor|בבית העסק|אצל)\s+"
                r"(?P<v>" + _NAME_START + r"[^\n]+?)" + _STOP, re.IGNORECASE), "at"),
    # A German booking line names its kind, then the other side in capitals: "Lastschrift VODAFONE GMBH, Betrag
    # -39,99 EUR", "Gutschrift ARBEITGEBER AG, Betrag 2.345,67 EUR".
    (re.compile(r"(?:Lastschrift|Gutschrift|Überweisung|Dauerauftrag|Kartenzahlung)\s+"
                r"(?P<v>[A-ZÄÖÜ][A-ZÄÖÜ0-9&'.\-]*(?:\s[A-ZÄÖÜ0-9&'.\-]+){0,5})(?=,|\s+(?:Betrag|€|EUR)\b)"), "at"),
    # Chinese 向X支付 (paid to X), 向X转账 (transferred to X).
    (re.compile(r"向(?P<v>[^\s，。、|:]{1,30}?)(?:支付|付款|转账|轉賬|轉帳|汇款|匯款)"), "to"),
    # Chinese 在X消费 (spent at X), 在X簽賬 (charged at X), 在X付款 (paid at X).

    (re.compile(r"在(?P<v>[^\s，。、|:]{1,30}?)(?:消费|消費|签账|簽賬|付款|支付|刷卡|购物|購物)"), "at"),
    # Swahili "kwa NAME" ("Umelipa Tsh 12,000 kwa DUKA"); "kwa" is also "by/on" ("kwa wakati"), hence the capital.
    (re.compile(r"(?<![^\W\d_])kwa\s+(?P<v>(?-i:[A-Z])[^\n]+?)" + _STOP, re.IGNORECASE), "to"),
    (re.compile(r"(?<![^\W\d_])ke\s+(?P<v>(?-i:[A-Z])[^\n]+?)" + _STOP, re.IGNORECASE), "to"),
    # Russian "в Magnum Cash&Carry" (at), "от Иван И." (from): a capitalised name only, since "в 14:22" is a
    # time and "от 14.05" a date.
    (re.compile(r"(?<![^\W\d_])в\s+(?P<v>(?-i:[A-ZА-ЯЁ])[^\n]+?)" + _STOP, re.IGNORECASE), "at"),
    (re.compile(r"(?<![^\W\d_])от\s+(?P<v>(?-i:[A-ZА-ЯЁ])[^\n]+?)" + _STOP, re.IGNORECASE), "from"),
    # Hindi-English puts "ko" (to) after the name: "Aapke a/c XX1234 se Rs 649.00 NETFLIX ko auto-debit ho gaye";
    # a name in capitals only.
    (re.compile(r"(?<![\w'])(?P<v>[A-Z][A-Z0-9&.'\-]*(?:\s[A-Z0-9&.'\-]+){0,4})\s+ko\b"), "to"),
    # "You paid ANITA VERMA's request of ₹1,200.00", "You sent JOHN DOE $20.00": the payee in capitals right
    # after the verb (not a currency code: "paid USD 50").
    (re.compile(r"\b(?i:paid|sent)\s+(?P<v>(?![A-Z]{3}\s?\d|Rs\.?\s?\d)[A-Z][A-Z.\-]+(?:\s[A-Z][A-Z.\-]+){0,4})"
                r"(?='s\b|\s+(?:[^\w\s]{1,2}\s?|[A-Z]{3}\s?|Rs\.?\s?)\d)"), "to"),
    # Turkish puts the word after the name: "MIGROS ATASEHIR isyerinden" (at the merchant), "GETIR firmasina"
    # (to the firm), "AHMET YILMAZ tarafindan" (by), "MEHMET DEMIR adli aliciya" (to the recipient named).
    (re.compile(_TR_NAME + r"\s+(?:i[sş]yerin(?:de|den)|firmas[ıi]n(?:a|dan)|[üu]ye i[sş]yerin\w*)(?![^\W\d_])",
                re.IGNORECASE), "at"),
    (re.compile(_TR_NAME + r"\s+taraf[ıi]ndan(?![^\W\d_])", re.IGNORECASE), "from"),
    (re.compile(_TR_NAME + r"\s+(?:adl[ıi]\s+(?:al[ıi]c[ıi]ya|ki[sş]iye)|al[ıi]c[ıi]s[ıi]na)(?![^\W\d_])", re.IGNORECASE),
     "to"),
    # Vietnamese transfers carry the sender's default memo "NGUYEN VAN AN chuyen tien" (transfers money);
    # a channel code may come first ("IBFT NGUYEN VAN AN chuyen tien"). Only a credit's other side: on a
    # debit the memo names the customer.
    (re.compile(r"(?-i:(?:\b(?:IBFT|CK|FT\w*)\s+)?(?<![\w.])(?P<v>[A-Z]{2,}(?:\s[A-Z]+){1,4}))\s+"
                r"chuyen\s+(?:tien|khoan)\b", re.IGNORECASE), "sender"),
    # "INTERAC e-Transfer: SAM TREMBLAY sent you $120.00": the sender named before the verb.
    (re.compile(r"(?:^|[:.|]\s)(?P<v>[^:.|\n]{2,60}?)\s+(?:sent|paid|transferred) you\b(?!\s+an?\s+(?:\w+\s+)?request)"),
     "from"),
    (re.compile(r"(?:لدى|التاجر|المتجر)\s*:?\s*(?P<v>[^\n:]+?)(?=\s+(?:بطاقة|رصيد|في|بتاريخ)|\s*$|\s*\|)"), "at"),
    # French "au profit de EDF" (in favour of), Spanish/Portuguese "a/em favor de": the payee.
    (re.compile(r"\b(?:to|towards|kwenda|para|à|إلى|au profit de|en faveur de|(?:a|em) favor de)(?:\s*:\s*|\s+)(?!your\b|a/?c\b|acc|account\b|card\b|بطاق|حساب|"
                r"(?:(?:o|a|el|la|su|tu|seu|sua|votre|ton)\s+)?(?:cart[ãa]o|conta|tarjeta|cuenta|carte|compte)\b)"
                r"(?P<v>[^\n]+?)" + _STOP, re.IGNORECASE), "to"),
    (re.compile(r"(?<!powered )(?<!sms )(?<!alert )\b(?:from|by|kutoka|kupitia|من)\s+"
                r"(?!your\b|a/?c\b|acc|account\b|card\b|cash\b|بطاق|حساب|[A-Z]{3}\s?\d|rs\.?\s?\d|[\d$₹€£]|"
                r"(?:neft|imps|upi|rtgs|ibft|raast|ach|swift)\b)(?P<v>[^\n]+?)" + _STOP,
                re.IGNORECASE), "from"),
    (re.compile(r"\b(?:na entidade|no agente|ao agente|no comerciante|chez)\s+(?P<v>[^\n]+?)" + _STOP, re.IGNORECASE),
     "agent"),
    (re.compile(r"\b(?:a/?c|account)\s+[\dXx*]+\s+of\s+(?P<v>[^\n]+?)" + _STOP, re.IGNORECASE), "holder"),
    # "Acct XX051 debited for Rs 180; DINDUGAL ORIGIN credited": the payee of a debit.
    (re.compile(r"(?:^|[;.|]\s)(?P<v>[^;.|\n]{2,60}?)\s+(?:credited|received)\b(?!\s+(?:to|with|by|in|into)\b)",
                re.IGNORECASE), "payee"),
    (re.compile(r"\bfor\s+(?!rs\b|inr\b|usd\b|aed\b|[\d$₹])(?P<v>[^\n]+?)" + _STOP, re.IGNORECASE), "for"),
    # Mobile money: "sent TSh 500 to 2557XXXXXXXX - JANE DOE", "from 922756 - ACME PAY", "no agente 4253 - NAME".
    # Swahili "kwa" (to) and "kutoka kwa" (from): "Umetuma TSH 25,000 kwa 0621123456 - RAMADHANI ALLY".
    (re.compile(r"\b(?:to|para|kwenda|kwa)\s+\+?[\dXx*]{4,}\s+-\s+(?P<v>[^\n]+?)" + _STOP, re.IGNORECASE), "to"),
    (re.compile(r"\b(?:from|de|kutoka(?:\s+kwa)?)\s+\+?[\dXx*]{4,}\s+-\s+(?P<v>[^\n]+?)" + _STOP, re.IGNORECASE),
     "from"),
    (re.compile(r"\b(?:agent|agente|wakala)\s+\+?[\dXx*]{4,}\s+-\s+(?P<v>[^\n]+?)" + _STOP, re.IGNORECASE),
     "agent"),
    # "Cash Out of MK 20,000.00 at agent 0999123456 TIYAMIKE STORES": the agent's name in capitals after its number.
    (re.compile(r"\b(?:agent|agente|wakala)\s+\+?\d{4,}\s+" + _WALLET_NAME), "agent"),
    # French wallets name the payee after the CFA franc or the verb, accent dropped: "10000 FCFA a Moussa Diop",
    # "Paiement de 15000 FCFA effectue a EDM SA pour la facture ...".
    (re.compile(r"(?:\b(?:F\s?CFA|CFA|XOF|XAF)|\beffectu[ée]e?)\s+(?:a|à)\s+(?P<v>(?-i:[A-Z])[^\n]+?)" + _STOP,
                re.IGNORECASE), "to"),
    # Filipino "mula kay ANA REYES" / "galing kay" (from), "kay MARIA SANTOS" (to a person).
    (re.compile(r"\b(?:mula|galing)\s+(?:kay|sa)\s+(?P<v>(?-i:[A-Z])[^\n]+?)" + _STOP, re.IGNORECASE), "from"),
    # Bare "kay" in small letters only: "Mary Kay" is a name.
    (re.compile(r"(?<!mula )(?<!galing )\b(?-i:kay)\s+(?P<v>(?-i:[A-Z])[^\n]+?)" + _STOP, re.IGNORECASE), "to"),
    # Vietnamese after an amount in dong: "200,000d den NGUYEN VAN AN" (to), "500.000 VND tu TRAN THI BINH" (from),
    # "150,000 VND tai HIGHLANDS COFFEE" (at). Only there: "tu" is also Spanish and French.
    (re.compile(r"(?:\d[dđ]|\bVND|₫)\s+(?:den|đến|toi|tới|cho)\s+(?P<v>(?-i:[A-Z])[^\n]+?)" + _STOP, re.IGNORECASE), "to"),
    (re.compile(r"(?:\d[dđ]|\bVND|₫)\s+(?:tu|từ)\s+(?P<v>(?-i:[A-Z])[^\n]+?)" + _STOP, re.IGNORECASE), "from"),
    (re.compile(r"(?:\d[dđ]|\bVND|₫)\s+(?:tai|tại)\s+(?P<v>(?-i:[A-Z])[^\n]+?)" + _STOP, re.IGNORECASE), "at"),
    # A bill named by its biller: "Your K-Electric bill of Rs. 4,320 ... has been paid" (not a card's own bill).
    (re.compile(r"\byour\s+(?!(?:credit|debit)\s+card\b)(?P<v>(?-i:[A-Z])[\w&.'\-]*(?:\s(?-i:[A-Z])[\w&.'\-]*){0,3})"
                r"\s+bill\s+(?:of|for)\b", re.IGNORECASE), "for"),
    # Wallets that print the phone number, then the name in capitals or in brackets: "received Rs. 2,000.00
    # from 03001234567 SADIA BIBI", "Rs 1,000.00 sent to 03451234567 (KAMRAN) successfully".
    # Indonesian "ke 1234567890 BUDI SANTOSO" (to an account number, then its holder).
    (re.compile(r"\b(?:to|ke)\s+\+?\d{9,}\s+" + _WALLET_NAME), "to"),
    (re.compile(r"\bfrom\s+\+?\d{9,}\s+" + _WALLET_NAME), "from"),
    # Spanish/Portuguese "a" (to) right after the amount: "transferencia de $ 25.000,00 ARS a LUCAS PEREZ".
    (re.compile(r"(?:\d|\b[A-Z]{3})\s+a\s+(?P<v>[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]*){0,4})(?![\w\-])"), "to"),
    # "in the Agent with code ID 123456, Name JOHN DOE at ...": a name labelled without a colon.
    (re.compile(r"\bName\s+(?P<v>(?-i:[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,4}))(?![\w\-])"), "agent"),
    # A fund bought with a SIP or an investment: "purchase of Rs 500 in ACME Bluechip Fund Growth".
    (re.compile(r"\b(?:in|under|into)\s+(?P<v>(?:[A-Z0-9][\w&'.\-]*\s+){1,8}?(?:Fund|Scheme|ETF)\b[\w\- ]{0,12}?)"
                + _STOP), "label"),
    # "on 09/05/2026, 13:41, CORNER SHOP.": a capitalised name right after the clock time.
    (re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?,\s+(?P<v>[A-Z][^\n]+?)" + _STOP), "on"),
    # "spent using Card XX1 on 03-Sep-25 on SHOP": "on" before a name, the weakest hint.
    (re.compile(r"\bon\s+(?!\d{1,4}(?:[\s\-/.:,]|st|nd|rd|th)|\d+\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|your\b|the\b|a/?c\b|"
                r"acc|account\b|card\b|dd\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?=\s*(?:,|\d|$)))(?P<v>[^\n]+?)" + _STOP, re.IGNORECASE), "on"),
)
_JUNK_PARTY = re.compile(
    r"^(?:your|the|a|an|account|a/?c|card|bank|customer|dear|mobile|upi|imps|neft|ref|rrn|utr|ac|acct|xx+\d*|\**\d+|iban|beneficiary|payee|"
    r"recipient|"
    r"\d[\d\s\-/:.]*|[\W_]+|on|is|was|has|you|successful(?:ly)?|banking|info|clearing|transaction(?: number)?|"
    # "QK12ABC3XY Confirmed.", Swahili "Imethibitishwa." (confirmed): the opening of an M-Pesa-style alert.
    r"confirmed|imethibitishwa|"
    r"\d*[x*#]{3,}\d*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|"
    # A cash machine's terminal number ("Выдача 3 000р ATM 60001234"): no place, no name.
    r"atm[\s#:-]*\d+|"
    # "من الصراف الآلي" (from the ATM): the machine, not a place or a name.
    r"(?:جهاز )?(?:ال)?صراف(?: ال)?(?:آلي)?)$",
    re.IGNORECASE,
)


# "Bal:Rs.24898.57 CR", "CLR BAL 900.00CR": the sign of a balance, not the way the money went.
_BALANCE_SIGN = re.compile(r"\s?(?:CR|DR)\b", re.IGNORECASE)


def _direction(text: str, amount: Mention | None, found: list[Mention] | None = None) -> tuple[Direction, Kind] | None:
    """The wording nearest the amount (before it first, then after) decides."""
    masked = _CREDIT_CARD.sub(lambda m: "_" * len(m.group(0)), text)
    for mention in found or ():
        tail = _BALANCE_SIGN.match(masked, mention.end) if mention.role == "balance" else None
        if tail:
            masked = masked[:tail.start()] + "_" * len(tail.group(0)) + masked[tail.end():]
    anchor = amount.start if amount else 0
    # A reversal decides only in the amount's own sentence: "Rs 500 debited at SHOP. An earlier
    # txn of Rs 200 has been reversed" is still a debit of Rs 500.
    sentence = _sentence_bounds(text, anchor)
    # A sign glued to the amount ("Transaction: +OMR 50.000 from X") says which way the money went, over
    # words that only say it moved (tier 2) or name a transfer without its way. Words that do say the way
    # (tiers 0 and 1: debited, spent, credited, refund...) win over the sign when they disagree: a "+"
    # then never makes spend a credit, nor a "-" used as a separator ("Refund - OMR 5.000") a debit.
    sign = _sign(text, amount) if amount else None
    wayless_transfer = False
    best: tuple[int, int, int, Direction, Kind] | None = None
    best_at = anchor
    # The nearest word of the amount's own sentence that says the way (tier 1, not "transfer").
    way: tuple[int, int, int, Direction, Kind] | None = None
    for rank, (pattern, direction, kind, tier) in enumerate(_WORD_RES):
        if sign is not None and direction is not sign and (tier == 2 or rank == _WAYLESS):
            wayless_transfer = wayless_transfer or (rank == _WAYLESS and pattern.search(masked) is not None)
            continue
        for m in pattern.finditer(masked):
            if tier == 0 and kind is Kind.REFUND and (m.end() <= sentence[0] or m.start() >= sentence[1]):
                continue
            distance = anchor - m.end() if m.end() <= anchor else (m.start() - anchor) + 15
            key = (tier, distance, rank)
            if best is None or key < best[:3]:
                best = (tier, distance, rank, direction, kind)
                best_at = m.start()
            if tier == 1 and rank != _WAYLESS and sentence[0] <= m.start() < sentence[1] \
                    and (way is None or key < way[:3]):
                way = (tier, distance, rank, direction, kind)
    if best is None:
        return (sign, Kind.TRANSFER) if sign is not None and wayless_transfer else None
    # "A CliQ transfer of JOD 150.000 from X has been credited to your account": "transfer" is nearest
    # but names no way; a word of the same sentence that does ("credited") says it. Not a credit word
    # about someone else's account: "transfer of OMR 100 from your account to X received by the bank",
    # "NEFT transaction ... credited to the OTHER A/c ... of RIYA SEN".
    # "Your account has been credited by NEFT. | Amount | INR 5,000": the amount sits in a table row of
    # its own, so the transfer word's own sentence may say the way instead.
    if best[2] == _WAYLESS and way is None:
        sentence = _sentence_bounds(text, best_at)
        way = _way_in(masked, sentence, best_at)
    if best[2] == _WAYLESS and way is not None and not (
            way[3] is Direction.CREDIT and _FROM_OWN.search(text, sentence[0], sentence[1])):
        best = (*way[:4], Kind.TRANSFER if way[4] in (Kind.DEBIT, Kind.CREDIT) else way[4])
    direction, kind = best[3], best[4]
    # A strong kind word anywhere refines a plain debit/credit.
    if kind in (Kind.DEBIT, Kind.CREDIT, Kind.PURCHASE):
        for pattern, d, k, _tier in _REFINING:
            if d is direction and pattern.search(masked):
                kind = k
                break
    # "Chargeback processed. OMR 7.250 credited to your card": the credit is the chargeback's money back.
    if direction is Direction.CREDIT and kind is Kind.CREDIT and _CHARGEBACK.search(masked):
        kind = Kind.REFUND
    return direction, kind


def _way_in(masked: str, bounds: tuple[int, int], anchor: int) -> tuple[int, int, int, Direction, Kind] | None:
    """The word of ``bounds`` nearest ``anchor`` that says the way (tier 1, not "transfer")."""
    way: tuple[int, int, int, Direction, Kind] | None = None
    for rank, (pattern, direction, kind, tier) in enumerate(_WORD_RES):
        if tier != 1 or rank == _WAYLESS:
            continue
        for m in pattern.finditer(masked, bounds[0], bounds[1]):
            distance = anchor - m.end() if m.end() <= anchor else (m.start() - anchor) + 15
            if way is None or (tier, distance, rank) < way[:3]:
                way = (tier, distance, rank, direction, kind)
    return way


_CHARGEBACK = re.compile(r"\bcharge[- ]?backs?\b", re.IGNORECASE)
_FROM_OWN = re.compile(r"\bfrom (?:your|my)\b|\b(?:other|beneficiary|payee|recipient)\b", re.IGNORECASE)


_NOT_A_PARTY = re.compile(
    r"\b(?:call|sms|block|dispute|report|visit|manage|reply|stop|unsubscribe|helpline|customer care|assistance|"
    r"download|inquiry|enquiry|queries|not you|if not|click|tap|banking with|thank|opt[- ]out|avl\s?bal|avlbal|"
    r"help(?!\.\w)|applicable|details|learn more|otp|do not|share|you(?:'ve|'re|'ll)?|feedback|re[ci]e?ipt|https?)\b|"
    r"bit\.ly|^(?:your|a/?c|we|it|this|order|using|reference|ref)\b|(?:x{2,}|\*{2,})\d{2,}|^[^(]*\)|"
    # "From: account ending 3340": the customer's own account, never a name.
    r"\bending(?:\s+(?:in|with))?\s+\d{2,}",
    re.IGNORECASE,
)
# POS and ECOM name the channel of a card payment ("Info: POS/CAFE COFFEE HUT/BANGALORE").
# AIRTIME and RECHARGE name what was bought in a path ("AIRTIME/MTN/0803..."), not from whom.
_CHANNEL_TOKEN = re.compile(r"^(?:UPI|IMPS|NEFT|RTGS|MMT|ACH|DR|CR|P2A|P2M|P2P|IN|OUT|INW|PAY|INF|POS|ECOM|AIRTIME|"
                            r"RECHARGE|TOP-?UP)$|\d",
                            re.IGNORECASE)
_CHANNEL_PREFIX = re.compile(r"^(?:UPI|IMPS|NEFT|RTGS|MMT|ACH)(?:\s+(?:Cr|Dr|INW|OUT))*\b", re.IGNORECASE)


def _path_party(value: str) -> str | None:
    """The name inside a channel path: UPI/P2M/123456/SHOP NAME/... -> SHOP NAME.

    A four-letter upper-case token followed by a number is a bank code (IMPS/PUNB/1234/NAME).
    """
    tokens = [t.strip(" .:*") for t in re.split(r"\s*[/\-*]\s*", _CHANNEL_PREFIX.sub("", value))]
    for i, token in enumerate(tokens):
        if not token or _CHANNEL_TOKEN.search(token) or not re.search(r"[^\W\d_]{2}", token):
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if re.fullmatch(r"[A-Z]{4}0?", token) and re.search(r"\d", following):
            continue
        return token
    # Only a name with a store number left: "POS*SHOPRITE 22" -> SHOPRITE 22.
    return next((t for t in tokens if _NUMBERED_NAME.fullmatch(t) and not _PATH_WORDS.match(t)), None)


_NUMBERED_NAME = re.compile(r"[^\W\d_]{3,}(?:\s[^\W\d_]{2,}){0,3}\s#?\d{1,4}")
_PATH_WORDS = re.compile(r"(?:ref|rrn|utr|txn|no|id|trx|upi|imps|neft|rtgs|ach|pos|ecom|atm|branch)\b", re.IGNORECASE)


# A clock time or a date inside a captured name means the capture ran past the name.
_TIME_OR_MONEY = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|HH:mm|\b\d+\.\d{2,}\b|"
                            r"\b\d{1,2}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-\s]?\d{2,4}\b"
                            # "Thu, May 15, 2025", "15 May 2025": a date with the month's name.
                            r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2},?\s\d{4}\b"
                            r"|\b\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s\d{4}\b"
                            r"|\b(?:of|no\.?|number|#)\s*\d+$", re.IGNORECASE)
# A reference code, not a name: "FPY:IBFT:1234567890:5245".
_CODE = re.compile(r"(?:[^:\s]*:){2,}[^:\s]*\d{4,}|\d{4,}[^:\s]*(?::[^:\s]*){2,}")
# A masked account or phone number where a name should be: "XXXXXXX to 07XXXXXXXX".
_MASK_START = re.compile(r"^[\dXx*#•]*[Xx*#•]{3,}[\dXx*#•]*(?:\s|$)")


def _clean_party(value: str) -> str | None:
    v = re.sub(r"\s+", " ", value).strip(" .,:;-/*'\"")
    if v.startswith("(") and v.endswith(")"):
        v = v[1:-1].strip(" .,:;-/*'\"")
    if _MASK_START.match(v):
        return None
    if re.match(r"(?:UPI|IMPS|NEFT|RTGS|MMT|ACH)(?:\s+(?:Cr|Dr))?[/\-]", v, re.IGNORECASE) or v.count("/") >= 2:
        v = _path_party(v) or ""
    elif re.match(r"[A-Za-z]{2,3}\*", v):
        # "BIL*Car Loan", "ACH*ACME LTD*778": a short code first, then the name. A longer word
        # before the star is the merchant itself ("GRAB*RIDES", "UBER *TRIP").
        v = _path_party(v.split("*", 1)[1]) or ""
    v = re.sub(r"^\d{5,}[/\s]\s*", "", v).strip()
    v = re.sub(r"^UPI[_\-]", "", v, flags=re.IGNORECASE)
    v = re.sub(r"\s+\+?\d{9,}$", "", v).strip(" .,:;-")
    if _NOT_A_PARTY.search(v) or _TIME_OR_MONEY.search(v) or mentions(v) or _CODE.search(v):
        return None
    v = re.sub(r"^(?:the|a|an|merchant|vpa|beneficiary|payee)\s+", "", v, flags=re.IGNORECASE)
    # A narration that names its kind first: "POS PURCHASE SHOPRITE LEKKI", "TRANSFER FROM KOFI MENSAH".
    # Vietnamese "Thanh toan SHOPEE don hang 2505..." (payment, order number): the name between.
    v = re.sub(r"\s+don hang\b.*$", "", v, flags=re.IGNORECASE)
    v = re.sub(r"^(?:(?:pos|ecom)\s+(?:purchase|payment)|(?:transfer|trf|payment)\s+(?:from|to)|thanh to[aá]n)\s+(?=\S)", "",
               v, flags=re.IGNORECASE)
    v = re.sub(r"\s+(?:on|at|for|via|to|from|frm|by)$", "", v, flags=re.IGNORECASE)
    if len(v) < 2 or len(v) > 80 or _JUNK_PARTY.match(v) or not re.search(r"[^\W\d_]", v):
        return None
    return v


_FIELD_SPLIT = re.compile(r"\s+\|\s+|\s+/\s+")
_NOT_A_FIELD = re.compile(
    r"\b(?:card|a/?c|acc|acct|account|bal|balance|avl|avail|available|limit|lmt|date|time|ist|call|sms|ref|"
    r"debit|credit|purchase|spent|dear|customer|transaction|remittance|withdrawal|deposit|value)\b|:|\d{2}[-/]\d{2}",
    re.IGNORECASE,
)


def _field_party(text: str, amount: Mention | None, footer: int | None = None) -> str | None:
    """Alerts written as a list of fields (`Spent / Card XX1 / INR 5 / 01-09-25 / SHOP / Avl ...`):
    the first free-text field after the amount names the merchant."""
    fields = _FIELD_SPLIT.split(text)
    if len(fields) < 4 or amount is None:
        return None
    pos = 0
    found: list[str] = []
    before: str | None = None
    for field in fields:
        start = text.find(field, pos)
        pos = start + len(field)
        if start + len(field) <= amount.start:
            before = field
        elif start <= amount.start and pos >= amount.end and before is not None \
                and not field[:amount.start - start].strip() and not field[amount.end - start:].strip():
            # The amount alone on its line, a name in capitals on the line above: "DELTA AIR LINES |
            # $1,256.00 | Thu, May 15, 2025" (card issuers' e-mail cards put the merchant over the amount);
            # not the bank's own heading ("ACME BANK | INR 500.00").
            v = _clean_party(before)
            if v and _NAME_LINE.fullmatch(v) and not _NOT_A_FIELD.search(before) and not _has_wording(v) \
                    and "BANK" not in v.split():
                return v
        if start < amount.end or _NOT_A_FIELD.search(field):
            continue
        if footer is not None and start >= footer:
            break
        v = _clean_party(field)
        # A field that only names the kind ("TRANSFER", "Cash deposit") is no one's name.
        if v and not mentions(field) and not (_has_wording(v) and len(v.split()) <= 2):
            found.append(v)
    # Under a "details below" heading a memo line may come before the name: prefer a
    # line written as a name (capitals only).
    names = [v for v in found if _NAME_LINE.fullmatch(v)]
    return next(iter(names or found), None)


_NAME_LINE = re.compile(r"[A-Z][A-Z.'\-]{3,}(?:\s+[A-Z][A-Z.'\-]*){0,5}")


_CHEQUE_RETURNED = re.compile(r"\b(?:cheque|check)\b[^|]{0,120}?\b(?:returned|bounced|dishonou?red)\b",
                              re.IGNORECASE)
_KIND_LABEL = {Kind.REFUND: "Refund", Kind.SALARY: "Salary"}


def _label(text: str, kind: Kind, direction: Direction = Direction.DEBIT) -> str | None:
    """What to call a transaction that names no other side."""
    if _CHEQUE_RETURNED.search(text):
        return "Cheque Returned"
    if kind is Kind.WITHDRAWAL:
        return "ATM Withdrawal" if re.search(r"\bATM\b|الصراف", text, re.IGNORECASE) else "Cash Withdrawal"
    if kind is Kind.DEPOSIT:
        return "Cash Deposit" if re.search(r"\bcash|\bCDM\b|deposit machine|\bATM\b", text, re.IGNORECASE) else "Deposit"
    if kind in _KIND_LABEL:
        return _KIND_LABEL[kind]
    channel = re.search(r"\b(IMPS|NEFT|RTGS|UPI|IBFT)\b", text)
    if channel:
        return f"{channel.group(1)} {'Credit' if direction is Direction.CREDIT else 'Transfer'}"
    return None


_AFTER_AMOUNT = re.compile(r"\s+(?P<v>[A-Z][A-Z0-9&'.\-]*(?:\s[A-Z0-9&'.\-]+){0,5})"
                           # ... or a date: "Dr USD 35.00 POS PURCHASE HARARE MART 03/03/26".
                           r"(?=\s+(?:Bal|Avl|Avail|Ref|on|Баланс|Доступно|Остаток)\b|\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\s*\||\.\s|\s*$)"
                           # Comma-separated fields: "obciążenie 89,99 PLN, BIEDRONKA WARSZAWA, 03.03.2026".
                           r"|,\s+(?P<c>[A-Z][A-Z0-9&'.\-]*(?:\s[A-Z0-9&'.\-]+){0,5}),\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"
                           # Dot-separated fields: "890 RUB. YANDEX.EDA. Доступно ...", "10 000 RUB. Сергей П. Доступно":
                           # a field of capitals, or a first name and an initial, alone between two dots.
                           r"|\.\s+(?P<d>[A-Z][A-Z0-9&'.*\-]*(?:\s[A-Z0-9&'.*\-]+){0,5}|"
                           r"[A-ZА-ЯЁ][a-zа-яё]+(?:\s[A-ZА-ЯЁ][a-zа-яё]+)?\s[A-ZА-ЯЁ])\.(?=\s|$)"
                           # A field of capitals between commas, then the card or account field or the end: "Vásárlás 12 990
                           # Ft, TESCO BUDAPEST, kártya: *4321", "Korttiosto 23,80 EUR, K-SUPERMARKET KAMPPI, kortti ****7788",
                           # "1 299,00 NOK, ELKJØP."; or a name before it with no comma: "Köp 349,00 SEK ICA MAXI, kort ****1234".
                           r"|,?\s+(?P<e>[" + _UPPER + r"][" + _UPPER + r"0-9&'.\-]*(?:\s[" + _UPPER + r"0-9&'.\-]+){0,5}?)"
                           r"(?=,\s*" + _OWN_FIELD + r"|\.?\s*$|\.\s)"
                           # A name in any case before the customer's own account: "€ 89,95 Ziggo B.V. van rekening ***4455".
                           r"|\s+(?P<f>[" + _UPPER + r"][\w&'.\-]*(?:\s[\w&'.\-]+){0,4}?)\s+(?:van|von|från|fra|z|od)\s+"
                           r"(?:uw\s+|je\s+|Ihrem\s+)?(?:rekening|konto|Konto|rachunku|účtu)\b")
# Comma-separated fields with the name before the amount: "Absa: CHEQ1234, Pur, 01/05/25 PNP CRP SANDTON,
# R-456.78, Available R12,345.67": a date, then a name in capitals, then the amount.
_BEFORE_AMOUNT = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\s+(?P<v>[A-Z][A-Z0-9&'.*\-]*(?:\s[A-Z0-9&'.*\-]+){0,5}),\s*$")
# Korean alerts put the other side after the amount, past the instalment plan (일시불, paid at once), the date and
# the time: "12,000원 일시불 12/01 12:34 스타벅스 누적 345,000원", "입금 1,500,000원 김철수 잔액 ...", "₩89,000 결제 완료 -
# 배달의민족, 카드 끝자리 3456"; the name ends at the running total (누적), the balance (잔액), the account (계좌) or card
# (카드) or the line.
_KO_FIELD = r"(?:누적|잔액|계좌|카드|끝자리|일시불|승인|입금|출금|결제)"
_KO_AFTER = re.compile(r"(?:\s*\(?일시불\)?|\s*\(?\d{1,2}개월\)?|\s+\d{1,2}/\d{1,2}|\s+\d{1,2}:\d{2}|\s+(?:결제|승인|사용)\s*완료|\s+-)*"
                       r"\s+(?!" + _KO_FIELD + r")(?P<v>[^\s|,]*[가-힣][^\s|,]*(?:\s(?!" + _KO_FIELD + r")[^\s|,]+){0,2}?)"
                       r"(?=\s+" + _KO_FIELD + r"|\s*,|\s*$|\s*\|)")
_AFTER_AMOUNT_JUNK = re.compile(r"\b(?:INR|USD|DR|CR|DEBITED|CREDITED|SPENT|SENT|PAID|ON|IS|HAS|WAS|FROM|TO|IN|VIA|"
                                r"BY|AT|THE|A/C|AC|ACCOUNT|CARD|TXN|UPI|IMPS|NEFT)\b")


_MEMO_LABEL = re.compile(r"(?:Transaction\s+)?(?:Description|Desc|Des|Details|Narration|Remarks?|Info)\b",
                         re.IGNORECASE)
_OWN_ACCOUNT_NEXT = re.compile(r"\s*(?:a/?c|acct|account|card)\b|\s*(?:حساب|بطاق)", re.IGNORECASE)
# Labels that name a side of the transfer, read like the words "from" and "to".
_LABEL_SIDE = {"from": "from", "van": "from", "من": "from", "ordenante": "from", "remetente": "from", "to": "to",
               "naar": "to", "إلى": "to"}
# "Credited with Rs 500--ACME SCHOOL (BAL ...)": a name joined to the amount by dashes.
_DASHED = re.compile(r"\s*-{2,}\s*(?P<v>[^\n|]+?)" + _STOP, re.IGNORECASE)
# Portuguese "no"/"na" (at the) right after the amount: "Compra de 1.250,00 MZN no SHOPRITE MAPUTO com o
# cartao ...". Only there, and before a capital: elsewhere "no" is English ("Ref no ABC123") or Swahili "na".
_PT_AT = re.compile(r"\s+n[oa]\s+(?P<v>[A-Z0-9][^\n|]+?)" + _STOP)


def _party(text: str, direction: Direction, amount: Mention | None, txn_kind: Kind | None = None,
           footer: int | None = None) -> str | None:
    """The other side; a name that starts in the footer (``footer`` on) is never it."""
    # Look after the amount first (the usual order), then in the whole text.
    anchor = amount.end if amount else 0
    candidates: list[tuple[tuple[int, int, int], str]] = []
    order = {"label": 0, "at": 1, "agent": 1, "holder": 1, "side holder": 2, "sender": 2,
             "to": 2 if direction is Direction.DEBIT else 4,
             "from": 2 if direction is Direction.CREDIT else 4, "payee": 3 if direction is Direction.DEBIT else 6,
             "for": 5, "on": 6}
    for pattern, kind in _PARTY:
        for m in pattern.finditer(text):
            if footer is not None and m.start("v") >= footer:
                continue
            v = _clean_party(m.group("v"))
            if v is not None and kind == "holder" and _AFTER_AMOUNT_JUNK.search(v.upper()):
                continue
            if kind == "side holder" and (m.group("way").lower() == "to") is (direction is Direction.CREDIT):
                continue
            if kind == "sender" and direction is not Direction.CREDIT:
                continue
            if v is None or (kind == "on" and re.search(r"\b(?:bank|card)$", v, re.IGNORECASE)):
                continue
            # "withdrawn from FBL A/C *1234", "From: DBS Card ending 1234": the customer's own bank or
            # card, not the other side.
            # Not Arabic "شراء من CARREFOUR بطاقة ..." ("purchase from SHOP, card ..."): Arabic names the
            # bank after the card word, so a Latin name before it is the shop.
            side = _LABEL_SIDE.get((m.groupdict().get("lab") or "").lower(), kind)
            arabic_shop = m.group(0).startswith("من") and not re.search(r"[\u0600-\u06ff]", v)
            if ((side == "from" and direction is Direction.DEBIT) or (side == "to" and direction is Direction.CREDIT)) \
                    and "@" not in v and not arabic_shop and _OWN_ACCOUNT_NEXT.match(text, m.end("v")):
                continue
            # A deposit "at" a place names the branch or machine, not the other side.
            if kind == "at" and txn_kind is Kind.DEPOSIT:
                continue
            after = 0 if m.start() >= anchor - 2 else 1
            # A memo row that only names the kind ("Description | Salary Credit", "Details | SALARY")
            # yields to a row or word that names the payer or payee; it stays a last resort.
            memo = kind == "label" and _MEMO_LABEL.match(text, m.start()) is not None \
                and _has_wording(v) and len(v.split()) <= 2
            # "Remarks: lunch" is the payer's own note: it names the other side only when no "from"/"to"
            # of the money's way does ("received NPR 2,000.00 from Sita Sharma (98XX123). Remarks: lunch").
            note = kind == "label" and (m.groupdict().get("lab") or "").lower().startswith("remark")
            candidates.append(((7 if memo else 3 if note else order[kind], after, m.start()), v))
    # "DEBIT:Rs.983.75 SPICE KITCHEN MCT Bal:Rs.1234": a capitalised name right after the amount.
    if amount is not None:
        dashed, pt_at = _DASHED.match(text, amount.end), _PT_AT.match(text, amount.end)
        for joined in (dashed, pt_at):
            v = _clean_party(joined.group("v")) if joined else None
            # After "no" a name, never a clause ("USD 50.00 no FEE charged at ..." is English).
            if joined and v is not None and not (joined is pt_at and _has_wording(v)):
                candidates.append(((1, 0, joined.start()), v))
        fields = _BEFORE_AMOUNT.search(text, max(0, amount.start - 80), amount.start)
        if fields:
            v = _clean_party(fields.group("v"))
            if v is not None and not _AFTER_AMOUNT_JUNK.search(v):
                candidates.append(((1, 1, fields.start()), v))
        korean = _KO_AFTER.match(text, amount.end)
        if korean:
            v = _clean_party(korean.group("v"))
            if v is not None:
                candidates.append(((2, 0, korean.start()), v))
        tail = _AFTER_AMOUNT.match(text, amount.end)
        if tail:
            v = _clean_party(tail.group("v") or tail.group("c") or tail.group("d") or tail.group("e") or tail.group("f"))
            if v is not None and not _AFTER_AMOUNT_JUNK.search(v):
                candidates.append(((6, 0, tail.start()), v))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1]


_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[^\W\d_])|\s\|\s|\n")


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    end_m = _SENTENCE_END.search(text, pos)
    return start, end_m.start() if end_m else len(text)


def _sentence(text: str, pos: int) -> str:
    start, end = _sentence_bounds(text, pos)
    return text[start:end]


def _has_wording(sentence: str) -> bool:
    return any(pattern.search(sentence) for pattern, _d, _k, _t in _WORD_RES)


def _pick_amount(text: str, found: list[Mention], plain: list[Mention]) -> Mention:
    """The transaction amount among the plain mentions.

    A total that follows fees is what left the account; otherwise the first plain
    mention, unless its sentence says nothing about money moving ("auto pay set up for
    Rs 75000. An initial amount of Rs 2 has been debited") and a later one does.
    """
    totals = [m for m in plain if m.role == "total"]
    if totals and any(m.role == "fee" for m in found):
        return totals[0]
    amounts = [m for m in plain if m.role == "amount"] or plain
    first = amounts[0]
    if len(amounts) > 1 and not _has_wording(_sentence(text, first.start)):
        for m in amounts[1:]:
            if _has_wording(_sentence(text, m.start)):
                return m
    return first


# India's UPI alerts that print no currency at all: "Dear UPI user A/C X3391 debited by 250.0 on date
# 03Mar26 trf to SHOP". UPI runs in rupees only; the number must follow "debited/credited by" directly.
_UPI = re.compile(r"\bUPI\b")
_BARE_UPI = re.compile(r"\b(?:debited|credited)\s+(?:by|for|with)\s+(?P<n>\d{1,7}(?:\.\d{1,2})?)(?!\d|[.,]\d)"
                       r"(?!\s?(?:%|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))",
                       re.IGNORECASE)


# Key=value alerts that put the currency in a field of its own: "TXN=DEBIT;AMT=1250.00;CCY=INR;...",
# and table rows "Amount | 1,250.00 | Currency | INR".
_FIELD_AMOUNT = re.compile(r"(?<![^\W\d_])(?:amt|amount)\s*[:=|]\s*(?P<n>\d[\d,]*(?:\.\d{1,3})?)(?![\d.,]?\d)", re.IGNORECASE)
_FIELD_CURRENCY = re.compile(r"(?<![^\W\d_])(?:ccy|cur|curr|currency)\s*[:=|]\s*(?P<c>[A-Z]{3})(?![A-Za-z])", re.IGNORECASE)


def _field_amount(text: str) -> list[Mention]:
    """The amount of an alert whose currency is a field of its own, else nothing."""
    n, c = _FIELD_AMOUNT.search(text), _FIELD_CURRENCY.search(text)
    code = c.group("c").upper() if c else ""
    if n is None or code not in ISO_CODES:
        return []
    try:
        value = quantize(read_number(n.group("n")), code)
    except (AmountError, MoneyError):
        return []
    return [Mention(value, code, n.start("n"), n.end("n"), "amount")] if value > 0 else []


def _bare_upi_amount(text: str) -> list[Mention]:
    m = _BARE_UPI.search(text) if _UPI.search(text) else None
    if m is None or Decimal(m.group("n")) <= 0:
        return []
    return [Mention(quantize(Decimal(m.group("n")), "INR"), "INR", m.start("n"), m.end("n"), "amount")]


# A fee told in its own alert, said to be taken already: "A fee of AED 25.00 has been charged to your
# account for Card Replacement", "Annual fee of KWD 5.000 was debited". Not one waived or given back.
_FEE_TAKEN = re.compile(r"\b(?:has been|have been|was|were|is)\s+(?:charged|debited|deducted|levied|recovered|collected)\b",
                        re.IGNORECASE)
_FEE_UNDONE = re.compile(r"waive|revers|refund|not\b|n't\b", re.IGNORECASE)


def _bracketed_sentence(text: str, pos: int) -> str:
    """The sentence at ``pos``, not cut at a dot inside brackets: "An annual fee of AED 315.00 (incl. VAT) has
    been charged" is one sentence, though "incl. VAT" looks like a sentence's end."""
    start, end = _sentence_bounds(text, pos)
    while end < len(text) and text.count("(", start, end) > text.count(")", start, end):
        sep = _SENTENCE_END.match(text, end)
        if sep is None:
            break
        end = _sentence_bounds(text, sep.end())[1]
    return text[start:end]


def _charged_fee(text: str, found: list[Mention]) -> Mention | None:
    """The one fee of a message with no other amount, when its sentence says it was taken."""
    fees = [m for m in found if m.role == "fee" and m.amount > 0]
    if len(fees) != 1 or any(m.role not in ("fee", "balance") for m in found):
        return None
    own = _bracketed_sentence(text, fees[0].start)
    return fees[0] if _FEE_TAKEN.search(own) and not _FEE_UNDONE.search(own) else None


# The label of what the account itself was charged, after a foreign-currency amount: "Billing
# Amount | AED 446.40", "Amount debited from your account: OMR 17.120". A conversion that is not
# said to be charged ("USD 50.00 (approx. OMR 19.250)") keeps the transaction's own currency.
_BILLED = re.compile(r"\b(?:(?:billing|billed|settlement|debited|charged|deducted)\s+amount|amount\s+(?:billed|debited|"
                     r"charged|deducted)(?:\s+(?:from|to|in)\s+(?:your\s+)?(?:a/?c|acc(?:oun)?t|card))?|"
                     # "The amount in INR is Rs 1,345.20 (approximate)": the amount named in a currency of its own.
                     r"amount\s+in\s+(?-i:[A-Z]{3})(?:\s+(?:is|was|will be))?)\W{0,5}$",
                     re.IGNORECASE)
# ... or said after it to have left the account: "You paid €45.00 at ZARA. £38.72 was taken from your GBP account".
_BILLED_AFTER = re.compile(r"\s+(?:was|were|has been|have been|is being)\s+(?:taken|debited|charged|deducted)\s+"
                           r"(?:from|to)\s+your\b", re.IGNORECASE)


def _billed(text: str, found: list[Mention], amount: Mention) -> Mention:
    """The amount in the account's currency when the alert labels it so, else ``amount``."""
    floor = amount.end
    for m in found:
        if m.start < amount.end:
            continue
        if m.role == "amount" and m.currency != amount.currency and m.amount > 0 \
                and (_BILLED.search(text, max(floor, m.start - 50), m.start) or _BILLED_AFTER.match(text, m.end)):
            return m
        floor = m.end
    return amount


# Where the alert proper ends and the instructions, greetings and legal text begin.
_FOOTER = re.compile(
    r"\b(?:not you|if not (?:done|you|made|initiated)|to block|block (?:your )?(?:card|a/?c)|call (?:us|on|at|\+?\d+)|"
    r"sms \w+ to|never share|do not share|kind regards|best regards|regards|sincerely|thank you for (?:banking|using)|"
    r"this (?:e-?mail|message) (?:is|and)|disclaimer|to unsubscribe|in case of (?:any )?doubt|for (?:any )?(?:queries|"
    r"assistance|help)|"
    # The legal block at the bottom of an e-mail alert.
    r"(?:this is (?:a|an) )?(?:system|computer|auto(?:matically)?)[- ]generated|(?:please )?do not reply|"
    r"all rights reserved|privacy policy|unsubscribe|if you did not (?:make|do|authori[sz]e|recogni[sz]e|initiate))\b"
    # "©" has no word boundary; Arabic "an automated message", "do not reply", "all rights reserved".
    r"|©|رسالة آلية|يرجى عدم الرد|جميع الحقوق محفوظة", re.IGNORECASE)


def _footer_start(text: str, start: int) -> int:
    """Where the first footer phrase after ``start`` (the amount) begins."""
    m = _FOOTER.search(text, start)
    return m.start() if m else len(text)


# "R-325.50", "AED -50.00": a minus glued to the number after the currency.
_INNER_MINUS = re.compile(r"[^\d\s+-]+\s?-(?=\d)")


def _sign(text: str, amount: Mention) -> Direction | None:
    """A "+" (money in) or "-" (money out) right before the amount, one space at most."""
    before = text[max(0, amount.start - 2):amount.start].rstrip()
    first = text[amount.start]
    sign = first if first in "+-" else (before[-1:] if before else "")
    if sign not in ("+", "-") and _INNER_MINUS.match(text, amount.start, amount.end):
        sign = "-"
    return Direction.DEBIT if sign == "-" else Direction.CREDIT if sign == "+" else None


def _signed(text: str, amount: Mention) -> tuple[Direction, Kind] | None:
    """"-50,000 VND" / "+1,200.00 THB" with no wording: the sign says which way."""
    sign = _sign(text, amount)
    if sign is None:
        return None
    return sign, Kind.DEBIT if sign is Direction.DEBIT else Kind.CREDIT


class GenericParser:
    name = "generic"
    sender_domains: tuple[str, ...] = ()

    def claims(self, alert: Alert) -> bool:
        return True

    def parse(self, alert: Alert) -> ParseResult:
        result = self._read(alert, alert.text)
        if result.status is Status.UNRECOGNIZED and mentions(alert.subject):
            # Some alerts carry the amount or its way only in the Subject ("Kartenzahlung über 45,00 € bei
            # EDEKA") and a bare pointer in the body ("Ihre Karte wurde belastet. Details in der App"): read
            # the subject as the alert's first line. Only a subject that itself names money (not a mere
            # "Transaction alert" heading), and only a transaction read so is taken; the refusals already
            # saw the subject.
            retry = self._read(alert, f"{alert.subject}\n{alert.text}")
            if retry.status is Status.TRANSACTION:
                return retry
        return result

    def _read(self, alert: Alert, body: str) -> ParseResult:
        # Lines become " | " so a field never runs into the next line's value.
        text = " | ".join(" ".join(line.split()) for line in body.split("\n") if line.strip())[:4000]
        found = mentions(text)
        plain = [m for m in found if m.role in ("amount", "total") and m.amount > 0]
        reason = non_transaction_reason(text, alert.subject)
        # A failed or cancelled payment whose money has already come back is a credit (the
        # corpus counts "unsuccessful transaction of AED 42.13 has been credited to your
        # account" so); every other refused message stays refused.
        if reason and not (reason in (FAILED, CALLED_OFF) and _refund_credit(text)):
            return ParseResult(Status.NOT_TRANSACTION, self.name, reason)
        if not found:
            found = plain = _bare_upi_amount(text) or _field_amount(text)
        fee = None if plain else _charged_fee(text, found)
        if fee is not None:
            plain = [fee]
        elif not plain:
            if found:
                return ParseResult(Status.NOT_TRANSACTION, self.name, "balance or fee only, no transaction amount")
            return ParseResult(Status.UNRECOGNIZED, self.name, "no amount with a currency found")
        amount = _billed(text, found, _pick_amount(text, found, plain))
        own = _sentence(text, amount.start)
        if _OFFER_REWARD.search(own) and _OFFER_TERMS.search(own):
            return ParseResult(Status.NOT_TRANSACTION, self.name, "promotion: the amount is an offer's condition or reward")
        if _emi_offer(text, amount):
            return ParseResult(Status.NOT_TRANSACTION, self.name, "promotion: an offer to convert the amount into EMIs")
        if not amount.exact:
            return ParseResult(Status.UNRECOGNIZED, self.name,
                               f"amount printed with more decimals than {amount.currency} has")
        wording = (Direction.DEBIT, Kind.FEE) if fee is not None else _direction(text, amount, found) or _signed(text, amount)
        if wording is None:
            return ParseResult(Status.UNRECOGNIZED, self.name, "an amount but no debit/credit wording")
        direction, kind = wording
        if reason:
            # A failed payment's money coming back, never a debit, whatever "debited" says.
            direction, kind = Direction.CREDIT, Kind.REFUND
        footer = _footer_start(text, amount.end)
        party = (_party(text, direction, amount, kind, footer) or _field_party(text, amount, footer)
                 or _label(text, kind, direction))
        balance = next((m for m in found if m.role == "balance" and m.start > amount.start), None)
        account = masks.account_mask(text, direction.value)
        when = dates.find_datetime(text, alert.date)
        merchant = party if kind in (Kind.PURCHASE, Kind.WITHDRAWAL, Kind.DEBIT, Kind.REFUND) else None
        counterparty = party if merchant is None else None
        txn = ParsedTransaction(
            amount=amount.amount, currency=amount.currency, direction=direction, kind=kind,
            merchant=merchant, counterparty=counterparty, account=account,
            balance=balance.amount if balance else None, balance_currency=balance.currency if balance else None,
            occurred_at=when, reference=_reference(text), card=masks.card_mask(text),
        )
        return ParseResult(Status.TRANSACTION, self.name, f"generic: {kind.value} wording", txn)


# An offer's sentence: a reward promised on a condition ("Spend OMR 50.000 or more and get OMR 5.000
# credited as cashback", "earn 2 points for every OMR 1.000 spent"). Its amount moved no money, whatever
# "credited" or "spent" says. Read in the amount's own sentence only: "OMR 25.000 spent at NOON. Get 5%
# cashback on your next purchase" is still a purchase.
# Also Spanish, Portuguese, French and Indonesian ("Obtén 10% de descuento en tu próxima compra mayor a
# $500", "Dapatkan cashback untuk transaksi minimal Rp 200.000"). The condition may follow a sender's name:
# "Citi: Spend $3,000 in the first 3 months and earn a $200 statement credit".
_OFFER_REWARD = re.compile(r"(?<![^\W\d_])(?:get|earn|win|enjoy|receive|obt[ée]n|obtenha|gana|ganhe|recibe|profitez|"
                           r"b[ée]n[ée]ficiez|dapatkan|nikmati)(?![^\W\d_])", re.IGNORECASE)
_OFFER_TERMS = re.compile(r"(?:^|[|:]\s*)\W*(?:spend|shop|pay|transact)\s+(?!of\b)|\bwhen you (?:spend|shop|pay|use)\b|"
                          r"\bfor every\b|\bor more\b|\bminimum spend\b|(?<![^\W\d_])(?:mayor a|superior a|a partir de|"
                          r"o m[áa]s|ou mais|ou plus|minimal|m[íi]nim[oa] de|pr[óo]xima compra|next purchase)(?![^\W\d_])",
                          re.IGNORECASE)


# An offer to turn an earlier purchase into instalments, the amount inside the offer: "Convert your purchase of
# Rs 24,999.00 at CROMA into easy EMIs of Rs 2,199/month". Only when "convert" comes before the amount in its
# sentence: a real alert's "Rs 24,999 spent at CROMA. Convert to EMI: SMS EMI to 5676766" keeps its purchase.
_EMI_OFFER = re.compile(r"\bconvert\b[^|]{0,120}?\b(?:in)?to\s+(?:(?:easy|simple|\d+)\s+)?(?:EMIs?|instal?lments?)\b",
                        re.IGNORECASE)


def _emi_offer(text: str, amount: Mention) -> bool:
    """The amount sits inside an offer to convert it into EMIs (instalments)."""
    start, end = _sentence_bounds(text, amount.start)
    m = _EMI_OFFER.search(text, start, end) if "convert" in text[start:amount.start].lower() else None
    return m is not None and m.start() < amount.start


_REF = re.compile(r"\b(?:Ref(?:erence)?(?:\s*(?:No\.?|number))?|RRN|UTR|Txn\s*Id|TrxID|Transaction ID|TxnId|Kumb)"
                  r"(?![^\W_])\s*[:.#]?\s*(?P<ref>(?=[A-Z.\-]*\d)[A-Z0-9][A-Z0-9.\-]{5,})", re.IGNORECASE)
# Money back after a failed payment, already done ("has been credited", "was reversed"), not
# promised ("will be refunded", "will automatically be reversed", "if debited, it gets refunded").
_REFUND_CREDIT = re.compile(r"(?:refund|revers|unsuccessful|fail|cancel|reject|void)\w*.{0,80}?"
                            r"\b(?:has|have|was|were|is|are|got)\s+(?:been\s+)?(?:(?:successfully|already|now|fully)\s+)?"
                            r"(?:credited|refunded|reversed)\b"
                            # "Reversal: INR 1,500.00 credited back to A/c XX5566 for failed txn at IRCTC".
                            r"|(?<!will be )(?<!to be )\bcredited back\b"
                            # "Reversal of Rs 2,500.00 credited to your a/c XX4321 ... for failed UPI txn": the
                            # reversal named first, its amount, then credited (not "to be credited").
                            r"|\b(?:refund|reversal)\s+(?:of|for)\s+\W{0,2}(?:[A-Za-z]{1,3}\.?\s?)?\d[\d,.]*(?:\s?[A-Z]{3})?"
                            r"\s+(?:(?:has been|was|is)\s+)?(?:successfully\s+)?credited\b", re.IGNORECASE)


def _refund_credit(text: str) -> bool:
    return bool(_REFUND_CREDIT.search(text))


def _reference(text: str) -> str | None:
    m = _REF.search(text)
    return m.group("ref").rstrip(".") if m else None


GENERIC = GenericParser()
