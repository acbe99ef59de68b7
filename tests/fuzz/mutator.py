"""A deterministic mutator over the project's e-mail fixtures.

Every case is a pure function of ``(seed, index)`` and the fixture set: a failing case
found by a long run is replayed with ``python -m tests.fuzz.run --replay SEED:INDEX``
while the fixtures are unchanged (the crash folder keeps the failing inputs' bytes). A
case starts from one golden fixture (``tests/fixtures/emails``, the bundled demo mails and
a built alert) and applies one to four operators:

- ``flip``: a few bits flipped anywhere;
- ``truncate``: cut short (in the headers, at the blank line, in the body);
- ``charset``: charset labels and transfer encodings swapped (unknown, multi-byte, empty);
- ``nest``: the body wrapped in tens to hundreds of nested multiparts, closed or not;
- ``header``: enormous headers (a 1 MB line, 20,000 headers, deep folding, huge
  encoded-words, a Date far outside what a datetime holds);
- ``html``: HTML bombs (deeply nested tags, entity floods, unclosed comments, huge tables);
- ``control``: NUL and other control bytes in headers and body;
- ``splice``: the head of one fixture on the body of another;
- ``chunk``: a slice of the message duplicated, deleted or replaced by random bytes.

Sizes are bounded (a few MB at most) so that a run measures robustness, not memory.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DIRS = [ROOT / "tests" / "fixtures" / "emails", ROOT / "pipeline" / "demo_emails"]

CHARSETS = [
    b"utf-8", b"UTF-8", b"windows-1256", b"iso-8859-1", b"x-unknown", b"utf-16", b"utf-32", b"utf-7", b"",
    b"\"", b"gb2312", b"shift_jis", b"koi8-r", b"us-ascii", b"\"utf-8", b"utf-8\"; format=flowed",
    b"iso-2022-jp", b"cp1252\x00", b"a" * 300,
]
ENCODINGS = [b"base64", b"quoted-printable", b"7bit", b"8bit", b"binary", b"x-uuencode", b"bogus", b""]
DATES = [
    b"Thu, 01 Jan 99999999999999999999 00:00:00 +0000",
    b"Thu, 01 Jan 1970 00:00:00 +99999999",
    b"Fri, 31 Dec 9999 23:59:59 -2359",
    b"Mon, 01 Jan 0001 00:00:00 +2359",
    b"Mon, 01 Jan 0 00:00:00 +0000",
    b"Tue, 30 Feb 2026 25:61:61 +0400",
    b"yesterday",
    b"",
    b"Wed, 01 Jan 1800 00:00:00 +0000",
    b"=?utf-8?b?" + b"QQ" * 10 + b"?=",
]
TAGS = [b"div", b"table", b"tr", b"td", b"span", b"b", b"p", b"font", b"a", b"li", b"ul"]


@lru_cache(maxsize=1)
def fixtures() -> tuple[bytes, ...]:
    """Every fixture's bytes, sorted by path (stable across runs), plus two built alerts."""
    paths = sorted(p for d in FIXTURE_DIRS if d.is_dir() for p in d.rglob("*.eml"))
    built = [_built_alert()]
    return tuple([p.read_bytes() for p in paths] + built)


def _built_alert() -> bytes:
    from tests.support import mails

    when = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc) - timedelta(days=1)
    return mails.card_purchase("12.345", "FUZZ MART", when, message_id="<fuzz-base@bankmuscat.com>")


def _split(raw: bytes) -> tuple[bytes, bytes, bytes]:
    for sep in (b"\r\n\r\n", b"\n\n"):
        head, found, body = raw.partition(sep)
        if found:
            return head, found, body
    return raw, b"", b""


def _pick(rng: random.Random, options: list[int]) -> int:
    """One of ``options`` (ascending sizes): the smaller ones far more often, so the huge
    cases stay a few percent of a run and a long run still covers many cases."""
    weights = [8 ** (len(options) - i) for i in range(len(options))]
    return rng.choices(options, weights=weights)[0]


def _eol(raw: bytes) -> bytes:
    return b"\r\n" if b"\r\n" in raw[:2000] else b"\n"


# ---------------------------------------------------------------------------- operators
def flip(rng: random.Random, raw: bytes) -> bytes:
    if not raw:
        return raw
    buf = bytearray(raw)
    for _ in range(rng.choice([1, 1, 2, 4, 8, 32])):
        i = rng.randrange(len(buf))
        buf[i] ^= 1 << rng.randrange(8)
    return bytes(buf)


