"""Messages from banks that move no money: OTPs, promotions, declines, reminders...

Counting one of these is worse than missing a real alert, so any of these signals wins
over an amount found in the text. Returns a short reason, or None.
"""

from __future__ import annotations

import re
import unicodedata

_TXN_VERB = re.compile(
    r"\b(?:debited|credited|spent|paid|sent|received|withdrawn|withdrew|purchase|transferred|deposited|"
    # "It will be credited once confirmed" says no money moved yet.
    r"(?<!once )(?<!when )(?<!until )(?<!unless )(?<!if )confirmed|cargo|abono|compra|d[ée]bit[ée]?|cr[ée]dit[ée]|achat|debitad[oa]|creditad[oa]|"
    # "A payment of OMR 60.000 to OMANTEL was made from your account": done, whatever a footer offers.
    r"(?:was|has been|have been|were) made|money (?:in|out)|"
    # "Your Credit Card ending 1234 has been used for AED 250.00 at SHOP", "was charged EGP 540.00".
    r"(?:was|has been|were|have been) (?:used (?:for|at|on)|charged)|"
    # "₹25.00 cashback has been added to your Amazon Pay balance": money put in the customer's wallet.
    r"(?:was|has been|have been|were) (?:added|loaded) to your (?:[\w-]+ ){0,3}(?:wallet|balance|account|a/?c)|"
    # A loan paid out ("Congratulations! Your loan ... has been disbursed to your a/c"); Portuguese recebeu
    # (you received), Spanish recibiste / abonado (credited); Hindi-English "credit ho gaya" (was credited).
    r"disbursed|receb(?:eu|id[oa])|recibi(?:ste|d[oa])|abonad[oa]|(?:credit|debit|jama) ho gay[aei]|"
    # Portuguese "foi realizado / efetuado" (was made: "Pix agendado de R$ 300,00 ... foi realizado hoje"), not
    # "não foi realizado" (was not).
    r"(?<!não )(?<!nao )foi (?:realizad|efetuad)[oa])\b"
    # Whole words: سيتم خصم ("will be deducted") and لم يتم خصم ("was not deducted") hold تم خصم. تم / تمت إضافة
    # ("has been added") of money: "تم إضافة استرداد نقدي بقيمة AED 45.00 إلى بطاقتك" (cashback added to your card);
    # not "تمت إضافة أحمد كمستفيد" (a beneficiary added).
    r"|(?<![^\W\d_])(?:تم خصم|تم [إا]يداع|تمت? إضافة (?:مبلغ|استرداد|كاش ?باك|أرباح|فوائد|رصيد))", re.IGNORECASE)

