"""Alert texts from Jinja2 templates: HTML autoescaped, text plain, headers one line."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

# Autoescape by file name: alert.html.j2 escapes every value, alert.txt.j2 stays plain.
_ENV = Environment(
    loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
    autoescape=select_autoescape(enabled_extensions=("html.j2", "html"), default_for_string=True, default=False),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
# Explicit bidi embeddings, overrides and isolates (LRE..RLO, LRI..PDI): in a name, an
# unmatched RLO (U+202E) reversed the rest of the line, amounts and date included, and a
# stray PDI would close the isolate a name is wrapped in. No name needs them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]+")
_RTL = frozenset({"R", "AL", "AN"})
FSI, PDI = "\u2068", "\u2069"
# C0 and C1 controls (\x85 NEL is a line break to str.splitlines and the e-mail package), LS, PS.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(text: str) -> str:
    """No CR/LF or other control characters: a merchant name must not become a header or a line."""
    return _CONTROL.sub(" ", text).strip()


def clean_name(text: str) -> str:
    """A budget or merchant name for an alert: one line, and no bidi controls of its own."""
    return _BIDI_CONTROLS.sub("", one_line(text)).strip()


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, an ellipsis marking a cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip(" \u200d") + "\u2026"


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL for ch in text)


def isolate(text: str) -> str:
    """A right-to-left name inside FSI...PDI (Unicode bidi isolate) for plain text, subjects and push.

    Without it an Arabic budget name first on a line makes the whole line right-to-left in
    most clients, and the digits after a name (': 82%') join its Arabic run, so figures show
    in the wrong order. Left-to-right names stay as they are (nothing invisible added)."""
    return f"{FSI}{text}{PDI}" if _is_rtl(text) else text


def bdi(text: str) -> Markup:
    """The HTML form of isolate(): <bdi> (direction from its own content), escaped."""
    return Markup("<bdi>{}</bdi>").format(text) if _is_rtl(text) else escape(text)


_ENV.filters["isolate"] = isolate
_ENV.filters["bdi"] = bdi


def render_alert(context: dict[str, Any]) -> tuple[str, str]:
    """(text, html) of one alert."""
    text = _ENV.get_template("alert.txt.j2").render(context)
    html = _ENV.get_template("alert.html.j2").render(context)
    return text, html
