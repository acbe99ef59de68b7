"""IMAP mailboxes. The password is write-only: encrypted (pipeline.secret_guard), never returned."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from api.deps import NotFound, PathId, SessionDep, UserDep
from api.schemas import MailboxIn, MailboxPatch
from models import MailAccount
from pipeline import config, mailbox_edit, secret_guard, secrets

router = APIRouter(prefix="/api/mailboxes", tags=["mailboxes"])

PUBLIC = ("id", "name", "host", "port", "tls_mode", "tls_verify", "username", "folders", "sender_filter",
          "trusted_authserv_ids", "accept_forwarded", "action", "action_folder", "poll_interval_s", "enabled",
          "last_error", "refused_polls")


def _json(a: MailAccount) -> dict[str, Any]:
    out = {k: getattr(a, k) for k in PUBLIC}
    out["last_poll_at"] = a.last_poll_at.isoformat() if a.last_poll_at else None
    out["has_password"] = bool(a.password_enc)
    return out


def _owned(s: SessionDep, user_id: int, mailbox_id: int) -> MailAccount:
    a = s.get(MailAccount, mailbox_id)
    if a is None or a.user_id != user_id:
        raise NotFound("mailbox", mailbox_id)
    return a


def _checked(edit: Callable[[], None]) -> None:
    """pipeline.mailbox_edit's refusals as HTTP answers: 409 for a name in use, else 422."""
    try:
        edit()
    except mailbox_edit.MailboxEditError as exc:
        raise HTTPException(status_code=409 if exc.conflict else 422, detail=str(exc)) from None


@router.get("")
def list_mailboxes(s: SessionDep, user: UserDep) -> list[dict[str, Any]]:
    rows = s.scalars(select(MailAccount).where(MailAccount.user_id == user.id).order_by(MailAccount.id))
    return [_json(a) for a in rows]


@router.post("", status_code=201)
def create_mailbox(body: MailboxIn, s: SessionDep, user: UserDep) -> dict[str, Any]:
    _checked(lambda: mailbox_edit.name_free(s, user.id, body.name))
    _checked(lambda: mailbox_edit.host_allowed(body.host, body.port))
    data = body.model_dump(exclude={"password"})
    if data["poll_interval_s"] is None:
        data["poll_interval_s"] = config.get().poll_interval_s
    # Refused (a 500, api/app.py) when this process's key reads none of the stored secrets.
    a = MailAccount(user_id=user.id, password_enc=secret_guard.encrypt_new(s, body.password.get_secret_value()),
                    **data)
    s.add(a)
    s.flush()
    return _json(a)


@router.get("/{mailbox_id}")
def get_mailbox(mailbox_id: PathId, s: SessionDep, user: UserDep) -> dict[str, Any]:
    return _json(_owned(s, user.id, mailbox_id))


@router.patch("/{mailbox_id}")
def patch_mailbox(mailbox_id: PathId, body: MailboxPatch, s: SessionDep, user: UserDep) -> dict[str, Any]:
    a = _owned(s, user.id, mailbox_id)
    changes = body.model_dump(exclude_unset=True)
    changes.pop("password", None)
    _checked(lambda: mailbox_edit.apply_changes(s, a, changes))
    if body.password is not None:
        a.password_enc = secret_guard.encrypt_new(s, body.password.get_secret_value())
        a.refused_polls = 0  # a new password: polled again at its interval, not the backoff
    s.flush()
    return _json(a)


@router.delete("/{mailbox_id}")
def delete_mailbox(mailbox_id: PathId, s: SessionDep, user: UserDep) -> dict[str, Any]:
    s.delete(_owned(s, user.id, mailbox_id))
    return {"status": "success"}


@router.post("/{mailbox_id}/test")
def test_mailbox(mailbox_id: PathId, s: SessionDep, user: UserDep) -> dict[str, Any]:
    """Log in and open each folder; answers ok or the server's error (never the password)."""
    from pipeline import fetch
    from pipeline.mailbox import MailboxError

    a = _owned(s, user.id, mailbox_id)
    folders: dict[str, Any] = {}
    try:
        with fetch.connect(a, config.get()) as box:
            for folder in a.folders or ["INBOX"]:
                try:
                    state = box.select(folder)
                    folders[folder] = {"ok": True, "messages": getattr(state, "exists", None)}
                except MailboxError as exc:
                    folders[folder] = {"ok": False, "error": str(exc)}
    except (MailboxError, secrets.SecretError) as exc:
        return {"ok": False, "error": str(exc), "folders": folders}
    return {"ok": all(f["ok"] for f in folders.values()), "folders": folders}