# Always a non-transaction, whatever else the text says.
_STRONG: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        # TAC: Malaysia's "Transaction Authorisation Code", sent like an OTP ("Your TAC for ... is 482913").
        ("one-time password", r"\b(?:OTP|one[- ]time (?:pass(?:word|code)|pin)|verification code|security code|"
                              r"activation (?:key|code)|TAC|transaction authori[sz]ation code)\b(?:\s+(?:for|is|to|code)\b|\W{0,3}\d{4,8}\b|[^.]{0,30}?\b\d{4,8}\b)"
                              r"|\b\d{4,8}\s+is your (?:OTP|one[- ]time|verification)|رمز التحقق|كلمة المرور لمرة واحدة"
                              # A code to type in, named without "OTP": "Use 482913 to authorise the payment
                              # of OMR 25.000", "Enter the code 482913 to continue", "The PIN to confirm".
                              # "Your token is 482913. Use it to complete the transfer of NGN 50,000".
                              r"|\b(?:\d{4,8}|code|PIN|(?:use|enter) (?:it|this|the (?:code|token|OTP|PIN)))\s+to\s+"
                              r"(?:authori[sz]e|confirm|verify|validate|complete|"
                              r"approve|continue|proceed)\b|كلمة (?:المرور|السر) المؤقتة"),
        ("declined or failed payment", r"\b(?:declined|unsuccessful|was not (?:processed|successful)|could not be "
                                       r"(?:processed|completed)|has failed|failed due to|transaction failed|"
                                       r"insufficient (?:funds|balance)|(?:funds|balance) insufficient|rechazad[ao]|refus[ée]e?|failed|please wait for confirmation|"
                                       r"pending confirmation|not sufficient (?:funds|balance)|not enough (?:funds|balance)|(?:has been|was|were|is) denied)\b"
                                       # "was not approved" (not "if this was not approved by you, call us").
                                       r"|\bnot approved\b(?!\s+by\b)|مرفوضة|لم تتم|عدم كفاية الرصيد"
                                       # "لم يتم خصم" (was not deducted); not the footer "إذا لم يتم ..." (if not done by you).
                                       r"|(?<!إذا )(?<!إن )(?<!حال )لم يتم (?:خصم|تنفيذ|قبول|الموافقة|إتمام)"),
        # "Your payment of OMR 5.000 to SHOP has been rejected", "Transaction ... was voided": the
        # transaction itself called off (not "a refund for the cancelled order").
        ("cancelled or rejected transaction",
         r"\b(?:transaction|txn|payment|purchase|transfer|charge|debit|withdrawal|remittance)\b"
         r"(?:[^.|]|(?<=\d)\.(?=\d)){0,80}?\b(?:has been|have been|was|were|is|got)\s+"
         r"(?:(?:now|successfully)\s+)?(?:rejected|cancell?ed|canceled|voided)\b"
         r"|\b(?:transaction|txn|payment|transfer)\s+(?:rejected|cancell?ed|canceled|voided)\b"),
        ("card bill payment acknowledged", r"\bpayment of .{0,30}?(?:has been )?received (?:for|on|towards) your\b"
                                           r"|\bthank you for your payment\b|\breceipt of your payment\b"),
        ("payment request, not a payment", r"\b(?:has requested|requested money|collect request|payment request|"
                                           r"is requesting|to approve|sent you an? (?:\w+ )?request)\b"),
        # "Your Direct Debit of £45.00 is due to be collected on 05/03".
        ("reminder or due notice", r"\b(?:is due on|is due to be|will be (?:collected|taken)|due date|minimum (?:amount )?due|payment reminder|"
                                   r"overdue|will be debited|will be deducted|is scheduled to|received today for processing|"
                                   r"is due by|is being processed|being processed)\b"),
        ("interest notice on a deposit", r"\binterest\b[^|]{0,40}?\b(?:paid|credited) (?:on|for) your\b[^|]{0,40}?"
                                         r"\b(?:deposit|FD|RD)\b"),
        ("card status notice", r"\b(?:card (?:[\w*]+ ){0,2}(?:has been |is |was )?(?:temporarily |permanently )?(?:blocked|activated|hotlisted|locked|unblocked|"
                               r"dispatched|delivered|de-?activated)|(?:blocked|activated) your card|"
                               r"has been (?:de-?)?activated)\b"),
        # The same signals in other languages (Spanish, French, Portuguese, Arabic, Hindi-English).
        ("one-time password", r"\b(?:c[óo]digo de (?:verificaci[óo]n|seguridad|verifica[çc][ãa]o|seguran[çc]a)|kode verifikasi|clave (?:din[áa]mica|de un solo uso)|"
                              r"code (?:de v[ée]rification|de s[ée]curit[ée]|à usage unique)|mot de passe à usage unique|"
                              r"c[óo]digo de confirma[çc][ãa]o|code de confirmation)\b|الرمز السري|رمز التفعيل|كود التحقق"),
        ("declined or failed payment", r"\b(?:declinad[ao]|fallid[ao]|no (?:fue|ha sido) (?:procesad[ao]|aprobad[ao])|"
                                       r"[ée]chou[ée]e?|a [ée]chou[ée]|recusad[ao]|falhou|asafal|fail ho gay[ai]|"
                                       # Indonesian/Malay, Swahili, German, Dutch, Vietnamese, Turkish.
                                       r"gagal|ditolak|tidak (?:berjaya|berhasil)|imeshindwa|umeshindwa|haikufanikiwa|"
                                       r"abgelehnt|fehlgeschlagen|mislukt|geweigerd|that bai|khong thanh cong|"
                                       r"reddedildi|ba[şs]ar[ıi]s[ıi]z)\b"
                                       r"|تم رفض|فشلت|فشل|رفض العملية"
                                       # Korean 거절 (declined), 취소 (cancelled: "승인취소").
                                       r"|거절|취소"),
        ("payment request, not a payment", r"\b(?:solicitud de pago|te ha solicitado|demande de paiement|"
                                           r"pedido de pagamento)\b|طلب دفع|طلب تحويل"),
        ("reminder or due notice", r"\b(?:fecha (?:de )?(?:vencimiento|l[íi]mite)|recordatorio de pago|date d'[ée]ch[ée]ance|"
                                   r"rappel de paiement|data de vencimento)\b|تذكير|موعد الاستحقاق|مستحق"),
        ("card status notice", r"\b(?:tarjeta (?:ha sido )?(?:bloqueada|activada)|carte (?:a [ée]t[ée] )?(?:bloqu[ée]e|activ[ée]e)|"
                               r"cart[ãa]o (?:foi )?(?:bloqueado|ativado))\b|تم إيقاف البطاقة|تم تفعيل البطاقة|تم حظر البطاقة"),
    )
)
# Signals that refuse a message whatever else it says, but only where no bank template vouches
# for it (the generic parser, and template banks through non_transaction_reason): worded
# loosely enough that a real alert's footer or extra line could hold them ("You earned 15
# points for your purchase", "payment scheduled for 05/03 has been made"), so a bank
# parser's check after one of its templates matched leaves them out (strong_reason,
# non_transaction_reason(vouched=True)).
_WIDER: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        # "We couldn't pay a Direct Debit ...", "there wasn't enough money", "unable to process".
        ("declined or failed payment", r"\b(?:(?:couldn't|could not|can't|cannot|were unable to|was unable to|unable to) "
                                       r"(?:pay|make|process|complete|collect)|(?:wasn't|isn't|not) enough money)\b"),
        # "Approve the payment of USD 120.00 in the app": asked, not done ("if you did not
        # authorise this transaction" is a footer, not such an ask).
        ("payment request, not a payment", r"(?<!not )(?<!n't )(?<!or )(?<!and )\b(?:approve|confirm)\s+(?:the|this)\s+"
                                           r"(?:payment|transaction|purchase|transfer)\b"),
        # "We received your dispute for the $129.99 charge", "Your complaint has been registered": a claim
        # about a transaction, not one (a chargeback that gave money back says credited/refunded instead).
        ("dispute or complaint notice", r"\b(?:received|opened|filed|registered|logged|raised)\s+(?:your|a|the)\s+"
                                        r"(?:dispute|complaint|claim)\b|\b(?:dispute|complaint|claim)\s+(?:has been|was|is)\s+"
                                        r"(?:received|opened|filed|registered|logged|raised|under review)\b"
                                        # "Your request to reverse transaction QJK1 of Ksh1,000.00 has been received".
                                        r"|\brequest to (?:reverse|cancel|refund|dispute|stop)\b"
                                        r"|\b(?:reversal|refund|cancellation|chargeback) request\b"),
        # "Request for Rs 500.00 from PRIYA SHARMA received on your UPI ID": money asked of the customer by
        # someone, not the customer's own "transfer request of AED 130.00 from account XXXX0003".
        ("payment request, not a payment", r"(?<!transfer )\brequest (?:for|of)\s+\W{0,2}(?:[A-Za-z]{1,3}\.?\s?)?\d[\d,.]*"
                                           r"(?:\s?[A-Z]{3})?\s+from\s+(?!your\b|a/?c\b|acc|account\b|card\b)(?-i:[A-Z][A-Za-z.'\-]+\s)"),
        # "You have earned 150 points for your purchase of SAR 150.00": a reward on an earlier transaction.
        ("reward points notice", r"\bearned\s+[\d,]+\s+(?:\w+\s+)?(?:points|miles|stars)\s+(?:for|on)\s+(?:your|the)\b"),
        # A status row of an e-mail table: "Status | Rejected", "Transaction Status: Cancelled".
        ("cancelled or rejected transaction", r"\bstatus\s*[:|]?\s*(?:rejected|cancell?ed|canceled|voided)\b"),
        # A loan offered, not paid out: "Pre-approved loan of Rs 5,00,000 ... credited in 10 seconds! Apply now".
        # Not "pre-approved loan" alone: one "disbursed to your account" is a credit; nor "Apply now" alone,
        # which a real alert's promotional footer may carry (the weak "promotion" reason covers it there).
        ("promotion", r"\bcredited in (?:just )?\d+ (?:seconds|minutes|mins)\b"),
        # Payments set for a later day: "scheduled for 05/03", "programada para", "agendado para", "dijadwalkan".
        ("reminder or due notice", r"\b(?:(?:is |are )?scheduled (?:for|on)|upcoming payment|"
                                   r"(?:est[áa] )?programad[oa] para|agendad[oa] para|terjadwal|dijadwalkan|"
                                   # French "programmé pour le 05/12" (set for).
                                   r"programm[ée]e?s? pour)\b"),
        # Russian: "Отказ. Покупка 2 500 RUB" (refusal), "отклонена" (declined), "Недостаточно средств"
        # (insufficient funds); a code to type in ("Код: 482913. Никому не говорите код").
        ("declined or failed payment", r"\b(?:отказ|отказано|отклонен[аоы]?|недостаточно средств)\b"),
        ("one-time password", r"\b(?:код|пароль)\W{1,3}\d{4,8}\b|\bникому не (?:говорите|сообщайте)\b"),
        # Thai: "รหัส OTP สำหรับโอนเงิน 5,000.00 บาท ไปยังบัญชี x9012 คือ 482913" (the OTP ... is 482913): the
        # code itself given, not a footer's "อย่าบอกรหัส OTP แก่ผู้อื่น" (never tell the OTP to anyone).
        ("one-time password", r"\bOTP\b[^|]{0,80}?คือ\s*\d{4,8}\b"),
        # A refund or reversal promised, not made: "Your refund of Rs 1,299.00 has been initiated and will be
        # credited in 5-7 days", Portuguese "estorno ... será creditado", Spanish "reembolso ... se verá
        # reflejado", French "remboursement ... sera crédité", Hindi-English "refund ... credit ho jayega".
        # In the refund's own sentence only; "Refund of Rs 500 credited" stays a credit. The refund is the
        # message's own, its amount right after it (or before "ka refund"): a purchase alert's footer "Refund, if
        # any, will be credited to the source account" is no such promise.
        ("pending or future movement, not done yet",
         r"(?:\b(?:refund|reversal|estorno|reembolso|remboursement)\s+(?:amount\s+)?(?:of|for|de|du)\s+[^\d|]{0,6}?\d|"
         r"\d\s+ka\s+refund\b)(?:[^.|]|(?<=\d)\.(?=\d)){0,120}?"
         r"(?:\bwill be (?:credited|reversed|refunded)|\bser[áa] (?:creditad|acreditad|reembolsad|devolvid)[oa]|"
         r"\bsera (?:cr[ée]dit|rembours)[ée]e?|\bse ver[áa] reflejad[oa]|\b(?:credit|jama) ho jay?ega)\b"),
        # Money asked of the customer: Swahili "X ameomba Ksh 2,500 kutoka kwako" (has requested), "Thibitisha
        # malipo" (confirm the payment, a prompt to enter the PIN).
        ("payment request, not a payment", r"\b(?:ameomba|amekuomba|thibitisha (?:malipo|muamala))\b"),
        # A purchase tried and stopped: "blocked after an attempted purchase of USD 980", Spanish "intento de
        # compra", Portuguese "tentativa de compra", French "tentative de paiement".
        ("declined or failed payment", r"\b(?:attempted (?:purchase|transaction|payment|transfer)|intento de (?:compra|pago)|"
                                       r"tentativa de (?:compra|pagamento)|tentative de (?:paiement|transaction))\b"),
        # A summary of a period, not a movement: "You spent $2,345.67 across 48 transactions in November", "total
        # credits Rs 85,000.00, total debits ...", Spanish "Resumen de movimientos" (summary of movements).
        ("statement notice", r"\bacross \d+ (?:transactions|purchases|payments)\b|\btotal (?:credits|debits)\b|"
                             r"\bresumen de movimientos\b"),
        # Declines in words _STRONG does not hold: Portuguese "Compra de R$ 89,90 em AMAZON negada" (denied), Thai
        # "ถูกปฏิเสธ" (was refused), Swahili "Muamala ... haukufanikiwa" / "Malipo ... hayakufanikiwa" (did not
        # succeed: the negative prefix agrees with the noun's class, ha-i- being the only one _STRONG knows).
        ("declined or failed payment", r"\b(?:negad[oa]|ha(?:u|ya|li|zi|ku)kufanikiwa)\b|ถูกปฏิเสธ"),
        # Mobile money failures: French "Echec du transfert ... Solde insuffisant" (failure, balance too low; wallets
        # drop the accent), Filipino "Hindi natuloy ang pag-send mo ... kulang ang iyong balance" (did not go through,
        # your balance is short), "hindi sapat" (not enough).
        ("declined or failed payment", r"\b(?:[ée]chec|solde insuffisant|hindi (?:natuloy|nagtagumpay|matagumpay)|"
                                       r"kulang ang (?:iyong |inyong |yong )?(?:balance|pondo|load)|hindi sapat)\b"),
        # A code to type in, in Vietnamese without diacritics: "Ma xac thuc MoMo cua ban la 583920" (your
        # verification code is), "ma OTP".
        ("one-time password", r"\b(?:ma|mã) (?:xac|xác) (?:thuc|thực|nhan|nhận)\b"),
        # Portuguese "Pix ... não foi concluído" (was not completed), Spanish / Portuguese "saldo insuficiente".
        ("declined or failed payment", r"\bn[ãa]o foi (?:conclu[íi]d|realizad|efetuad|processad|aprovad)[oa]\b|"
                                       r"\bsaldo insuficiente\b"),
        # Money asked of the customer: Portuguese "JOSE SANTOS solicitou um Pix de R$ 75,00" (asked for), Spanish
        # "JUAN PEREZ te pidió $50.000" (asked you for).
        ("payment request, not a payment", r"\bsolicitou (?:um |uma )?(?:pix|pagamento|transfer[êe]ncia)\b|"
                                           r"\bte (?:pidi[óo]|ha pedido|est[áa] pidiendo)\b"),
        # A code to type in, in Swahili: "Nambari yako ya uthibitisho ni 483920" (your confirmation number is), the
        # code itself given. Not "namba ya siri" (PIN): a real M-Pesa-style credit says "Tumia namba ya siri XXXXX
        # kutoa pesa" (use the PIN to withdraw the cash you received).
        ("one-time password", r"\b(?:nambari|namba|msimbo)\s+(?:yako\s+)?ya\s+uthibitisho\s+(?:ni\s+)?\d{4,8}\b"),
        # Money asked of the customer: Russian "ИВАН ПЕТРОВ запрашивает у вас 1 000 руб." (is requesting from you).
        ("payment request, not a payment", r"\bзапрашива(?:ет|ют)\s+(?:у\s+вас|перевод|оплату)\b"),
        # A debit announced, not made: French "Prélèvement à venir de 49,99 EUR" (direct debit to come). Here,
        # not among the "unless money moved" checks: the bank's own name ("Crédit Agricole") reads as credited.
        ("reminder or due notice", r"\bpr[ée]l[èe]vements?\s+(?:[àa]\s+venir|pr[ée]vus?)\b"),
        # An invitation to buy in Indian languages written in Latin letters: "AMAZON-il Rs 5,000 mele purchase
        # pannunga" (Tamil "please do"), "Rs 10,000 ki shopping karein" (Hindi): the offer's condition, whose
        # "purchase" would otherwise say money moved.
        ("promotion", r"\b(?:purchase|shopping|spend|transaction|payment)\s+(?:karein|kijiye|karo|pannunga|pannungal|"
                      r"cheyyandi|cheyandi|maadi)\b"),
        # Declines in European languages _STRONG does not hold: Italian rifiutato/respinto, Polish odrzucona, Czech
        # zamítnuta, Hungarian elutasítva, Norwegian/Danish avvist/afvist, Swedish nekad, Finnish hylätty, Greek
        # απορρίφθηκε; "not enough money" in Polish, Czech, Italian, Dutch, German. Hebrew נדחתה/נדחה (was declined),
        # Japanese 拒否 (refused), Chinese 拒绝/拒絕 (refused), 失败/失敗 (failed), 余额不足/残高不足 (short of funds).
        ("declined or failed payment", r"\b(?:rifiutat[oa]|respint[oa]|odrzucon[aeoy]|zam[íi]tnut[aáoýé]|"
                                       r"elutas[íi]t(?:va|otta|ott)|avvist|afvist|nekad|hyl[äa]tty|απορρ[ίι]φθηκε|"
                                       r"brak [śs]rodk[óo]w|nedostatek prost[řr]edk[ůu]|fondi insufficienti|"
                                       r"onvoldoende saldo|keine ausreichende deckung)\b"
                                       r"|נדחתה|נדחה|拒否|拒绝|拒絕|失败|失敗|余额不足|餘額不足|残高不足"),
        # Codes to type in: German mTAN/pushTAN ("Ihre mTAN lautet 482913"), Polish "Kod SMS", Finnish vahvistuskoodi,
        # Hungarian "egyszer használatos kód" (one-time code), Czech/Swedish/Danish/Dutch/Italian/German words for a
        # verification or confirmation code; Japanese 認証コード/認証番号/ワンタイムパスワード, Chinese 验证码/驗證碼/
        # 动态密码/動態密碼, Korean 인증번호 (authentication number).
        ("one-time password", r"\b(?:(?:m|sms|push|chip)tan|tan\s+lautet|kod sms|kod (?:weryfikacyjny|autoryzacyjny|"
                              r"jednorazowy)|vahvistuskoodi|egyszer haszn[áa]latos k[óo]d\w*|ov[ěe][řr]ovac[íi] k[óo]d|"
                              r"bekr[äa]ftelsekod|engangskode|verificatiecode|codice (?:otp|di verifica|di sicurezza)|"
                              r"best[äa]tigungscode|sicherheitscode)\b"
                              r"|認証コード|認証番号|ワンタイムパスワード|验证码|驗證碼|动态密码|動態密碼|인증번호|인증코드"),
    )
)
_WIDER_WORDS = ("couldn't", "could not", "can't", "cannot", "unable", "enough money", "approve", "confirm", "dispute",
                "complaint", "claim", "request", "earned", "scheduled", "upcoming", "programad", "agendad", "jadwal",
                "status", "credited in", "отказ", "отклон", "недостаточно", "код", "пароль", "никому", "คือ",
                "programm", "refund", "revers", "estorno", "reembolso", "rembours", "omba", "thibitisha", "attempt",
                "intento", "tentativ", "across", "total cred", "total deb", "resumen", "negad", "kufanikiwa",
                "ถูกปฏิเสธ", "ya uthibitisho", "запрашива", "venir", "prévu", "prevu", "karein", "kijiye",
                "karo", "pannunga", "cheyyandi", "cheyandi", "maadi", "foi", "insuficiente", "solicitou", "te pid", "te ha pedido",
                "te está pidiendo", "te esta pidiendo", "rifiutat", "respint", "odrzucon", "zamítnut", "zamitnut",
                "elutasít", "elutasit", "avvist", "afvist", "nekad", "hylätty", "hylatty", "απορρ", "rak środk",
                "rak srodk", "nedostatek", "insufficienti", "onvoldoende", "ausreichende", "נדח", "拒", "失败", "失敗",
                "不足", "mtan", "smstan", "pushtan", "chiptan", "tan lautet", "koodi", "kód",
                "kod", "engangskode", "verificatiecode", "tigungscode", "sicherheitscode", "codice", "認証",
                "ワンタイム", "验证",
                "驗證", "动态密码", "動態密碼", "인증", "chec", "insuffisant", "hindi ", "kulang", "xac", "xác")


