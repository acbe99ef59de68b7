"""Money in free text: amounts with ISO codes, symbols and words in several scripts.

Finds every mention (currency + number, either order), reads the number under its
grouping and decimal convention (1,234.56 / 1.234,56 / 1 234,56 / 1,25,000.50 /
Arabic-Indic digits), and labels each mention by what precedes it: a balance, an
available limit, a fee, or a plain amount. The transaction amount is then the first
plain mention, never the balance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from models.money import MoneyError, minor_digits, quantize

# Arabic-Indic, Persian, Bengali (bKash and Nagad in Bangla: "৳১,০০০.০০") and Devanagari digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹০১২৩৪৫৬৭৮৯०१२३४५६७८९٫٬", "0123456789012345678901234567890123456789.,")

# Currency tokens -> ISO code. Longer tokens first so "US$" wins over "$".
CURRENCY_TOKENS: dict[str, str] = {
    "us$": "USD", "usd": "USD", "$": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "omr": "OMR", "r.o.": "OMR", "r.o": "OMR", "ro": "OMR", "ر.ع.": "OMR", "ر.ع": "OMR", "ر ع": "OMR",
    "aed": "AED", "dhs": "AED", "dh": "AED", "د.إ": "AED", "sar": "SAR", "sr": "SAR", "ر.س": "SAR",
    "qar": "QAR", "kwd": "KWD", "bhd": "BHD", "egp": "EGP", "jod": "JOD",
    "inr": "INR", "rs.": "INR", "rs": "INR", "₹": "INR", "npr": "NPR", "lkr": "LKR", "pkr": "PKR",
    "bdt": "BDT", "tk.": "BDT", "tk": "BDT", "৳": "BDT", "thb": "THB", "฿": "THB", "baht": "THB", "บาท": "THB",
    "ngn": "NGN", "₦": "NGN", "kes": "KES", "ksh": "KES", "kshs": "KES", "tzs": "TZS", "tsh": "TZS", "tshs": "TZS",
    "etb": "ETB", "birr": "ETB", "mzn": "MZN", "mt": "MZN", "ugx": "UGX", "zar": "ZAR", "ghs": "GHS",
    "jpy": "JPY", "¥": "JPY", "cny": "CNY", "sgd": "SGD", "myr": "MYR", "idr": "IDR", "php": "PHP", "₱": "PHP",
    "cad": "CAD", "aud": "AUD", "chf": "CHF", "try": "TRY", "₺": "TRY", "brl": "BRL", "r$": "BRL", "mxn": "MXN",
    "rp": "IDR", "rp.": "IDR", "vnd": "VND", "₫": "VND",
    "rwf": "RWF", "zmw": "ZMW", "xof": "XOF", "xaf": "XAF", "mad": "MAD", "dzd": "DZD", "tnd": "TND",
    # Local signs and abbreviations: Malaysia's RM, the Gulf's BD/KD/QR/JD, Ghana's cedi (GH¢, GH₵ and
    # the old code GHC), Egypt's L.E. and LE, Peru's S/, Uganda's USh, dollars named by country, the ₨ sign.
    "rm": "MYR", "bd": "BHD", "kd": "KWD", "qr": "QAR", "jd": "JOD",
    "gh¢": "GHS", "gh₵": "GHS", "ghc": "GHS", "₵": "GHS", "l.e.": "EGP", "l.e": "EGP", "le": "EGP", "e£": "EGP",
    "s/.": "PEN", "s/": "PEN", "ush": "UGX", "hk$": "HKD", "s$": "SGD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "nz$": "NZD", "nt$": "TWD", "rd$": "DOP", "₨": "INR", "₩": "KRW", "₪": "ILS", "zł": "PLN",
    "₴": "UAH", "₽": "RUB", "₸": "KZT", "₾": "GEL", "₡": "CRC", "₲": "PYG",
    # The rouble (and Ukraine's hryvnia) written out after the number ("1 250 р.", "5 000р", "890 руб.",
    # "250.00 грн"); only after a number (_AFTER_ONLY), since "р" ends many Russian words that a number
    # may follow ("Номер 1234").
    "р.": "RUB", "р": "RUB", "руб.": "RUB", "руб": "RUB", "рублей": "RUB", "рубля": "RUB", "рубль": "RUB",
    "грн.": "UAH", "грн": "UAH",
    # Thailand's baht abbreviated after the number ("25,000.00บ"), checked further in mentions().
    "บ": "THB",
    # Korean 원 and Japanese 円 after the number ("12,500원"), Turkey's TL ("1.234,56 TL").
    "원": "KRW", "円": "JPY", "tl": "TRY",
    # Arabic names and abbreviations of the region's currencies ("5,000.00 جنيه مصري", "12.500 د.ك").
    "جنيه مصري": "EGP", "جنيه إسترليني": "GBP", "جنيه استرليني": "GBP", "جنيه": "EGP", "ج.م.": "EGP", "ج.م": "EGP", "جنيه سوداني": "SDG",
    "ريال عماني": "OMR", "ريال سعودي": "SAR", "ريال قطري": "QAR", "ر.ق": "QAR", "دينار كويتي": "KWD", "د.ك": "KWD",
    "دينار بحريني": "BHD", "د.ب": "BHD", "دينار أردني": "JOD", "درهم إماراتي": "AED", "درهم مغربي": "MAD",
    # A bare "درهم" ("3,000.00 درهم في حسابك") is the UAE dirham, as "Dhs" is; Morocco's is named in full.
    "درهم": "AED",
    # Central Europe after the number: the Czech koruna "1 250,00 Kč", the Hungarian forint "12 990 Ft" (only
    # so printed, after the number: "ft" is also feet).
    "kč": "CZK", "ft": "HUF",
    # The Nordic krona/krone "250 kr", "150,00 kr.": Swedish, Norwegian and Danish alike, settled in mentions().
    "kr.": "SEK", "kr": "SEK",
    # Chinese names of the yuan ("人民币88.50元", "RMB 1,299.00"), Taiwan's and Hong Kong's dollars ("新台幣25,000元",
    # "港幣500").
    "人民币": "CNY", "人民幣": "CNY", "rmb": "CNY", "元": "CNY", "新台幣": "TWD", "新台币": "TWD", "台幣": "TWD",
    # Taiwan's banks print the formal character 臺 in Big5 mail ("消費新臺幣1,250元").
    "新臺幣": "TWD", "臺幣": "TWD",
    "港幣": "HKD", "港币": "HKD", "港元": "HKD",
    # The CFA franc as wallets print it ("10000 FCFA", "5 000 F CFA"): West Africa's (XOF) unless the message
    # names Central Africa's (XAF), settled in mentions(). Malawi's kwacha "MK 20,000.00"; Ethiopia's birr "750.00
    # Br" and Amharic ብር; Myanmar's kyat "100,000 Ks"; Vietnam's dong glued to the figure ("200,000d", "50.000đ").
    "fcfa": "XOF", "f cfa": "XOF", "f.cfa": "XOF", "cfa": "XOF", "mk": "MWK", "br": "ETB", "br.": "ETB", "ብር": "ETB",
    "ks": "MMK", "kyat": "MMK", "kyats": "MMK", "d": "VND", "đ": "VND",
}
# More ISO codes, recognised only as printed in capitals: several are also words or names
# ("Ron", "pen", "AMD"), and a bank prints a code in capitals.
_CAPS_CODES = ("hkd", "nzd", "sek", "nok", "dkk", "pln", "czk", "huf", "ron", "ils", "krw", "twd", "cop", "clp",
               "ars", "pen", "uyu", "gtq", "crc", "dop", "pyg", "bob", "hnl", "nio", "mwk", "mur", "scr", "bwp",
               "nad", "lbp", "iqd", "mmk", "khr", "lak", "mnt", "kzt", "uzs", "gel", "amd", "azn", "rub", "uah",
               "bgn", "isk", "afn", "sdg", "lyd", "cdf", "bif", "gmd", "sos", "mga", "jmd", "ttd", "bsd", "fjd",
               "mvr", "bnd", "mop", "xcd", "aoa", "szl", "rsd", "syp", "yer", "ssp", "lsl", "srd", "gyd", "htg", "zwg")
CURRENCY_TOKENS.update({code: code.upper() for code in _CAPS_CODES})
# Tokens that count only in capitals: the codes above and short letters that are words too
# ("rm" for room, "bd" for bedroom, "qr" code, "le", "s/").
_CAPS_ONLY = frozenset(_CAPS_CODES) | {"le", "rm", "bd", "kd", "qr", "jd", "ghc", "l.e.", "l.e", "s/.", "s/", "tl", "rmb", "mk"}
# Tokens read only after the number: letters that also end or start words of their script (and "CFA", which
# before a number is rather the charterholder: "CFA 2025").
_AFTER_ONLY = frozenset({"р.", "р", "руб.", "руб", "рублей", "рубля", "рубль", "грн.", "грн", "บ", "ft", "kr", "kr.", "元",
                         "br", "br.", "ks", "d", "đ", "cfa"})
# Letters-only tokens that are also abbreviations ("TK" is an account in Vietnamese, "RS" a
# reference): one followed by a long run of digits names an account or a phone, not money.
_WORDLIKE = frozenset({"rs", "tk", "ro", "sr", "dh", "mt", "rm", "bd", "kd", "qr", "jd", "rp", "ush", "ksh", "tsh", "mk"})
_LONG_RUN = re.compile(r"\d{8,}")
# Tokens that may carry a colon before their number ("Rs:150.00"), besides ISO codes in capitals.
_COLON_TOKENS = frozenset({"rs", "rs.", "₹"})
# Signs shared by several currencies: the one the message itself names (in capitals) settles
# which: "Rs 500 debited. Avl Bal LKR 5,000" is in Sri Lankan rupees, "$120.00 (CAD)" in Canadian dollars.
_FAMILIES: dict[str, frozenset[str]] = {
    "rs": frozenset({"INR", "PKR", "LKR", "NPR", "MUR", "SCR"}),
    "$": frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN", "COP", "CLP", "ARS", "UYU", "DOP",
                    "JMD", "TTD", "BSD", "FJD", "BND", "XCD", "LRD", "NAD", "SRD", "GYD"}),
    "¥": frozenset({"JPY", "CNY"}),
}
_FAMILIES["rs."] = _FAMILIES["₨"] = _FAMILIES["rs"]
_FAMILIES["fcfa"] = _FAMILIES["f cfa"] = _FAMILIES["f.cfa"] = _FAMILIES["cfa"] = frozenset({"XOF", "XAF"})
_FAMILIES["kr"] = _FAMILIES["kr."] = frozenset({"SEK", "NOK", "DKK", "ISK"})
# The CFA franc of Central Africa (XAF) where the message names one of its countries or a Cameroonian number;
# otherwise West Africa's (XOF), where most wallets that print "FCFA" run (Orange Money, Wave, Moov).
_CFA_RAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:cameroun|cameroon|gabon|congo|tchad|chad|centrafrique|guin[ée]e [ée]quatoriale)\b|\+?\b237\d{9}\b",
                re.IGNORECASE), "XAF"),
)
# Banks and payment systems of one country only that print a bare "$" for their own peso:
# "Bancolombia le informa Compra por $45.000,00", "BancoEstado: compra por $12.990 con tu CuentaRUT".
# Names shared by several countries (BBVA, Santander, Scotiabank, Falabella, Mercado Pago) are not here.
_DOLLAR_RAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:bancolombia|davivienda|daviplata|nequi|banco de bogot[aá])\b", re.IGNORECASE), "COP"),
    (re.compile(r"\b(?:bancoestado|banco estado|cuentarut|cuenta rut|banco de chile)\b", re.IGNORECASE), "CLP"),
)
# Payment systems, wallets and banks of one country only: they place a bare "Rs" when the message
# names no code ("Rs.2,000 sent to HAMZA via Raast", "UBL: Rs.10,000.00 has been credited"). Names
# shared by several countries (IBFT, UPI, MCB of Pakistan and of Mauritius) are not here, nor a bank
# named after a person without its "Bank" ("Siddhartha", "Nabil" may be a payee in India or Pakistan).
# Only Sri Lanka's banks still carry "Ceylon" in their names (Bank of Ceylon, Commercial Bank of Ceylon).
_RUPEE_RAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:raast|jazzcash|easypaisa|HBL|UBL|meezan|bank alfalah|askari bank|allied bank)\b",
                re.IGNORECASE), "PKR"),
    # Sri Lanka's wallets too: eZ Cash (Dialog), FriMi (Nations Trust), mCash (Mobitel).
    (re.compile(r"\b(?:cefts|lankapay|justpay|sampath|seylan|hatton national|ceylon|combank|dfcc|ez\s?cash|frimi|mcash)\b",
                re.IGNORECASE),
     "LKR"),
    (re.compile(r"\b(?:esewa|khalti|fonepay|connectips|nabil bank|nic asia|global ime|siddhartha bank|"
                r"himalayan bank|kumari bank|prabhu bank|sanima bank|machhapuchchhre|rastriya banijya|nepal sbi)\b",
                re.IGNORECASE), "NPR"),
)
# "kr" is the Swedish, Norwegian and Danish crown alike (and Iceland's): the message's payment system, bank or
# language says which ("Swish: Du har fått 250 kr", "Vipps: Du har mottatt 300 kr", "MobilePay: Du har modtaget
# 150,00 kr."). Unsettled, the figure is not read as money at all rather than in a guessed currency.
_KRONA_RAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:swish|swedbank|handelsbanken|SEB|l[äa]nsf[öo]rs[äa]kringar|f[åa]tt|fr[åa]n|ins[äa]ttning|"
                r"k[öo]p|uttag)\b", re.IGNORECASE), "SEK"),
    (re.compile(r"\b(?:vipps|DNB|sparebank\s?1?|mottatt|kj[øo]p|bel[øo]p|innbetaling)\b", re.IGNORECASE), "NOK"),
    (re.compile(r"\b(?:mobilepay|danske bank|jyske bank|nykredit|modtaget|k[øo]b|bel[øo]b|indbetaling)\b", re.IGNORECASE),
     "DKK"),
)
# Kana is written only in Japanese: a "¥" in Chinese text without it or the yen's 円 (支付宝 ... 付款¥158.00) is
# the yuan.
_YEN_RAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\A(?=[\s\S]*[\u4e00-\u9fff])(?![\s\S]*[\u3040-\u30ff円])"), "CNY"),
)
# The rails that settle a shared sign, by the code the sign stands for when nothing settles it.
_RAILS = {"INR": _RUPEE_RAILS, "USD": _DOLLAR_RAILS, "XOF": _CFA_RAILS, "SEK": _KRONA_RAILS, "JPY": _YEN_RAILS}
# Signs whose default is no better than a guess: unsettled, the figure is not read as money.
_MUST_SETTLE = frozenset({"kr", "kr."})
# A figure grouped in thousands ("200,000", "1.350.000").
_GROUPED = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


_TOKEN_ALT = "|".join(re.escape(t) for t in sorted(CURRENCY_TOKENS, key=len, reverse=True))
# A number: digits with optional grouping and decimals; the trailing lookahead keeps us
# from cutting a longer number or a date in two.
# "Rp 2.500.000": dots grouping millions with no decimals after them.
_NUM = r"\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,3}(?:\.\d{3})+\.\d{2}(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?![\d.,])|\d{1,3}(?:[,\u00a0']\d{2,3}| \d{3}(?![\d\-/.:]))+(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?"
_MENTION = re.compile(
    r"(?P<pre>(?<![A-Za-z])(?:" + _TOKEN_ALT + r"))(?P<colon>:)?\s?-?\s?(?P<n1>(?:" + _NUM + r"))(?![\d/]|:\d|\.\d|[Xx*#•])(?:(?<=[.,]\d)|(?<=[.,]\d\d)|(?<=[.,]\d\d\d)|(?!,\d))"
    # Chinese, Japanese and Korean run words into numbers ("工资收入8,500.00元", "残高で980円"): a letter of
    # those scripts may come right before the number, never a Latin letter or digit.
    r"|(?<![.,])(?<![^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])(?P<n2>" + _NUM + r"),?\s?(?P<post>(?:" + _TOKEN_ALT
    # A sign glued to the digits after it starts the next amount, not ends this number: "KROGER #123 $54.32"
    # (a table row: shop, then its amount) is $54.32, never 123 dollars.
    + r"))(?![A-Za-z])(?!(?<=[^\w\s.])\d)",
    re.IGNORECASE,
)
# Nigeria's N50.00 / NGN, common in SMS: only with two decimals to keep it unambiguous.
_NAIRA = re.compile(r"(?<![A-Za-z])N(?P<n>\d[\d,]*\.\d{2})(?!\d)")
# South Africa's rand as "R1,250.00" / "R 99.00": a capital R and two decimals, or the
# letter is too common to read as money.
# "R-325.50" (a debit in a comma-separated SMS) carries its sign after the letter.
# A dot or comma after it may end the sentence or the field ("Available R5,120.00.").
# South Africans also print the rand with space grouping and a decimal comma: "R1 250,00", "R450,00".
_RAND = re.compile(r"(?<![\w$])R\s?-?(?P<n>\d{1,3}(?:[, ]\d{3})*\.\d{2}|\d{1,3}(?: \d{3})*,\d{2})(?!\d|[.,]\d)")

BALANCE = re.compile(
    # A hyphenated name is one word of the gap: "balance was: M-PESA Account : Ksh3,120.50".
    # Russian баланс/доступно/остаток, Turkish bakiye (balance, available, remaining).
    # German Kontostand, Polish "Dost." / dostępne, Czech zůstatek, Hungarian egyenleg, Italian disponibile, Greek
    # υπόλοιπο (balance, available).
    r"\b(?:bal(?:ance)?|avl|avail(?:able)?|avlbl|avb|limit|lmt|outstanding|saldo|баланс|доступно|остаток|bakiye|"
    r"kontostand|dost|dost[ęe]pne|z[ůu]statek|egyenleg|disponibile|υπόλοιπο)\b(?P<gap>\W{0,3}(?:\w+(?:-\w+)*\W{1,3}){0,3})$"
    # Chinese 余额/餘額, Korean 잔액 (balance) and 누적 (a card's running total), Japanese 残高, Hebrew יתרה.
    r"|(?:الرصيد|رصيد|คงเหลือ|ยอดคงเหลือ|ใช้ได้|余额|餘額|잔액|누적|残高|יתרה)(?P<gap2>\W{0,3}(?:\w+\W{1,3}){0,3})$",
    re.IGNORECASE,
)
_VERB_IN_GAP = re.compile(r"debit|credit|paid|spent|sent|receiv|withdr|purchas|transfer|deposit|used|\bby\b|reduced|increased", re.IGNORECASE)
# A ceiling, not an amount: "for a max amount upto Rs. 75000".
LIMIT = re.compile(r"\b(?:up\s?to|max(?:imum)?(?: amount)?|not exceeding|ceiling)\W{0,3}(?:of\W{1,3}|is\W{1,3})?$",
                   re.IGNORECASE)
# The sum of an amount and its fees: "with a total of ETB 5012.00", "TOTAL TZS 20,000".
TOTAL = re.compile(r"\btotal(?: amount)?(?: debited| charged| paid)?\W{0,3}(?:of\W{1,3}|is\W{1,3})?$", re.IGNORECASE)
# "A charge of $12.34 was made at SHOP" is the purchase itself, not a fee on it.
FEE = re.compile(r"(?:fee|(?<!\ba )(?<!\bpending )(?<!\bnew )(?<!\brecurring )charges?|s\.charge|vat(?:\(\d+%\))?|commission|comissao|levy|duty|imposto de selo|cost)"
                 r"\W{0,3}(?:of\W{1,3}|is\W{1,3})?$", re.IGNORECASE)


class AmountError(ValueError):
    pass


@dataclass(frozen=True)
class Mention:
    amount: Decimal
    currency: str
    start: int
    end: int
    role: str  # amount | balance | fee | limit | total
    # False when printed with more decimals than the currency has (INR 6000.000): such a
    # figure is garbled or not money in that currency, and is not to be trusted.
    exact: bool = True

    @property
    def is_plain(self) -> bool:
        return self.role == "amount"


def read_number(text: str) -> Decimal:
    """`1,234.56`, `1.234,56`, `1 234,56`, `1,25,000.50`, `٣٫٥` -> Decimal."""
    s = text.translate(_DIGITS).replace("\u00a0", " ").replace("'", ",").strip()
    s = s.replace(" ", "")  # a space only ever groups digits
    last_dot, last_comma = s.rfind("."), s.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        dec = "." if last_dot > last_comma else ","
    elif last_comma >= 0:
        tail = len(s) - last_comma - 1
        # One comma followed by 1-2 digits is a decimal comma (12,50); 3 digits is grouping.
        dec = "," if s.count(",") == 1 and tail in (1, 2) else ""
    elif last_dot >= 0:
        # Several dots group thousands (1.234.567) unless the last has two digits after it
        # (55.000.00); one dot is a decimal point, even with three digits after it (OMR
        # 1.234 is one rial and 234 baisa).
        tail = len(s) - last_dot - 1
        if s.count(".") > 1 and tail == 2:
            s = s[:last_dot].replace(".", "") + s[last_dot:]
            dec = "."
        else:
            dec = "" if s.count(".") > 1 else "."
    else:
        dec = ""
    if dec == ",":
        s = s.replace(".", "").replace(",", ".")
    elif dec == ".":
        s = s.replace(",", "")
    else:
        s = s.replace(",", "").replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation as exc:
        raise AmountError(f"not a number: {text!r}") from exc


_AVAILABLE_CREDIT = re.compile(r"(?:avl|avail(?:able)?)\W{1,3}credit\b(?:\W{1,3}(?:limit|line)\b)?", re.IGNORECASE)
# A new line (" | ", as the parsers join lines and rows) that opens with a label of its own: "| Amount: ".
_ROW_LABEL = re.compile(r"\|\s(?P<label>[^\W\d_][^|:\d]{0,30}:\s?)$")


def _role(text: str, start: int, floor: int = 0) -> str:
    """What the words just before a mention make of it; ``floor`` is where the previous
    mention ended, so one amount's label never leaks onto the next."""
    before = text[max(floor, start - 40):start]
    row = _ROW_LABEL.search(before)
    if row:
        # The mention's own row starts with its own label ("... alert limit you set | Amount: $250.00"):
        # a word of the line above is not its label.
        before = row.group("label")
    b = BALANCE.search(before)
    gap = (b.group("gap") or b.group("gap2") or "") if b else ""
    noun = _AVAILABLE_CREDIT.match(b.group(0)) if b else None
    if noun:
        # "Your available credit is $4,410.01": the credit there is a noun (what is left to spend).
        gap = b.group(0)[noun.end():] if b else gap
    # "balance is debited for INR 250": a verb between the word and the amount makes it the amount.
    if b and not _VERB_IN_GAP.search(gap):
        return "balance"
    if FEE.search(before):
        return "fee"
    if LIMIT.search(before):
        return "limit"
    if TOTAL.search(before):
        return "total"
    return "amount"


