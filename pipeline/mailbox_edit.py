"""A mailbox's settings changed: the API's PATCH /api/mailboxes/{id} and `spendwatch mailbox edit`.

The values come validated field by field (api.schemas.MailboxPatch); what needs the stored
row or the network is checked here, once for both front ends.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import MailAccount
from pipeline import config, hosts


class MailboxEditError(ValueError):
    """A change refused; ``conflict``: the name is another mailbox's (HTTP 409, else 422)."""

    def __init__(self, message: str, conflict: bool = False) -> None:
        super().__init__(message)
        self.conflict = conflict


def name_free(s: Session, user_id: int, name: str, other_than: int | None = None) -> None:
    found = s.scalar(select(MailAccount.id).where(MailAccount.user_id == user_id, MailAccount.name == name))
    if found is not None and found != other_than:
        raise MailboxEditError(f"name: a mailbox named {name!r} already exists (#{found})", conflict=True)


def host_allowed(host: str, port: int) -> None:
    """Refused for a host inside the network on an install that says so (SPENDWATCH_MAILBOX_PRIVATE_HOSTS=false)."""
    try:
        hosts.check_host(host, port, config.get().mailbox_private_hosts)
    except hosts.HostRefused as exc:
        raise MailboxEditError(str(exc)) from None


def apply_changes(s: Session, acct: MailAccount, changes: dict[str, Any]) -> None:
    """Set the given fields (None keeps the stored value, but clears action_folder); any change
    lifts the refused-login backoff: the user fixed something, poll at the interval again."""
    if changes.get("name"):
        name_free(s, acct.user_id, changes["name"], acct.id)
    if changes.get("host") or changes.get("port"):
        host_allowed(changes.get("host") or acct.host, changes.get("port") or acct.port)
    given = {k: v for k, v in changes.items() if v is not None or k == "action_folder"}
    if given.get("action", acct.action) == "move" and not given.get("action_folder", acct.action_folder):
        raise MailboxEditError("action_folder: required when action is move")
    for key, value in given.items():
        setattr(acct, key, value)
    if changes:
        acct.refused_polls = 0