# A non-transaction only when no money moved: promotions and statements often quote amounts.
_WEAK: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("statement notice", r"\b(?:e-?statement|statement (?:is|for|of)|statement has been generated)\b"),
        ("statement notice", r"\b(?:estado de cuenta|relev[ée] de (?:compte|carte)|extrato)\b|كشف الحساب|كشف حساب"),
        # "Your KYC is due for update ... Transfers above Rs 50,000 will be blocked": a compliance notice.
        ("KYC notice", r"\b(?:KYC|know your customer)\b"),
        ("promotion", r"\b(?:offers?\b|cashback|pre-?approved|apply now|congratulations|exclusive deal|"
                      r"use code|limited period|upgrade to|eligible for|click here to avail|visit (?:branch|us))"
                      r"|\b(?:oferta|promoci[óo]n|promo[çc][ãa]o|offre sp[ée]ciale|f[ée]licitations)\b|عرض خاص|عروض"
                      # Loans and credit offered: Spanish "Te ofrecemos un crédito", "preaprobado", Portuguese
                      # "pré-aprovado"; Vietnamese "Ưu đãi" / "Uu dai" (offer), Thai โปรโมชั่น (promotion) and
                      # เมื่อใช้จ่ายครบ (when your spend reaches).
                      r"|\b(?:te ofrecemos|pre-?aprobad[oa]|pr[ée]-?aprovad[oa]|[uư]u [dđ][aã]i)\b|โปรโมชั่น|เมื่อใช้จ่ายครบ"
                      # "get" and "cashback" (خصم in an offer is a discount, not a deduction).
                      r"|احصل على|استرداد نقدي"
                      # Chinese 限时优惠 (limited-time offer), 回馈/回饋/返现/返現 (cashback), 满/滿 before an amount (when
                      # your spend reaches: "刷卡滿NT$3,000回饋NT$300"); Japanese キャンペーン (campaign), Korean 이벤트 (event).
                      r"|限时优惠|限時優惠|回馈|回饋|返现|返現|[满滿]\s?(?:NT\$|HK\$|¥|RMB|人民币|人民幣)?\s?\d|キャンペーン|이벤트"),
        # "Revised schedule of charges: ATM withdrawal at other banks OMR 0.500": a price list.
        ("fee schedule notice", r"\b(?:schedule of (?:service )?(?:charges|fees)|tariff of charges|"
                                r"(?:revised|new) (?:service )?(?:charges|fees|tariffs?)\b)"),
        ("balance notice", r"\b(?:balance enquiry|balance inquiry|your (?:available |current )?balance (?:is|as on|for)|"
                           r"available balance (?:for|in|of) (?:your )?a/?c)\b|رصيدك الحالي|رصيدك المتاح"),
    )
)


