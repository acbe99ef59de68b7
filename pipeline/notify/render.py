"""Alert texts from Jinja2 templates: HTML autoescaped, text plain, headers one line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

# Autoescape by file name: alert.html.j2 escapes every value, alert.txt.j2 stays plain.
_ENV = Environment(
    loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
    autoescape=select_autoescape(enabled_extensions=("html.j2", "html"), default_for_string=True, default=False),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
# C0 and C1 controls (\x85 NEL is a line break to str.splitlines and the e-mail package), LS, PS.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(text: str) -> str:
    """No CR/LF or other control characters: a merchant name must not become a header or a line."""
    return _CONTROL.sub(" ", text).strip()


def render_alert(context: dict[str, Any]) -> tuple[str, str]:
    """(text, html) of one alert."""
    text = _ENV.get_template("alert.txt.j2").render(context)
    html = _ENV.get_template("alert.html.j2").render(context)
    return text, html
