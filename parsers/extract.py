"""E-mail bytes -> Alert: the best body part as text with its lines kept, plus a few headers.

Survives real mail: HTML-only bodies (tables, <br> and blocks become line breaks),
quoted-printable and base64, charsets such as windows-1256, a UTF-8 BOM, wrong or unknown
charset labels (fallback decoding, never a crash), multipart/alternative (the part that
carries the alert wins), and forwarded alerts when the user enabled them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from email import message_from_bytes
from email.message import Message
from email.policy import compat32
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from functools import lru_cache

import lxml.html
from lxml import etree

from parsers.base import Alert

_FALLBACK_CHARSETS = ("utf-8", "windows-1256", "windows-1252")
# A label names the standard charset, the text is often in its Windows superset (as mail clients
# assume): Japanese "Shift_JIS" with cp932's ㈱ or ①, "GB2312" with GBK's 喆, Big5 with cp950's
# additions, EUC-KR with cp949's syllables, "ISO-8859-1" with windows-1252's € (byte 0x80).
# Keyed by the codec's own name (codecs.lookup), so every spelling of a label maps alike.
_SUPERSETS = {"shift_jis": "cp932", "gb2312": "gb18030", "gbk": "gb18030", "big5": "cp950", "euc_kr": "cp949",
              "iso8859-1": "windows-1252", "iso8859-9": "cp1254", "tis-620": "cp874", "iso8859-11": "cp874"}
# Label spellings in real mail that Python does not know.
_ALIASES = {"x-sjis": "cp932", "windows-31j": "cp932", "x-gbk": "gb18030", "windows-874": "cp874",
            "iso-8859-8-i": "iso-8859-8", "iso-8859-6-i": "iso-8859-6", "x-euc-kr": "cp949"}
# Charsets with one byte per character: any byte sequence decodes, so a wrong label never fails.
_SINGLE_BYTE = re.compile(r"(?:us-)?ascii$|iso-?8859|latin|(?:windows|cp)-?125\d$|koi8")
_BLOCK = {"p", "div", "tr", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "section", "article",
          "blockquote", "pre", "hr", "dt", "dd"}
_CELL = {"td", "th"}
_SPACES = re.compile(r"[ \t\u00a0\u200b\u200e\u200f\u202a-\u202e\ufeff]+")
_DIGIT = re.compile(r"\d")
_MAX_TEXT = 200_000  # a bank alert is a few KB; cap the work a hostile mail can cause
_FORWARD_MARK = re.compile(
    r"^(?:-{2,}\s*Forwarded message\s*-{2,}|Begin forwarded message:|-{2,}\s*Original Message\s*-{2,})\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def decode_part(part: Message) -> str:
    """Bytes of a leaf part -> text, whatever its charset label claims."""
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - broken transfer encodings: use the raw payload
        payload = None
    if payload is None:
        raw = part.get_payload()
        payload = raw.encode("utf-8", "replace") if isinstance(raw, str) else b""
    if not isinstance(payload, bytes):
        payload = bytes(payload)
    payload = payload[: _MAX_TEXT * 4]
    if payload.startswith(b"\xef\xbb\xbf"):
        return payload[3:].decode("utf-8", "replace")
    label = (part.get_content_charset() or "").strip().lower()
    if _SINGLE_BYTE.match(label) and not payload.isascii():
        # A UTF-8 body labelled as a one-byte charset (Arabic alerts sent as "iso-8859-1"): text
        # really in such a charset is almost never valid UTF-8 once it has non-ASCII bytes.
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            pass
    tried = []
    for charset in _label_charsets(label) + list(_FALLBACK_CHARSETS):
        if charset in tried:
            continue
        tried.append(charset)
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return payload.decode("latin-1")


def _label_charsets(label: str) -> list[str]:
    """The charsets to try for a part's label, the label's superset first."""
    if not label:
        return []
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError, TypeError):  # an unknown or junk label: the fallbacks decide
        return [label]
    superset = _SUPERSETS.get(name)
    return [superset, label] if superset else [label]


def html_to_text(html: str) -> str:
    """HTML -> text with a line per row, paragraph and <br> (lxml: ~10x BeautifulSoup)."""
    # lxml refuses NUL and other control characters; they carry nothing readable.
    html = _CONTROL.sub("", html[:_MAX_TEXT])
    try:
        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//head"):
            bad.drop_tree()
        for el in root.iter():
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag == "br":
                el.tail = "\n" + (el.tail or "")
            elif tag in _BLOCK:
                el.tail = "\n" + (el.tail or "")
                el.text = "\n" + (el.text or "")
            elif tag in _CELL:
                el.tail = " " + (el.tail or "")
        return normalise(root.text_content())
    except (etree.ParserError, ValueError):  # markup or code points lxml will not hold
        from bs4 import BeautifulSoup

        return normalise(BeautifulSoup(html, "html.parser").get_text("\n"))


def normalise(text: str) -> str:
    # NFKC folds styled letters (𝗌𝗉𝖾𝗇𝗍 -> spent), full-width digits and ligatures.
    text = unicodedata.normalize("NFKC", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _leaf_texts(msg: Message) -> Iterable[tuple[str, str, str | None]]:
    """(content type, text, html-or-None) for each inline text part."""
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        disp = (part.get("Content-Disposition") or "").lower()
        if "attachment" in disp and ctype not in ("text/plain", "text/html"):
            continue
        if ctype == "text/html":
            html = decode_part(part)
            yield ctype, html_to_text(html), html
        elif ctype == "text/plain" or (ctype.startswith("text/") and not part.get_content_maintype() == "multipart"):
            yield ctype, normalise(decode_part(part)), None


def best_body(msg: Message) -> tuple[str, str | None]:
    """The text that carries the alert: plain if it has substance, else HTML, else anything."""
    parts = list(_leaf_texts(msg))
    if not parts:
        try:
            payload = msg.get_payload()
        except (ValueError, LookupError):  # a NUL or junk in the charset parameter
            payload = decode_part(msg)
        return (normalise(payload) if isinstance(payload, str) else ""), None
    plain = [p for p in parts if p[0] == "text/plain" and _DIGIT.search(p[1])]
    html = [p for p in parts if p[0] == "text/html" and _DIGIT.search(p[1])]
    if plain and html:
        # multipart/alternative where the plain part is a stub ("see the HTML version"):
        # the part with more figures in it carries the alert; on a tie, plain wins.
        p_best = max(plain, key=lambda p: len(p[1]))
        h_best = max(html, key=lambda p: len(p[1]))
        return h_best[1:] if _figures(h_best[1]) > _figures(p_best[1]) else p_best[1:]
    for group in (plain, html, parts):
        if group:
            best = max(group, key=lambda p: len(p[1]))
            return best[1], best[2]
    return "", None


_MAX_HEADER = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_FIGURE = re.compile(r"\d[\d,.]*")


def _figures(text: str) -> int:
    return len(set(_FIGURE.findall(text)))


def _date(value: object) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _addr(value: object) -> tuple[str, str]:
    sender = parseaddr(str(value or ""))[1].strip().lower()
    domain = sender.rsplit("@", 1)[1] if "@" in sender else ""
    return sender, domain


def _decoded(text: str) -> str:
    """Encoded-words decoded (the first _MAX_HEADER characters: decode_header is slow on more)."""
    from email.header import decode_header, make_header

    text = text[:_MAX_HEADER]
    try:
        return str(make_header(decode_header(text)))
    except Exception:  # noqa: BLE001 - undecodable encoded-words: keep them as written
        return text


def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - malformed header encodings
        return ""
    if value is None:
        return ""
    # No Date or Subject a parser reads is longer than _MAX_HEADER.
    return _decoded(str(value))


# parseaddr takes about a second per million characters, and recurses on nested comments.
_MAX_FROM = 64 * 1024
_AT_DOMAIN = re.compile(r"@([\w-]{1,63}(?:\.[\w-]{1,63})+)")
_LOCAL_END = re.compile(r"[\w.+'=!#$%&*/?^`{|}~-]{1,64}$")
_VALID = re.compile(r"[^@\s]+@[a-z0-9_-]+(?:\.[a-z0-9_-]+)+")


@dataclass(frozen=True)
class FromReading:
    """The sender of a mail as every part of spendwatch reads it (``read_from``)."""

    address: str  # parseaddr of the raw, undecoded, uncut first From header, lower case ('' if none)
    display: str = ""  # its display name, encoded-words decoded
    candidates: tuple[str, ...] = ()  # every address the From may be read as (several when ambiguous)

    @property
    def domain(self) -> str:
        return self.address.rsplit("@", 1)[1] if "@" in self.address else ""

    @property
    def ambiguous(self) -> bool:
        """Readings disagree, or the From holds several addresses or none usable."""
        return self.candidates != ((self.address,) if _VALID.fullmatch(self.address) else ())

    @property
    def candidate_domains(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.rsplit("@", 1)[1] for a in self.candidates))


def _scan(text: str) -> list[str]:
    """Address-like text (local@domain) anywhere in ``text``: linear, whatever surrounds it."""
    found = []
    for m in _AT_DOMAIN.finditer(text):
        local = _LOCAL_END.search(text, max(0, m.start() - 64), m.start())
        if local:
            found.append(f"{local.group(0)}@{m.group(1)}".lower())
    return found


def _texts(values: Iterable[object] | None) -> list[str]:
    out = []
    for value in values or ():
        try:
            out.append(str(value))
        except Exception:  # noqa: BLE001 - a header object that cannot be shown: nothing to read
            continue
    return out


def read_from(froms: Sequence[object] | None, senders: Sequence[object] | None = ()) -> FromReading:
    """One reading of From for ingest (the stored sender) and the parser.

    ``address`` is parseaddr on the raw first From header (undecoded: encoded-words are
    for display names only; uncut), as the IMAP sender filter reads it. ``candidates``
    adds every other way the header can be read: the other addresses of a list, the
    reading after decoding encoded-words, the other From headers, and, when From gives no
    address (or cannot be parsed), any address-like text in it and in Sender. The mail
    claims a bank when any candidate is under a bank domain (so it must pass DKIM).
    Never raises.
    """
    return _read_from(tuple(_texts(froms)), tuple(_texts(senders)))


@lru_cache(maxsize=256)
def _read_from(values_: tuple[str, ...], sender_texts: tuple[str, ...]) -> FromReading:
    """``read_from`` on header texts: a pure function, so the parser's two readings of one
    mail (extract and authenticate) cost one."""
    values = list(values_)
    raw = values[0] if values else ""
    if (len(values) == 1 and len(raw) <= _MAX_FROM and raw.count("<") <= 1 and raw.count("@") == 1
            and not any(c in raw for c in ',;=:"\\(')):
        # One plain "Name <addr>" or "addr": every reading below is this one (one address
        # sign, no list, encoded-word, quoting or comment that could hide another address).
        name, address = parseaddr(raw)
        address = address.strip().lower()
        if _VALID.fullmatch(address):
            return FromReading(address, _decoded(name), (address,))
    address, display, found, ok = "", "", [], len(raw) <= _MAX_FROM
    if ok:
        try:
            name, address = parseaddr(raw)
            address = address.strip().lower()
            display = _decoded(name)
            found = [address] + [a.strip().lower() for value in values for _, a in getaddresses([value])]
            found.append(_addr(_decoded(raw))[0])
        except Exception:  # noqa: BLE001 - e.g. RecursionError on deeply nested comments
            address, display, found, ok = "", "", [], False
    usable = [a for a in found if _VALID.fullmatch(a)]
    if not ok or not usable:
        for text in values + (list(sender_texts) if not usable else []):
            usable += _scan(text) + _scan(_decoded(text))
    return FromReading(address, display, tuple(dict.fromkeys(usable)))


def sender_reading(msg: Message) -> FromReading:
    """``read_from`` of a message's From headers (Sender as the fallback)."""
    try:
        froms, senders = msg.get_all("From") or [], msg.get_all("Sender") or []
    except Exception:  # noqa: BLE001 - malformed header encodings
        froms, senders = [], []
    return read_from(froms, senders)