# "A. Person has received Tsh 40000 on ...": the recipient's side of a payment, told to
# someone else; nothing left or reached the customer's account. "X has received Rs 21
# from your A/c" is the customer's own debit and stays a transaction.
_THIRD_PARTY = re.compile(r"(?<![\w/])((?:[A-Z][\w.'\-]*\s+){0,3}[A-Z][\w.'\-]*)\s+has received\s+"
                          r"(?=[^\s\d]{0,4}\s?\d)(?P<rest>[^|]{0,80})")
_OWN_SIDE = re.compile(r"\b(?:your|you|account|acct|a/c|ac|card|wallet|we|i|customer|sir|madam)\b", re.IGNORECASE)


def _third_party_received(flat: str) -> bool:
    for m in _THIRD_PARTY.finditer(flat):
        if not _OWN_SIDE.search(m.group(1)) and not _OWN_SIDE.search(m.group("rest")):
            return True
    return False


# Money that has not moved yet: a pending or future movement, a cheque still in clearing.
# Such a phrase decides only when nothing else in the message says money already moved
# ("Rs 500 spent at SHOP. Cashback will be credited in 30 days" is still a purchase).
_NOT_YET = re.compile(
    # "Your scheduled transfer of £300.00 to J PATEL will be made on 05/03/2026".
    r"\b(?:will be (?:credited|debited|deducted|refunded|reversed|transferred|paid|charged|sent|deposited|made|executed|"
    # "Your loan of KES 100,000 has been approved. Funds will be disbursed within 24 hours".
    r"initiated|disbursed)|"
    # A bonus promised on a condition: "AED 500 welcome bonus credited on approval" (an offer).
    r"(?:credited|paid|given|awarded) (?:on|upon|after) (?:approval|activation|sign-?up|your first)|"
    # "£45.00 to HOMEPOWER ENERGY will leave your account on 05/03".
    r"will (?:leave|go out of) your (?:account|a/?c)|"
    r"will mature|maturity (?:amount|date|proceeds|value)|is maturing|"
    # "Your fixed deposit of AED 50,000.00 matures on 20/12/2026" (a date to come, not a payout).
    r"matures (?:on|in)|due to mature|"
    r"(?:received|sent|presented|deposited|lodged) for clearing|under clearing|under process(?:ing)?|"
    r"(?:is|are|remains?) (?:still )?pending|pre-?authori[sz](?:ation|ed)|(?:temporary|authori[sz]ation) hold|is a hold|"
    r"ser[áa] (?:acreditad[oa]|creditad[oa]|debitad[oa]|cargad[oa]|reembolsad[oa])|sera (?:cr[ée]dit[ée]e?|d[ée]bit[ée]e?|rembours[ée]e?)|"
    r"est en cours de traitement|en proceso|"
    # Portuguese agendado (scheduled: "Pix agendado de R$ 250,00 para JOAO em 05/12"); one done says "foi realizado".
    r"agendad[oa]s?|"
    # French "sera prélevée le 10/12" (will be taken), Spanish "se realizará el 05/12" / "se cargará" (will be
    # made / charged), Portuguese "será realizado".
    r"sera pr[ée]lev[ée]e?s?|se (?:realizar|cargar|debitar|cobrar)[áa]|ser[áa] realizad[oa]|"
    # German and Dutch put the participle last: "Der Betrag wird am 05.12. von Ihrem Konto ... eingezogen" (a SEPA
    # pre-notification), "Op 05-12 wordt € 89,95 van uw rekening afgeschreven" (will be debited); a card payment
    # only reserved ("Vormerkung", "vorgemerkt"), a direct debit announced ("Vorabankündigung", Dutch
    # "aankondiging"). Polish "zostanie pobrana" (will be taken), Czech "bude stržena/odepsána", Italian "sarà
    # addebitato/accreditato".
    r"(?:wird|werden)\b(?:[^.|]|(?<=\d)\.(?=\d)){0,80}?\b(?:eingezogen|abgebucht|belastet|gutgeschrieben|überwiesen|ausgeführt)|"
    r"vormerkung|vorgemerkt|vorabank[üu]ndigung|vorabinformation|"
    r"(?:wordt|worden)\b(?:[^.|]|(?<=\d)\.(?=\d)){0,80}?\b(?:afgeschreven|bijgeschreven|ge[ïi]ncasseerd|overgemaakt)|[\w-]*aankondiging|"
    r"zostan(?:ie|[ąa])\s+(?:pobran|obci[ąa][żz]on|zaksi[ęe]gowan|przelan|pobrane)\w*|"
    r"bude\s+(?:str[žz]en|odeps[áa]n|za[úu][čc]tov[áa]n)\w*|sar[àa]\s+(?:addebitat|accreditat)\w*)\b"
    # Chinese 预授权/預授權 (a pre-authorisation), Japanese 仮売上 (a provisional sale), Korean 예정 (scheduled).
    r"|预授权|預授權|預先授權|仮売上|예정"
    # Arabic "will be" / "will not be": سيتم خصم مبلغ ... (a coming instalment), لن يتم ...
    r"|سيتم|سوف يتم|لن يتم",
    re.IGNORECASE,
)


