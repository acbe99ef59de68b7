"""What a transport needs: a rendered message, an address, and an error that says retry or not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class NotifyError(Exception):
    """A failed send. ``permanent`` errors are not retried (bad address, rejected, bad URL)."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class AlertMessage:
    subject: str
    text: str
    html: str
    message_id: str
    headers: dict[str, str] = field(default_factory=dict)


class Transport(Protocol):
    def send(self, message: AlertMessage, address: str) -> None:
        """Deliver or raise NotifyError; never put the address or a password in the error."""
        ...
