"""Alert transports, one registry line each: kind of target -> transport factory."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.notify.base import AlertMessage, NotifyError, Transport
from pipeline.notify.email import email_transport
from pipeline.notify.push import ApprisePush

TRANSPORTS: dict[str, Callable[[], Transport]] = {
    "email": email_transport,
    "apprise": ApprisePush,
}


def transport_for(kind: str) -> Transport:
    try:
        factory = TRANSPORTS[kind]
    except KeyError:
        raise NotifyError(f"unknown notification target kind {kind!r}", permanent=True) from None
    return factory()


__all__ = ["TRANSPORTS", "AlertMessage", "NotifyError", "Transport", "transport_for"]