# Set-up notices: a payment arranged for later or a payee added ("A standing instruction has been set
# up to transfer OMR 150.000 every month", "New beneficiary added. Transfers are limited to OMR 1,000
# per day"), and a limit changed ("Your daily ATM withdrawal limit has been changed to OMR 500.000").
# Like _NOT_YET they decide only when nothing outside the phrase says money moved ("Standing
# instruction executed: OMR 150.000 transferred", "OMR 25.000 spent. Your daily limit is now ..."
# stay transactions). Each runs only when its cheap words are in the text.
_SET_UP = re.compile(
    r"\b(?:standing (?:instruction|order)s?|(?:new )?(?:beneficiary|payee) (?:has been |was )?(?:added|registered)|"
    r"added as (?:a )?(?:beneficiary|payee)|"
    # "You have set up a new Direct Debit to BRITISH GAS for £85.00 monthly, first payment on 01/01/2027",
    # "Your e-mandate for Rs 2,000 has been registered": an authority to collect later, nothing collected.
    r"set up an? (?:new )?(?:direct debit|(?:e-?)?mandate|auto-?pay)|(?:direct debit|(?:e-?)?mandate|auto-?pay) "
    r"(?:has been |was )?(?:successfully )?(?:set up|registered|created))\b|كمستفيد|مستفيد جديد|إضافة مستفيد|تعليمات دائمة|أمر دائم",
    re.IGNORECASE,
)
# A payment coming up: "Heads up, your £9.99 payment to SPOTIFY is due tomorrow". Only with a number
# shortly before it in its sentence (the amount), not a confirmation's "Your next payment is due in 30 days".
_DUE_SOON = re.compile(r"\b(?:is|are) due (?:tomorrow|today|soon|in \d+ days?)\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?|]\s")