def truncate(rng: random.Random, raw: bytes) -> bytes:
    if not raw:
        return raw
    head, sep, _ = _split(raw)
    where = rng.choice(["any", "head", "blank", "body_start"])
    if where == "head" and head:
        return raw[: rng.randrange(len(head) + 1)]
    if where == "blank":
        return head + sep[: rng.randrange(len(sep) + 1)]
    if where == "body_start":
        return raw[: min(len(raw), len(head) + len(sep) + rng.randrange(200))]
    return raw[: rng.randrange(len(raw) + 1)]


def charset(rng: random.Random, raw: bytes) -> bytes:
    new = rng.choice(CHARSETS)
    out = re.sub(rb"(?i)charset=(\"[^\"]*\"|[\w.:-]*)", lambda _m: b"charset=" + new, raw)
    if rng.random() < 0.5:
        enc = rng.choice(ENCODINGS)
        out = re.sub(rb"(?i)content-transfer-encoding:[ \t]*[\w-]*", lambda _m: b"Content-Transfer-Encoding: " + enc,
                     out)
    if out == raw:  # no label to swap: add one
        eol = _eol(raw)
        out = b"Content-Type: text/plain; charset=" + new + eol + raw
    if rng.random() < 0.3:  # and recode the body as the new label says (when Python knows it)
        head, sep, body = _split(out)
        try:
            label = new.decode("ascii").strip("\"").split(";")[0] or "utf-8"
            body = body.decode("utf-8", "replace").encode(label, "replace")
        except (LookupError, UnicodeError, ValueError):
            pass
        out = head + sep + body
    return out


def nest(rng: random.Random, raw: bytes) -> bytes:
    eol = _eol(raw)
    head, sep, body = _split(raw)
    depth = _pick(rng, [2, 10, 50, 200, 1000])
    closed = rng.random() < 0.5
    kinds = [b"mixed", b"alternative", b"related", b"digest", b"signed"]
    inner = eol.join(ln for ln in head.split(eol) if ln.lower().startswith((b"content-", b"mime-"))) or \
        b"Content-Type: text/plain"
    part = inner + eol + eol + body
    for level in range(depth):
        b = f"b{level}-{rng.randrange(10**6)}".encode()
        if rng.random() < 0.05:
            b = b"\"" + b"x" * rng.choice([0, 70, 5000])  # broken boundary parameter
        kind = rng.choice(kinds)
        wrapped = b"Content-Type: multipart/" + kind + b"; boundary=\"" + b + b"\"" + eol + eol
        wrapped += b"preamble" + eol + b"--" + b + eol + part + eol
        if rng.random() < 0.3:
            wrapped += b"--" + b + eol + b"Content-Type: message/rfc822" + eol + eol + raw[:2000] + eol
        if closed:
            wrapped += b"--" + b + b"--" + eol
        part = wrapped
    outer = eol.join(ln for ln in head.split(eol) if not ln.lower().startswith((b"content-", b"mime-")))
    return outer + eol + b"MIME-Version: 1.0" + eol + part


def header(rng: random.Random, raw: bytes) -> bytes:
    eol = _eol(raw)
    head, sep, body = _split(raw)
    kind = rng.choice(["long", "many", "folded", "encoded", "date", "dupe", "subject", "from"])
    if kind == "long":
        extra = b"X-Huge: " + b"A" * _pick(rng, [1000, 100_000, 1_000_000])
    elif kind == "many":
        extra = eol.join(b"X-H%d: %d" % (i, i) for i in range(_pick(rng, [100, 1000, 20_000])))
    elif kind == "folded":
        extra = b"Subject: start" + (eol + b" fold") * _pick(rng, [100, 10_000, 100_000])
    elif kind == "encoded":
        word = rng.choice([b"=?utf-8?b?", b"=?utf-8?q?", b"=?x-unknown?b?", b"=?iso-8859-1?q?"])
        payload = b"SGVsbG8g" * _pick(rng, [10, 10_000, 100_000]) if word.endswith(b"b?") else b"=E9" * _pick(rng, [10, 10_000])
        extra = b"Subject: " + word + payload + b"?=" + b" =?utf-8?b?" * _pick(rng, [0, 500, 5000])
    elif kind == "date":
        head = re.sub(rb"(?im)^date:.*$", b"", head)
        extra = b"Date: " + rng.choice(DATES)
    elif kind == "dupe":
        lines = head.split(eol)
        extra = eol.join(rng.choice(lines) for _ in range(_pick(rng, [2, 100, 5000])))
    elif kind == "subject":
        extra = b"Subject: " + bytes(rng.randrange(256) for _ in range(rng.choice([10, 1000])))
    else:
        extra = b"From: " + rng.choice([b"<>", b"\"a@b\" <@@@>", b"x" * 5000 + b"@bankmuscat.com",
                                        b"=?utf-8?b?Ym9ndXM=?= <noreply@bankmuscat.com>", b"a@[1.2.3", b",,,,"])
    where = rng.random()
    if where < 0.5:
        return extra + eol + head + sep + body
    return head + eol + extra + (sep or eol + eol) + body


