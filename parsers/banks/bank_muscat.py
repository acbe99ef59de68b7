"""Bank Muscat (Oman, OMR with 3 decimals): e-mail templates and SMS-style wordings.

E-mail templates: account debited/credited with a value date (MM/DD/YY) and detail lines
(TRANSFER, SALARY, Cash Dep ...); mobile payments sent/received with a Txn Id; the debit
card key/value block (Description with the terminal id in front, Amount, Date/Time
`22 JUN 25 20:29`, Transaction Country). SMS wordings: card used for ... at ..., ATM
withdrawal, credited by ..., and the Arabic debit card text (تم خصم).
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from models.money import MoneyError, quantize
from parsers.base import (
    Alert,
    Direction,
    Kind,
    MalformedAlert,
    ParsedTransaction,
    ParseResult,
    Status,
    no_template,
)
from parsers.negatives import non_transaction_reason, strong_reason

TZ = ZoneInfo("Asia/Muscat")
# Arabic-Indic and Persian digits, Arabic decimal and thousands separators.
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_CUR = r"(?P<cur>OMR|RO|R\.O\.?|ر\.?\s?ع\.?|[A-Z]{3})"
# The whole run of digits, commas and dots: _money checks its shape, so a number is never
# cut short ("1 234.500" read as 1, "1,234.500" as 1,234).
_AMT = r"(?P<amt>\d(?:[\d,.]*\d)?)(?!\d)"
_AMT_SHAPE = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
# A group of digits right after the amount: "OMR 1 234.500", "OMR 1'234.500".
_MORE_DIGITS = re.compile(r"[\s\u00a0'’][0-9]{3}(?![0-9/:\-])")

ACCOUNT_NOTICE = re.compile(
    r"Your account (?P<acct>\S+)(?: with (?P<branch>.+?))? has been (?P<dir>debited|credited) by "
    + _CUR + r"\s*" + _AMT + r"(?: with value date (?P<vd>\d{1,2}/\d{1,2}/\d{2,4}))?",
    re.IGNORECASE,
)
MOBILE_IN = re.compile(
    r"You have received " + _CUR + r"\s*" + _AMT + r" from (?P<who>.+?) in your a/c (?P<acct>\S+)", re.IGNORECASE
)
MOBILE_OUT = re.compile(
    r"You have sent " + _CUR + r"\s*" + _AMT + r" to (?P<who>.+?) from your a/c (?P<acct>\S+)", re.IGNORECASE
)
TXN_ID = re.compile(r"Txn Id\s*[:#]?\s*(?P<ref>[A-Z0-9]+)", re.IGNORECASE)
CARD_BLOCK = re.compile(r"Your (?P<type>Debit|Credit|Prepaid) card number (?P<card>[\dXx*][\dXx* ]*\d)", re.IGNORECASE)
_KEYS = r"Account number|Description|Amount|Date/Time|Transaction Country|Kind Regards"
CARD_FIELD = re.compile(r"(?P<key>" + _KEYS + r")\s*:\s*(?P<val>.*?)(?=\s*(?:" + _KEYS + r")\b|$)",
                        re.IGNORECASE | re.DOTALL)
SMS_CARD = re.compile(
    r"card (?:no\.? |number |ending (?:with )?)?(?P<card>[\dXx*]*\d{3,4}) (?:has been |was )?used for "
    + _CUR + r"\s*" + _AMT + r" at (?P<who>.+?)(?: on (?P<when>[\d/:\- ]+\d))?(?:\.|,|$)",
    re.IGNORECASE | re.MULTILINE,
)
SMS_ATM = re.compile(
    r"(?:ATM|cash) withdrawal of " + _CUR + r"\s*" + _AMT + r" from (?:your )?(?:a/c|account|card) (?P<acct>\S+?)"
    r"(?: at (?P<who>.+?))?(?: on (?P<when>[\d/:\- ]+\d))?(?:\.|,|$)",
    re.IGNORECASE | re.MULTILINE,
)
SMS_CREDIT = re.compile(
    r"(?:Your )?(?:a/c|account) (?P<acct>\S+) (?:has been|is|was) credited (?:by|with) " + _CUR + r"\s*" + _AMT
    + r"(?: by (?P<who>.+?))?(?: on (?P<when>[\d/:\- ]+\d))?(?:\.|,|$)",
    re.IGNORECASE | re.MULTILINE,
)
ARABIC_DEBIT = re.compile(
    # تم خصم as whole words: سيتم خصم is "will be deducted", لم يتم خصم "was not deducted".
    r"(?<![^\W\d_])تم خصم(?: مبلغ)? " + _AMT + r"\s*" + _CUR + r"?.*?(?:بطاقة|حساب)[^\d*xX]*(?P<acct>[\dXx*]+\d)"
    r"(?:.*?(?:لدى|في|عند) (?P<who>[^\n.،]+?))?(?=\s+(?:في|بتاريخ|on)\s+\d|[\n.،]|$)",
    re.DOTALL,
)
# A card block "used for a pre-authorisation": money held, not spent (the charge comes in its own alert).
_HOLD = re.compile(r"\bpre-?authori[sz](?:ation|ed)\b|\b(?:authori[sz]ation|temporary) hold\b", re.IGNORECASE)
_TERMINAL = re.compile(r"^\d{4,}\s*-\s*")
_DETAIL_START = re.compile(r"Details of this transaction are provided below for your reference\.?", re.IGNORECASE)
_DETAIL_END = re.compile(r"^(?:Kind regards|Regards|bank muscat|To unsubscribe)", re.IGNORECASE)
_DETAIL_KINDS = {
    "transfer": Kind.TRANSFER, "trnsfer": Kind.TRANSFER, "trf": Kind.TRANSFER,
    "salary": Kind.SALARY, "cash dep": Kind.DEPOSIT, "cash deposit": Kind.DEPOSIT, "cheque dep": Kind.DEPOSIT,
    "atm": Kind.WITHDRAWAL, "pos": Kind.PURCHASE, "charges": Kind.FEE, "fee": Kind.FEE,
}


def _money(amount: str, cur: str | None, after: str = "") -> tuple[str, Decimal]:
    """The amount of a template, or MalformedAlert: a wrong amount is worse than none.

    ``after`` is the text right after the amount, to catch a number grouped by spaces.
    """
    code = (cur or "OMR").upper().replace(" ", "")
    if code in {"RO", "R.O", "R.O."} or "ع" in code:
        code = "OMR"
    digits = amount.translate(_ARABIC_DIGITS)
    if not _AMT_SHAPE.fullmatch(digits) or _MORE_DIGITS.match(after):
        raise MalformedAlert(f"amount {(amount + after[:8]).strip()!r} {code}: not a number we can read whole")
    try:
        value = quantize(digits.replace(",", ""), code)
    except MoneyError as exc:
        raise MalformedAlert(f"amount {amount!r} {code}: {exc}") from exc
    if value != Decimal(digits.replace(",", "")):
        # "USD 12.345": more digits than the currency has; rounding would invent an amount.
        raise MalformedAlert(f"amount {amount!r} {code}: more decimals than {code} has")
    return code, value


def _money_of(m: re.Match[str]) -> tuple[str, Decimal]:
    return _money(m.group("amt"), m.group("cur"), m.string[m.end("amt"):m.end("amt") + 12])


def _card_time(value: str) -> datetime | None:
    try:
        return datetime.strptime(value.strip().title(), "%d %b %y %H:%M").replace(tzinfo=TZ)
    except ValueError:
        return None


def _value_date(value: str | None, header: datetime | None) -> datetime | None:
    """MM/DD/YY (the bank's format). The Date header gives the time when it is that day or close."""
    if not value:
        return header
    try:
        month, day, year = (int(x) for x in value.split("/"))
        year += 2000 if year < 100 else 0
        day_local = datetime(year, month, day, tzinfo=TZ)
    except ValueError:
        return header
    if header is not None and abs(header.astimezone(TZ).replace(tzinfo=None) - day_local.replace(tzinfo=None)) < timedelta(days=4):
        return header
    return datetime.combine(day_local.date(), time(12, 0), TZ)


def _sms_time(value: str | None, header: datetime | None) -> datetime | None:
    if value:
        for fmt in ("%d/%m/%y %H:%M", "%d/%m/%Y %H:%M", "%d/%m/%y", "%d/%m/%Y", "%d-%m-%Y %H:%M", "%d-%m-%Y"):
            try:
                return datetime.strptime(value.strip(), fmt).replace(tzinfo=TZ)
            except ValueError:
                continue
    return header


class BankMuscat:
    name = "bank_muscat"
    sender_domains: tuple[str, ...] = ("bankmuscat.com",)
    _signature = re.compile(r"bank\s?muscat|بنك مسقط|Mobile Payment services/mobile wallet", re.IGNORECASE)

    def claims(self, alert: Alert) -> bool:
        if any(alert.sender_domain == d or alert.sender_domain.endswith("." + d) for d in self.sender_domains):
            return True
        return bool(self._signature.search(alert.text[:4000]))

    def parse(self, alert: Alert) -> ParseResult:
        # Arabic-Indic digits and separators once, for every template ("OMR ١٬٢٣٤٫٥٠٠").
        text = alert.text.translate(_ARABIC_DIGITS)
        flat = " ".join(text.split("\n"))
        for fn in (self._card_block, self._account_notice, self._mobile, self._sms, self._arabic):
            txn = fn(text, flat, alert)
            if txn is not None:
                # A template matched, but "the transaction has failed", "was declined": not counted.
                reason = strong_reason(text, alert.subject)
                if not reason and "auth" in flat.lower() and _HOLD.search(flat):
                    reason = "pre-authorisation hold, not a charge"
                if reason:
                    return ParseResult(Status.NOT_TRANSACTION, self.name, reason)
                return ParseResult(Status.TRANSACTION, self.name, f"bank muscat {fn.__name__.strip('_').replace('_', ' ')}", txn)
        reason = non_transaction_reason(text, alert.subject)
        if reason:
            return ParseResult(Status.NOT_TRANSACTION, self.name, reason)
        return no_template(self.name, "a Bank Muscat message in no known alert template")

    # ------------------------------------------------------------------ templates
    def _card_block(self, text: str, flat: str, alert: Alert) -> ParsedTransaction | None:
        m = CARD_BLOCK.search(flat)
        if not m:
            return None
        fields = {f.group("key").lower(): f.group("val").strip() for f in CARD_FIELD.finditer(flat[m.end():])}
        amount = fields.get("amount", "")
        am = re.match(r"(?P<cur>[A-Z]{3}|RO)\s*" + _AMT, amount)
        if not am:
            raise MalformedAlert(f"debit card alert without a readable Amount field: {amount!r}")
        cur, value = _money_of(am)
        desc = fields.get("description", "").strip()
        merchant = _TERMINAL.sub("", desc).strip() or None
        # A reversal, refund or chargeback in the card block is money given back, not spent.
        if re.search(r"\b(?:revers\w*|refund\w*|charge[- ]?backs?)\b", desc, re.IGNORECASE):
            direction, kind = Direction.CREDIT, Kind.REFUND
        else:
            direction = Direction.DEBIT
            kind = Kind.WITHDRAWAL if re.search(r"\bATM\b", desc) else Kind.PURCHASE
        return ParsedTransaction(
            amount=value, currency=cur, direction=direction, kind=kind, merchant=merchant,
            account=fields.get("account number") or None, card=m.group("card").replace(" ", ""),
            occurred_at=_card_time(fields.get("date/time", "")) or alert.date,
        )

    def _account_notice(self, text: str, flat: str, alert: Alert) -> ParsedTransaction | None:
        m = ACCOUNT_NOTICE.search(flat)
        if not m:
            return None
        cur, value = _money_of(m)
        direction = Direction.DEBIT if m.group("dir").lower() == "debited" else Direction.CREDIT
        details = self._details(text)
        kind = Kind.DEBIT if direction is Direction.DEBIT else Kind.CREDIT
        if details:
            head = details[0].lower()
            kind = next((k for key, k in _DETAIL_KINDS.items() if head.startswith(key)), kind)
        # The last detail line names the other side (payer, payee, depositor), unless it
        # only repeats the type (SALARY ... SALARY).
        who = details[-1] if len(details) > 1 and details[-1].lower() != details[0].lower() else None
        if who and re.fullmatch(r"[A-Z]{2,4}\d{5,}.*", who):
            who = None
        is_transfer_like = kind in (Kind.TRANSFER, Kind.SALARY, Kind.DEPOSIT, Kind.CREDIT)
        return ParsedTransaction(
            amount=value, currency=cur, direction=direction, kind=kind,
            merchant=None if is_transfer_like else who, counterparty=who if is_transfer_like else None,
            account=m.group("acct"), occurred_at=_value_date(m.group("vd"), alert.date),
        )

    @staticmethod
    def _details(text: str) -> list[str]:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            start = _DETAIL_START.search(line)
            if start:
                rest = [line[start.end():].strip()] + lines[i + 1:]
                out = []
                for item in rest:
                    if _DETAIL_END.match(item):
                        break
                    if item:
                        out.append(item)
                return out
        return []

    def _mobile(self, text: str, flat: str, alert: Alert) -> ParsedTransaction | None:
        for pattern, direction in ((MOBILE_IN, Direction.CREDIT), (MOBILE_OUT, Direction.DEBIT)):
            m = pattern.search(flat)
            if m:
                cur, value = _money_of(m)
                ref = TXN_ID.search(flat)
                return ParsedTransaction(
                    amount=value, currency=cur, direction=direction, kind=Kind.MOBILE_PAYMENT,
                    counterparty=m.group("who").strip(), account=m.group("acct").rstrip(".,"),
                    reference=ref.group("ref") if ref else None, occurred_at=alert.date,
                )
        return None

    def _sms(self, text: str, flat: str, alert: Alert) -> ParsedTransaction | None:
        for pattern, direction, kind in (
            (SMS_ATM, Direction.DEBIT, Kind.WITHDRAWAL),
            (SMS_CARD, Direction.DEBIT, Kind.PURCHASE),
            (SMS_CREDIT, Direction.CREDIT, Kind.CREDIT),
        ):
            m = pattern.search(text)
            if not m:
                continue
            if non_transaction_reason(text, alert.subject, vouched=True):
                return None
            cur, value = _money_of(m)
            groups = m.groupdict()
            who = (groups.get("who") or "").strip() or None
            account = groups.get("acct") or groups.get("card")
            return ParsedTransaction(
                amount=value, currency=cur, direction=direction, kind=kind,
                merchant=who if kind is not Kind.CREDIT else None, counterparty=who if kind is Kind.CREDIT else None,
                account=account, occurred_at=_sms_time(groups.get("when"), alert.date),
            )
        return None

    def _arabic(self, text: str, flat: str, alert: Alert) -> ParsedTransaction | None:
        m = ARABIC_DEBIT.search(text)
        if not m:
            return None
        cur, value = _money_of(m)
        who = (m.group("who") or "").strip() or None
        return ParsedTransaction(
            amount=value, currency=cur, direction=Direction.DEBIT, kind=Kind.PURCHASE,
            merchant=who, account=m.group("acct"), occurred_at=alert.date,
        )


BANK_MUSCAT = BankMuscat()