def _due_soon(flat: str) -> bool:
    """A sum said to be due soon, and nothing else says money moved."""
    for m in _DUE_SOON.finditer(flat):
        head = _SENTENCE_BREAK.split(flat[max(0, m.start() - 60):m.start()])[-1]
        if any(c.isdigit() for c in head):
            return _unless_moved(_DUE_SOON, flat)
    return False


# A bill or instalment falling due, in other languages: Spanish "el pago mínimo ... vence el 15/12", Portuguese
# "vence em 10/12", Indonesian "jatuh tempo" (falls due) / "pembayaran minimum", Thai ยอดชำระขั้นต่ำ (minimum
# payment) / ครบกำหนด (due), Vietnamese "đến hạn" (falls due) / "nhắc nợ" (debt reminder), Turkish "asgari ödeme"
# (minimum payment). Decides only when nothing else says money moved ("Pago recibido ... vence el" is not one).
_DUE_ABROAD = re.compile(r"\b(?:pago m[íi]nimo|pagamento m[íi]nimo|vence (?:el|em|en|hoy|amanh[ãa]|ma[ñn]ana)|"
                         r"jatuh tempo|pembayaran minimum|[dđ][eế]n h[aạ]n|nh[aắ]c n[oợ]|asgari [öo]deme|"
                         # Swedish/Norwegian/Danish "förfaller/forfaller/forfalder" (falls due), German "fällig" /
                         # Zahlungserinnerung, Dutch vervaldatum/betalingsherinnering, Polish przypomnienie (reminder),
                         # Finnish erääntyy/eräpäivä, Italian "in scadenza"/promemoria.
                         r"f[öo]rfaller|forfalder|f[äa]llig|zahlungserinnerung|vervaldatum|betalingsherinnering|"
                         r"przypomnienie|er[äa][äa]ntyy|er[äa]p[äa]iv[äa]|in scadenza|promemoria)\b"
                         # Japanese ご請求 (billing) / お支払日 (payment day), Chinese 还款/還款 (repayment due), 账单/帳單
                         # (the bill), Korean 결제일 (payment day).
                         r"|ご請求|お支払日|引落日|还款|還款|账单|帳單|賬單|결제일"
                         # The text arrives NFKC-normalised (parsers.extract), which splits Thai's SARA AM (ำ).
                         + unicodedata.normalize("NFKC", r"|ยอดชำระขั้นต่ำ|ครบกำหนด"), re.IGNORECASE)