def html(rng: random.Random, raw: bytes) -> bytes:
    kind = rng.choice(["nest", "entities", "comment", "table", "script", "attrs"])
    n = _pick(rng, [100, 5000, 50_000, 200_000])
    if kind == "nest":
        tag = rng.choice(TAGS)
        bomb = (b"<" + tag + b">") * n + b"OMR 1.000 debited" + (b"</" + tag + b">") * rng.choice([0, n])
    elif kind == "entities":
        bomb = rng.choice([b"&amp;", b"&#x10FFFF;", b"&#99999999;", b"&nbsp;", b"&#0;", b"&"]) * n
    elif kind == "comment":
        bomb = b"<!--" + b"x-->" * (n // 10) + b"<!-- never closed " + b"y" * n
    elif kind == "table":
        bomb = b"<table>" + b"<tr>" + b"<td>1.000</td>" * min(n, 20_000) + b"</tr>" * (n // 100) + b"</table>"
    elif kind == "script":
        bomb = b"<script>" + b"var x='</scr'+'ipt>';" * (n // 10) + b"<style>" + b"{" * n
    else:
        bomb = b"<div " + b" ".join(b"a%d=\"%d\"" % (i, i) for i in range(min(n, 50_000))) + b">Amount OMR 2.000</div>"
    head, sep, body = _split(raw)
    if rng.random() < 0.5:
        head = re.sub(rb"(?i)content-type:[ \t]*text/plain", b"Content-Type: text/html", head)
        head = re.sub(rb"(?i)content-transfer-encoding:[ \t]*[\w-]*", b"Content-Transfer-Encoding: 8bit", head)
        return head + (sep or b"\r\n\r\n") + bomb + body
    return raw + bomb


def control(rng: random.Random, raw: bytes) -> bytes:
    buf = bytearray(raw)
    for _ in range(rng.choice([1, 3, 20])):
        ch = rng.choice([b"\x00", b"\x1b", b"\x7f", b"\r", b"\n", b"\x0c", b"\xff", b"\xc3", b"\xed\xa0\x80"])
        i = rng.randrange(len(buf) + 1)
        if rng.random() < 0.5:  # prefer the headers: they go to text columns
            head, _, _ = _split(bytes(buf))
            i = rng.randrange(len(head) + 1)
        buf[i:i] = ch
    return bytes(buf)


def splice(rng: random.Random, raw: bytes) -> bytes:
    other = rng.choice(fixtures())
    head, sep, _ = _split(raw)
    _, osep, obody = _split(other)
    return head + (sep or osep or b"\r\n\r\n") + obody


def chunk(rng: random.Random, raw: bytes) -> bytes:
    if not raw:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
    i = rng.randrange(len(raw))
    j = min(len(raw), i + rng.choice([1, 10, 100, 1000]))
    kind = rng.random()
    if kind < 0.33:
        return raw[:j] + raw[i:j] * rng.choice([2, 10, 100]) + raw[j:]
    if kind < 0.66:
        return raw[:i] + raw[j:]
    return raw[:i] + bytes(rng.randrange(256) for _ in range(j - i)) + raw[j:]


OPERATORS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip": flip,
    "truncate": truncate,
    "charset": charset,
    "nest": nest,
    "header": header,
    "html": html,
    "control": control,
    "splice": splice,
    "chunk": chunk,
}
# Cheap operators are drawn more often; the expensive ones (huge sizes) less.
WEIGHTS = {"flip": 5, "truncate": 3, "charset": 4, "nest": 2, "header": 2, "html": 2, "control": 3, "splice": 2,
           "chunk": 4}
MAX_BYTES = 8 * 1024 * 1024


def case(seed: int, index: int) -> tuple[bytes, list[str]]:
    """The bytes of case ``index`` of run ``seed`` and the operators applied, in order."""
    rng = random.Random(seed * 1_000_003 + index)
    base = fixtures()
    raw = base[rng.randrange(len(base))]
    names = list(OPERATORS)
    applied = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4])):
        op = rng.choices(names, weights=[WEIGHTS[n] for n in names])[0]
        raw = OPERATORS[op](rng, raw)
        applied.append(op)
        if len(raw) > MAX_BYTES:
            raw = raw[:MAX_BYTES]
            applied.append("cap")
            break
    return raw, applied


def mutate(rng: random.Random, raw: bytes, ops: list[str]) -> bytes:
    """Apply the named operators in order (the Hypothesis strategy draws them)."""
    for op in ops:
        raw = OPERATORS[op](rng, raw)[:MAX_BYTES]
    return raw
