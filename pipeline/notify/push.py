"""Push through Apprise URLs (ntfy, Telegram, Pushover, Slack, json:// webhooks ...).

A fresh Apprise object per send: a reused one throttles to one notification per 5.5 s.
Apprise returns one bool, so it cannot tell a permanent failure from a transient one:
a URL Apprise does not understand is permanent, a failed notify is retried. What the
service answered is read from Apprise's warning for this send (its HTTP status, or that it
could not connect), so the outbox row's error and ``spendwatch health`` say whether the
token needs fixing (401, 403, 404) or the service is down: a refused token is still
retried, as a user who fixes it within the retry window then gets the alert.

Apprise logs the URL it loads and posts to (at DEBUG, and the whole URL when it cannot
parse one), and push URLs carry tokens: a filter on its logger masks the parts of every
URL being sent while the send runs.
"""

from __future__ import annotations

import contextvars
import itertools
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import apprise

from pipeline.notify.base import AlertMessage, NotifyError

_MASK = "****"


def load_plugins() -> None:
    """Import Apprise's notification plugins now instead of at the first send.

    Apprise discovers its hundred-odd plugin modules when the first URL is added: about
    0.3 s of CPU, paid by each prefork child on its first alert (a delay on that alert, and
    the same modules imported once per child). The worker calls this before it forks.
    """
    from apprise.plugins import N_MGR

    N_MGR.load_modules()
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


@dataclass
class _Answer:
    """What Apprise's warnings said about one send: the HTTP status, or no connection."""

    status: int | None = None
    unreachable: bool = False


# The send under way in this context. Apprise runs each service on a worker thread inside a
# copy of the caller's context, so its warnings find the send they belong to (several
# deliveries may run at once in one process).
_answer: contextvars.ContextVar[_Answer | None] = contextvars.ContextVar("spendwatch_push_answer", default=None)


_STATUS = re.compile(r"error=(\d{3})\b")  # Apprise's "Failed to send ...: Unauthorized, error=401."


class _Listen(logging.Handler):
    """Keeps only the status of Apprise's warning: its text names the topic or URL (a secret)."""

    def emit(self, record: logging.LogRecord) -> None:
        answer = _answer.get()
        if answer is None:
            return
        text = record.getMessage()
        found = _STATUS.search(text)
        if found and answer.status is None:
            answer.status = int(found.group(1))
        elif "connection error" in text.lower():
            answer.unreachable = True


def refusal(status: int | None, unreachable: bool) -> str:
    """The outbox row's error for a notify that returned False."""
    if status is not None and 400 <= status < 500 and status not in (408, 429):
        return (f"push service refused the notification (HTTP {status}): check the push URL and its token; "
                "retrying in case it is fixed")
    if status is not None:
        return f"push service answered HTTP {status}; retrying"
    if unreachable:
        return "push service could not be reached (connection failed or timed out); retrying"
    return "push service did not accept the notification"


logging.getLogger("apprise").addHandler(_Listen(logging.WARNING))


class ApprisePush:
    def send(self, message: AlertMessage, address: str) -> None:
        answer = _Answer()
        with _masking(address):
            app = apprise.Apprise()
            if not app.add(address):
                raise NotifyError("push URL not understood by Apprise (check its scheme)", permanent=True)
            token = _answer.set(answer)
            try:
                # TEXT: Apprise escapes the body for services that speak HTML or Markdown.
                ok = app.notify(title=message.subject, body=message.text, body_format=apprise.NotifyFormat.TEXT)
            except Exception as exc:  # noqa: BLE001 - a plugin bug must not lose the alert
                raise NotifyError(f"push failed ({type(exc).__name__})") from exc
            finally:
                _answer.reset(token)
        if not ok:
            raise NotifyError(refusal(answer.status, answer.unreachable))