_DUE_ABROAD_WORDS = ("nimo", "vence", "jatuh tempo", "pembayaran minimum", "han", "nhac no", "nhắc nợ", "asgari",
                     "rfaller", "forfalder", "llig", "zahlungserinnerung", "vervaldatum", "herinnering", "przypomnienie",
                     "ntyy", "eräp", "erap", "scadenza", "promemoria", "請求", "お支払日", "引落日", "还款", "還款", "账单",
                     "帳單", "賬單", "결제일",
                     *(unicodedata.normalize("NFKC", w) for w in ("ยอดชำระขั้นต่ำ", "ครบกำหนด")))


# Money asked for, not yet paid: "Payment link from ACME SOLUTIONS for ₹4,500.00 ... Pay by 10-12-2026".
# Like _NOT_YET it decides only when nothing else says money moved ("Rs 4,500 paid via a payment link from
# ACME" stays a payment).
_ASKED = re.compile(r"\bpayment link from\b|\bpay by \d{1,2}[-/.]\d{1,2}\b", re.IGNORECASE)
_SET_UP_WORDS = ("standing", "beneficiar", "payee", "direct debit", "mandate", "autopay", "auto-pay", "مستفيد", "دائم")
_LIMIT_CHANGE = re.compile(
    r"\b(?:daily|monthly|weekly|transaction|withdrawal|purchase|spend(?:ing)?|credit|card|ATM|POS|e-?commerce|online|"
    r"transfer|contactless)\s+limit\b[^.|]{0,60}?\b(?:(?:has been|have been|was|were|is|are)\s+(?:successfully\s+)?"
    r"(?:changed|increased|decreased|reduced|raised|enhanced|updated|modified|revised|set)|is now)\b",
    re.IGNORECASE,
)
# A survey about an earlier transaction ("You recently transferred OMR 200.000. How was your
# experience?"): the transaction had its own alert; this mail counts nothing again.
_SURVEY = re.compile(r"\b(?:how (?:was|did you find|satisfied|likely)|rate (?:us|your (?:experience|recent))|"
                     r"(?:take|complete) (?:our|a|this|the) (?:short |quick |brief )?survey|share your feedback)\b",
                     re.IGNORECASE)
_RECENT = re.compile(r"\brecent(?:ly)?\b", re.IGNORECASE)


# "Transfer request received" (a subject): the bank got the instruction, which says no money moved.
_REQUEST_RECEIVED = re.compile(r"\b(?:request|instruction|application)\s+(?:has been\s+|was\s+|is\s+)?received\b",
                               re.IGNORECASE)


# A card named by its kind ("A temporary hold ... has been placed on your debit card ending 9876"): the name of a
# product, not a debit or a credit made.
_CARD_NAME = re.compile(r"\b(?:debit|credit)\s+card\b", re.IGNORECASE)


