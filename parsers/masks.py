"""Account and card masks in their many shapes -> the mask as printed (digits kept).

`xxxx0019`, `4837**** ****1518`, `A/C XX1234`, `ending 1234`, `a/c no. XXXXXXXX1234`,
`Acct ...1234`, `card ending with 1234`, `146******325`, `1*********9388`, `074-260***-006`.
Pure functions over text; no knowledge of any one bank.
"""

from __future__ import annotations

import re

# A masked number: hidden digits as X, *, # or bullets, with at least two digits shown.
_MASKED = (
    r"(?:\d{1,6}(?:-[\dXx*#•]+)*[Xx*#•]{2,}[\dXx*#•]*(?:-[\dXx*#•]+)*-?\d{2,}"  # 146******325, 074-260***-006
    r"|[Xx*#•.]{1,}[\dXx*#•]*\d{2,}"  # XX1234, ...1234, **1234
    r"|\d[\d ]*[Xx*#•]{3,}[ \dXx*#•]*\d{2,}"  # 4837**** ****1518
    # Card numbers in e-mails, hidden groups spaced or dashed: XXXX XXXX XXXX 4821, **** 7788,
    # XXXX-XXXX-XXXX-3030, 4xxx xxxx xxxx 9876.
    r"|\d?[Xx*#•]{3,4}[ -](?:[Xx*#•]{4}[ -]){0,2}\d{4}(?!\d)"
    # Two bullets then a space, as app notifications print a card: "card •• 4321"; stars too, with
    # Amex's five digits: "AmEx card ** 71005".
    r"|(?:••|[*•]{2,4})\s\d{4,5}(?!\d))"
)
# Also Arabic بطاقة (card), German Konto, Indonesian rekening/rek, Malay akaun (account).
_LABEL = (
    # Polish/Czech karta/kartą/kartou, Hungarian kártya, Swedish/Norwegian kort.
    r"(?:(?P<card>card(?:\s+(?:no|number|ending(?:\s+(?:with|in))?))?|karte|carte|tarjeta|cart[ãa]o|kart[aą]|kartou|"
    r"k[áa]rty[aá]|kort|kortti|carta|κ[άα]ρτας|卡号|卡號|بطاقة|بطاقتك|"
    # Arabic table labels: رقم البطاقة (card number), رقم الحساب (account number).
    r"البطاقة)|a/?c|acc(?:oun)?t?|account(?:\s+(?:no|number|ending(?:\s+with)?))?"
    r"|acct|ac|iban|conta|konto|rekening|rek|akaun|akaunti|บช|บัญชี|حساب|الحساب|cuenta|compte"
    # Polish rachunek/rachunku/"rach.", Czech účet/účtu, Hungarian számla/számlán, Finnish tili, Italian conto, Greek
    # λογαριασμού, Hebrew חשבון with its glued prepositions ("מחשבון", "לחשבונך"), Japanese 口座, Korean 계좌,
    # Chinese 账户/帳戶/戶口.
    r"|rachun(?:ek|ku)|rach|[úu][čc](?:et|tu)|sz[áa]ml[áa]n?|tili|conto|λογαριασμο[ύυ]|[לבמ]?חשבו(?:ן|נך|נכם)"
    r"|口座|계좌|账户|帳戶|戶口"
    # An account type glued to its digits: "Absa: CHEQ4567, Dep, ...", "SAVS1234", "SAVE1234"; Russian
    # счёт (account: "СЧЁТ5678 15:03 Перевод ...").
    r"|cheq(?=\d)|sav[se]?(?=\d)|сч[её]т"
    # A card scheme glued to the card's last digits, as Russian banks print it: "MIR-1234", "VISA4321", "ECMC5678".
    r"|(?P<scheme>(?:mir|visa|ecmc|maestro)-?(?=\d{4}\b)))"
)
_LABELLED = re.compile(
    # Thai writes the account word inside a phrase with no spaces ("จากบัญชี x1234", "บชX123456X").
    # Malay/Indonesian put "your" between the word and the digits: "ke akaun anda 4321", "rekening Anda 1234".
    # So do Chinese and Japanese ("借记卡账户7788", "口座番号末尾5678").
    r"(?:(?<![^\W\d_])|(?=บช|บัญชี|口座|계좌|账户|帳戶|戶口|卡号|卡號))" + _LABEL + r"(?:\s+(?:anda|kamu)\b)?(?:\.(?!\.))?\s*(?:no\.?|number|num|#(?!#))?\s*(?:[:.](?!\.))?\s*['\"‘’“”]?"
    # "account 012-345678-901": an account number printed in dashed groups, whole.
    # Not an amount after the label: "Platba kartou: 349,00 CZK".
    # "account 001 234 567" (ABA): the account printed whole in spaced groups of three.
    r"(?P<m>" + _MASKED + r"|\d{2,6}(?:-\d{2,10}){1,3}\b|\d{3}(?: \d{3}){2,3}\b(?![.,]\d)|\d{3,20}\b(?![.,]\d)"
    # A product prefix before the digits (Acct CK1234, a/c SBA5678) or one hidden digit (A/C 0#16).
    r"|[A-Z]{1,4}\d{3,20}\b|\d{1,6}[Xx*#•]\d{2,}\b"
    # Thai banks dash the hidden part off the shown digits: "account x-1234", "บช X-5678".
    r"|[Xx*#•]{1,4}-\d{4}\b)",
    re.IGNORECASE,
)
# German "Karte endet auf 1234" (ends in), French "carte se terminant par 4321" among them.
_ENDING = re.compile(r"\b(?:ending|ends|ending with|ending in|(?<=card )end|inayoishia na|final|terminaci[óo]n|terminad[ao] en|"
                     # Arabic "المنتهية بـ 7745" (ending with).
                     r"finissant par|(?:se )?terminant par|endet auf|endend (?:auf|mit)|(?:المنتهية|المنتهي|تنتهي)\s*(?:بـ|ب|بالرقم|بالأرقام)?|"
                     # Dutch "eindigend op", Swedish "slutar på", Norwegian/Danish "ender på/med", Italian "che termina
                     # con/in", Greek "με τελευταία ψηφία" (with last digits), Hebrew "המסתיים ב-1234" (ending in).
                     r"eindigend op|eindigt op|slutar på|ender (?:på|med)|(?:che )?termina (?:con|in|per)|"
                     r"τελευταία ψηφία|המסתיים\s*ב-?)\s*(?:in|with)?\s*[:#]?\s*"
                     r"(?P<m>[Xx*#]*\d{3,4})\b", re.IGNORECASE)
