"""Push through Apprise URLs (ntfy, Telegram, Pushover, Slack, json:// webhooks ...).

A fresh Apprise object per send: a reused one throttles to one notification per 5.5 s.
Apprise returns one bool, so it cannot tell a permanent failure from a transient one:
a URL Apprise does not understand is permanent, a failed notify is retried.

Apprise logs the URL it loads and posts to (at DEBUG, and the whole URL when it cannot
parse one), and push URLs carry tokens: a filter on its logger masks the parts of every
URL being sent while the send runs.
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import apprise

from pipeline.notify.base import AlertMessage, NotifyError

_MASK = "****"
_active: dict[int, list[str]] = {}
_lock = threading.Lock()
_keys = itertools.count()


def secret_parts(url: str) -> list[str]:
    """The URL and every piece of it long enough to be a token (host, user, password, path parts)."""
    rest = url.split("://", 1)[-1]
    parts = [p for p in re.split(r"[/:@?&=#,]+", rest) if len(p) >= 6]
    return sorted({url, rest, *parts}, key=len, reverse=True)  # longest first: no half-masked token


class _Redact(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        with _lock:
            secrets = [p for parts in _active.values() for p in parts]
        if not secrets:
            return True
        text = record.getMessage()
        masked = text
        for part in secrets:
            masked = masked.replace(part, _MASK)
        if masked != text:
            record.msg, record.args = masked, None
        return True


_REDACT = _Redact()
# Apprise's own logger, and urllib3 under it, which logs every request path at DEBUG.
for _name in ("apprise", "urllib3.connectionpool"):
    logging.getLogger(_name).addFilter(_REDACT)


@contextmanager
def _masking(url: str) -> Iterator[None]:
    key = next(_keys)
    with _lock:
        _active[key] = secret_parts(url)
    try:
        yield
    finally:
        with _lock:
            _active.pop(key, None)


class ApprisePush:
    def send(self, message: AlertMessage, address: str) -> None:
        with _masking(address):
            app = apprise.Apprise()
            if not app.add(address):
                raise NotifyError("push URL not understood by Apprise (check its scheme)", permanent=True)
            try:
                # TEXT: Apprise escapes the body for services that speak HTML or Markdown.
                ok = app.notify(title=message.subject, body=message.text, body_format=apprise.NotifyFormat.TEXT)
            except Exception as exc:  # noqa: BLE001 - a plugin bug must not lose the alert
                raise NotifyError(f"push failed ({type(exc).__name__})") from exc
        if not ok:
            raise NotifyError("push service did not accept the notification")