def _forwarded(text: str) -> tuple[str, str, datetime | None] | None:
    """(inner sender, inner text, inner date) of a forwarded alert in a body."""
    m = _FORWARD_MARK.search(text)
    if not m:
        return None
    rest = text[m.end():].lstrip("\n").split("\n")
    sender, when, i = "", None, 0
    while i < len(rest) and i < 12:
        key, _, value = rest[i].partition(":")
        k = key.strip().lower()
        if k == "from":
            sender = _addr(value)[0] or parseaddr(value.strip())[1].lower()
            if not sender:
                found = re.search(r"[\w.+-]+@[\w.-]+", value)
                sender = found.group(0).lower() if found else ""
        elif k in ("date", "sent"):
            when = _date(value.strip())
        elif k not in ("to", "subject", "cc", "reply-to"):
            break
        i += 1
    if not sender:
        return None
    return sender, "\n".join(rest[i:]), when


def to_message(raw: bytes | Message) -> Message:
    if isinstance(raw, Message):
        return raw
    return message_from_bytes(raw, policy=compat32)


def extract(raw: bytes | Message, *, accept_forwarded: bool = False, own_addresses: Iterable[str] = ()) -> Alert:
    msg = to_message(raw)
    text, html = best_body(msg)
    reading = sender_reading(msg)
    sender, domain = reading.address, reading.domain
    when = _date(_header(msg, "Date"))
    subject = normalise(_header(msg, "Subject"))
    own = {a.lower() for a in own_addresses}
    inner_msg = next((p.get_payload(0) for p in msg.walk() if p.get_content_type() == "message/rfc822"), None)
    fwd = _forwarded(text)
    # The user's own forward (parsers.parse_message also wants the outer mail's dkim=pass).
    if accept_forwarded and sender in own and not reading.ambiguous:
        if isinstance(inner_msg, Message):
            inner = extract(inner_msg)
            return Alert(inner.text, inner.subject, inner.sender, inner.sender_domain, inner.date or when,
                         inner.html, forwarded=True)
        if fwd is not None:
            inner_sender, inner_text, inner_date = fwd
            return Alert(inner_text, subject, inner_sender, inner_sender.rsplit("@", 1)[-1], inner_date or when,
                         html, forwarded=True)
    forwarded_from = None
    if isinstance(inner_msg, Message):
        inner_from = sender_reading(inner_msg)
        forwarded_from = inner_from.domain or next(iter(inner_from.candidate_domains), None)
    elif fwd is not None:
        forwarded_from = fwd[0].rsplit("@", 1)[-1] or None
    return Alert(text, subject, sender, domain, when, html, forwarded_from=forwarded_from)