# Turkish puts the last digits before the words: "1234 ile biten kartınızla" (card ending with 1234),
# "5001 sonlu hesabınıza" (account ending 5001).
# Chinese 尾号/尾號 (tail number), 末四碼 (last four), Japanese 末尾 (end), 下4桁 (last 4 digits), Korean 끝자리 (last
# digits), glued to the words around them ("您尾号1234的信用卡", "口座番号末尾5678"); Korean card alerts print the card's
# last digits between the issuer and 승인 (approved): "[KB국민카드] 1234 승인", "KB국민카드1234승인".
_ENDING_CJK = re.compile(r"(?:尾号|尾號|末四碼|末四码|末尾|下4桁|끝자리|끝번호)\s*(?:[:#]\s*)?(?P<m>\d{3,4})(?!\d)"
                         r"|카드\]?\s*(?P<k>\d{4})\s*승인")
_ENDING_BEFORE = re.compile(r"(?<![\w*#.])(?P<m>\d{4})\s+(?:ile biten|ile sonlanan|sonlu)(?![^\W\d_])", re.IGNORECASE)
# Vietnamese "TK 1234567890" / "STK: ..." (tai khoan, the account): capitals and six digits or more,
# since "Tk 500" is an amount in Bangladeshi taka.
_VN_ACCOUNT = re.compile(r"(?<![\w])S?TK\s*:?\s*(?P<m>\d{6,20})\b(?![.,]\d)")
_BARE = re.compile(r"(?<![\w/])(?P<m>" + _MASKED + r")(?![\w])")
# Words just before a mask that say whose side it is on.
_FROM_SIDE = re.compile(r"\b(?:from|debited|frm|de|kutoka)\b[^.|]{0,20}$", re.IGNORECASE)
_TO_SIDE = re.compile(r"\b(?:to|into|in|credited|para|kwenda)\b[^.|]{0,20}$", re.IGNORECASE)


# Arabic-Indic and Persian digits, as Gulf e-mails print them ("XXXX٤٤٥٥"), read as ASCII digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _normalise(raw: str) -> str | None:
    value = re.sub(r"\s+", "", raw).rstrip(".-").lstrip("-").translate(_DIGITS)
    return value if re.search(r"\d{2,}", value) else None


# (position, mask, how it was found): "account" or "card" for a labelled mask, else "bare".
_Found = tuple[int, str, str]


def _found(text: str) -> list[_Found]:
    found: list[_Found] = []
    seen: set[int] = set()
    for pattern in (_LABELLED, _ENDING, _ENDING_CJK, _ENDING_BEFORE, _VN_ACCOUNT, _BARE):
        for m in pattern.finditer(text):
            group = "k" if pattern is _ENDING_CJK and m.group("k") else "m"
            value = _normalise(m.group(group))
            if value and m.start(group) not in seen:
                seen.add(m.start(group))
                how = ("card" if m.group("card") or m.group("scheme") else "account") if pattern is _LABELLED else (
                    "account" if pattern is _VN_ACCOUNT else "bare")
                found.append((m.start(group), value, how))
    return found


def all_masks(text: str) -> list[tuple[int, str]]:
    """Every account or card mask in the text, labelled ones first, as (position, mask)."""
    return [(pos, value) for pos, value, _how in _found(text)]


def account_mask(text: str, direction: str | None = None) -> str | None:
    """The customer's own account (or card) in an alert.

    With several labelled masks, a debit's own account is the one money came *from*
    ("sent to NAME A/C *9901 from FBL A/C *1234") and a credit's the one it went *to*.
    Otherwise an account wins over the card drawn on it ("card XX12 linked to a/c XX34"),
    since the account is what the money left or reached.
    """
    found = _found(text)
    if not found:
        return None
    labelled = sorted((pos, value, how) for pos, value, how in found if how != "bare")
    if direction in ("debit", "credit") and len(labelled) > 1:
        side = _FROM_SIDE if direction == "debit" else _TO_SIDE
        for pos, value, _how in labelled:
            if side.search(text[max(0, pos - 40):pos]):
                return value
    accounts = [value for _pos, value, how in labelled if how == "account"]
    if accounts and len(accounts) < len(labelled):
        return accounts[0]
    return found[0][1]


def card_mask(text: str) -> str | None:
    """The card named in an alert, if a mask is labelled as one."""
    return next((value for _pos, value, how in sorted(_found(text)) if how == "card"), None)


def last_digits(mask: str | None, n: int = 4) -> str | None:
    if not mask:
        return None
    digits = re.sub(r"\D", "", mask)
    return digits[-n:] or None