ISO_CODES = frozenset(CURRENCY_TOKENS.values())
_ISO_AFTER = re.compile(r"\s?([A-Z]{3})(?![A-Za-z])")
_ONE_GROUP = re.compile(r"\d{1,3}[.,]\d{3}")
_COMMA_MILLS = re.compile(r"\d{1,3},\d{3}")


_CAPS_CODE = re.compile(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])")
_NUMBER_NEXT = re.compile(r"\s?-?\s?\d")
_NUMBER_BEFORE = re.compile(r"\d[.,]?\s?$")


def _named_codes(flat: str) -> set[str]:
    """ISO codes the message names for the account itself: alone ("(CAD)", "in LKR") or on a
    balance ("Avl Bal LKR 5,000"), not on another amount (a conversion "= CAD 68.00")."""
    named: set[str] = set()
    for m in _CAPS_CODE.finditer(flat):
        code = m.group(1)
        if code not in ISO_CODES:
            continue
        attached = _NUMBER_NEXT.match(flat, m.end()) or _NUMBER_BEFORE.search(flat, max(0, m.start() - 3),
                                                                               m.start())
        if not attached or _role(flat, m.start()) != "amount":
            named.add(code)
    return named


def mentions(text: str) -> list[Mention]:
    flat = text.translate(_DIGITS)
    found: list[Mention] = []
    floor = 0
    named: set[str] | None = None
    for m in _MENTION.finditer(flat):
        printed = m.group("pre") or m.group("post") or ""
        token = printed.lower()
        number = m.group("n1") or m.group("n2")
        code = CURRENCY_TOKENS.get(token)
        if code is None or number is None:
            continue
        if m.group("colon") and token not in _COLON_TOKENS and not (len(token) == 3 and printed.isupper()):
            # "Debited for Rs:150.00", "INR:500": a rupee sign or a code in capitals before a colon;
            # a word-like letter ("RO: 12345", "SR: 4") is rather a label.
            continue
        if token in _CAPS_ONLY and (printed != printed.upper()
                                    or (m.group("post") and code.lower() != token and not re.search(r"[.,]\d", number))):
            # "rm 12", "3 BD": a word, not money (a local letter after a number only with decimals).
            continue
        if token in _AFTER_ONLY and (m.group("pre") or flat[m.end():m.end() + 1].isalpha()):
            # Not before a number ("Номер 1234" ends in the letter), nor the first letter of a word
            # after one ("12 рейсов", "12 บัญชี").
            continue
        if token == "ft" and printed != "Ft":
            # The forint as Hungary prints it ("12 990 Ft"); "5 ft" or "20 FT" are rather feet or a code.
            continue
        if token == "บ" and not re.search(r"[.,]\d\d$", number):
            # The baht letter only after satang ("25,000.00บ"): on a round figure it may start a word.
            continue
        if token in ("br", "br.") and not re.search(r"[.,]\d\d$", number):
            # The birr as CBE Birr prints it, with santim ("750.00 Br"): "3 br" is rather a bedroom or a branch.
            continue
        if token == "ks" and printed not in ("Ks", "KS"):
            # The kyat in capitals ("100,000 Ks"); Czech "2 ks" counts pieces.
            continue
        if token in ("d", "đ") and (token != printed or not _GROUPED.fullmatch(number)
                                    or not flat[m.start("post") - 1].isdigit()):
            # The dong glued to a figure grouped in thousands ("200,000d"): "30d" is rather thirty days.
            continue
        if token == "le" and not re.search(r"[.,]\d\d$", number):
            # Egypt's "LE 480.00" only with piastres: "LE 3" is rather French ("le 3 mars").
            continue
        if token in _WORDLIKE and m.group("pre") and _LONG_RUN.fullmatch(number):
            # "TK 1234567890": an account or phone number after an abbreviation.
            continue
        # "$500.00 MXN", "$ 20 CAD": a symbol shared by many currencies, then the ISO code.
        if m.group("pre") and not token[-1].isalpha():
            iso = _ISO_AFTER.match(flat, m.end())
            if iso and iso.group(1) in ISO_CODES:
                code = iso.group(1)
        family = _FAMILIES.get(token)
        if family and code == CURRENCY_TOKENS[token]:
            named = _named_codes(flat) if named is None else named
            choice = family & named
            if len(choice) == 1:
                code = next(iter(choice))
            else:
                rails = {iso for pattern, iso in _RAILS.get(code, ()) if pattern.search(flat)}
                if len(rails) == 1:
                    code = rails.pop()
                elif token in _MUST_SETTLE:
                    continue
        try:
            raw = read_number(number)
            minor = minor_digits(code)
            if minor == 0 and _ONE_GROUP.fullmatch(number):
                # "Rp 50.000", "50,000 VND": a currency without minor units groups by thousands.
                raw = Decimal(re.sub(r"\D", "", number))
            elif code == "TND" and _COMMA_MILLS.fullmatch(number):
                # "200,000 TND", "45,500 TND": Tunisia writes its dinar of 1000 millimes in French, with a
                # decimal comma (not the Gulf's dinars: "KWD 1,250" there is rather a thousand and more).
                raw = Decimal(number.replace(",", "."))
            value = quantize(raw, code)
            # Zero decimals are harmless where a currency has no minor units ("Rp 50.000,00").
            exact = -int(raw.as_tuple().exponent) <= minor or (minor == 0 and raw == raw.to_integral_value())
        except (AmountError, MoneyError):
            continue
        found.append(Mention(value, code, m.start(), m.end(), _role(flat, m.start(), floor), exact))
        floor = m.end()
    for pattern, code in ((_NAIRA, "NGN"), (_RAND, "ZAR")):
        for m in pattern.finditer(flat):
            if not any(f.start <= m.start() < f.end for f in found):
                try:
                    value = quantize(read_number(m.group("n")), code)
                except (AmountError, MoneyError):
                    continue
                found.append(Mention(value, code, m.start(), m.end(), _role(flat, m.start())))
    found.sort(key=lambda x: x.start)
    return found


def transaction_amount(text: str) -> Mention | None:
    """The first mention that is not a balance, limit or fee."""
    for m in mentions(text):
        if m.is_plain and m.amount > 0:
            return m
    return None