def _unless_moved(pattern: re.Pattern[str], flat: str) -> bool:
    """The phrase is there and nothing outside it says money moved."""
    if not pattern.search(flat):
        return False
    rest = _CARD_NAME.sub(" ", _REQUEST_RECEIVED.sub(" ", pattern.sub(" ", flat)))
    return not _TXN_VERB.search(rest)


FAILED = "declined or failed payment"
CALLED_OFF = "cancelled or rejected transaction"

# A decline told about an earlier try, beside the one that went through: "Approved: $89.99 at AMAZON.COM
# on card ending 1234. An earlier attempt for this amount was declined for an incorrect CVV." The clause
# runs to the end of its sentence; the rest must say the payment was done, or the decline stands.
_EARLIER_TRY = re.compile(r"\b(?:an?|the|your)\s+(?:earlier|previous|prior|first)\s+(?:attempt|try)\b[^.|]{0,100}",
                          re.IGNORECASE)
_DONE = re.compile(r"\b(?:approved|successful(?:ly)?|completed)\b", re.IGNORECASE)


def _earlier_try_only(flat: str) -> bool:
    """The decline is about an earlier try and the rest says this payment was done."""
    rest = _EARLIER_TRY.sub(" ", flat)
    return rest != flat and bool(_DONE.search(rest) or _TXN_VERB.search(rest)) and _strong(rest) is None


def strong_reason(text: str, subject: str = "") -> str | None:
    """Only the signals that refuse a message whatever else it says (OTP, declined or failed,
    cancelled, payment request, reminder, card status): for a bank's own template, whose
    wording already says money moved, after it matched."""
    return _strong(" ".join(f"{subject}\n{text}"[:6000].split()))


# Words without which no strong pattern above can match: one cheap search answers "none"
# for most alerts (the 13 patterns cost about 250 us on a 270-character alert, a third of
# Bank Muscat's parse once they ran after every template). A pattern added above needs its
# words here too; tests/unit/test_negatives.py's examples check that each reason still fires.
_STRONG_WORDS = (
    "otp", "one time", "one-time", "verification", "security code", "activat", "رمز", "كلمة المرور", "كود",
    "tac", "authorization code", "authorisation code", "use it", "use this", "use the", "enter it", "enter this",
    "enter the", "kode verifikasi", "gagal", "ditolak", "tidak ber", "shindwa", "haikufanikiwa", "abgelehnt",
    "fehlgeschlagen", "mislukt", "geweigerd", "that bai", "khong thanh cong", "reddedildi", "başarısız", "basarisiz",
    "authoris", "authoriz",
    "declin", "unsuccess", "was not", "could not", "fail", "sufficient", "not enough", "denied", "not approved",
    "لم يتم", "كفاية", "to authori", "to confirm", "to verify", "to validate", "to complete", "to continue",
    "to proceed", "كلمة السر", "rechaz", "refus", "confirmation",
    "مرفوضة", "لم تتم", "reject", "cancel", "void", "received", "thank you", "receipt of", "request", "approve",
    "due", "remind", "will be", "scheduled", "process", "interest", "block", "hotlist", "lock", "dispatch",
    "deliver", "digo de", "clave", "code", "mot de passe", "fallid", "no fue", "no ha sido", "chou", "recusad",
    "falhou", "asafal", "رفض", "فشل", "solicit", "demande", "pedido", "طلب", "fecha", "recordatorio", "date d",
    "rappel", "vencimento", "تذكير", "استحقاق", "مستحق", "bloqu", "activ", "ativad", "البطاقة", "거절", "취소",
)


def _first_reason(flat: str, words: tuple[str, ...], patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    """The reason of the first pattern that matches; a cheap search for their words first."""
    low = flat.lower()
    if not any(word in low for word in words):
        return None
    for reason, pattern in patterns:
        if pattern.search(flat):
            return reason
    return None


def _strong(flat: str) -> str | None:
    return _first_reason(flat, _STRONG_WORDS, _STRONG)


def _wider(flat: str) -> str | None:
    return _first_reason(flat, _WIDER_WORDS, _WIDER)


def non_transaction_reason(text: str, subject: str = "", *, vouched: bool = False) -> str | None:
    """Why the message is not a transaction, or None. ``vouched``: a bank template matched it,
    so the loosely worded refusals (``_WIDER``) that a real alert's footer could hold are left out."""
    blob = f"{subject}\n{text}"[:6000]
    flat = " ".join(blob.split())
    strong = _strong(flat) or (None if vouched else _wider(flat))
    if strong == FAILED and "attempt" in flat.lower() and _earlier_try_only(flat):
        strong = None if vouched else _wider(_EARLIER_TRY.sub(" ", flat))
    if strong:
        return strong
    if _third_party_received(flat):
        return "notice of what someone else received"
    if _unless_moved(_NOT_YET, flat):
        return "pending or future movement, not done yet"
    low = flat.lower()
    if any(word in low for word in _SET_UP_WORDS) and _unless_moved(_SET_UP, flat):
        return "standing instruction or beneficiary set up, no money moved"
    if any(word in low for word in _DUE_ABROAD_WORDS) and _unless_moved(_DUE_ABROAD, flat):
        return "reminder or due notice"
    if " due " in low and _due_soon(flat):
        return "pending or future movement, not done yet"
    if ("payment link" in low or "pay by" in low) and _unless_moved(_ASKED, flat):
        return "payment request, not a payment"
    if "limit" in low and _unless_moved(_LIMIT_CHANGE, flat):
        return "limit change notice"
    if "recent" in low and _SURVEY.search(flat) and _RECENT.search(flat):
        return "survey about an earlier transaction"
    if not _TXN_VERB.search(flat):
        for reason, pattern in _WEAK:
            if pattern.search(flat):
                return reason
    return None
