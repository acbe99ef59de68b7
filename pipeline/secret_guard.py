"""Storing a secret only under the installation's key: every write of an ``*_enc`` column.

A process whose key differs from the worker's (the CLI on the host without
SPENDWATCH_SECRET_KEY, which made a key file of its own; an API started with a typo in the
key; a database restored under a new key) would store a password or push URL the worker can
never decrypt, found out only from failing polls. ``encrypt_new`` first checks the
configured keys against a few secrets already stored (``secrets.check_stored``) and refuses
with ``secrets.KeyMismatchError``: the CLI shows it as a one-line error (exit 2), the API as
a 500 with the cause in JSON (api/app.py). Write secrets with ``encrypt_new``, never with
``secrets.encrypt`` (tests/unit/test_secret_guard.py holds every caller to that).
"""

from __future__ import annotations

import logging

from sqlalchemy import ScalarSelect, select
from sqlalchemy.orm import Session

from pipeline import config, secrets
from pipeline.secret_rotation import secret_columns

logger = logging.getLogger(__name__)


def stored_samples(s: Session) -> list[str]:
    """The first and the last stored token (by id) of every ``*_enc`` column, in one query.

    Each is one step along a primary key index, however many rows there are. The first
    rows were written when the installation was set up, with its key; the last is the most
    recent write: together they rarely all come from one stray key written before this check.
    """
    ends: list[ScalarSelect[str]] = []
    for column in secret_columns():
        _table, pk, value = column.columns()
        for order in (pk.asc(), pk.desc()):
            ends.append(select(value).where(value.is_not(None)).order_by(order).limit(1).scalar_subquery())
    row = s.execute(select(*ends)).one()
    return list(dict.fromkeys(token for token in row if token))  # a single row is its own first and last


def check(s: Session, settings: config.Settings | None = None) -> None:
    """KeyMismatchError when secrets are stored and the configured keys read none of them."""
    secrets.check_stored(stored_samples(s), settings)


def encrypt_new(s: Session, plaintext: str, *, old_key_lost: bool = False,
                settings: config.Settings | None = None) -> str:
    """``plaintext`` encrypted for storing, once the configured keys are known to be the installation's.

    ``old_key_lost``: the person at the terminal says the key the stored secrets were written
    with is gone for good (`--old-key-lost`): the secret is stored under the configured key
    all the same, with a warning, so that they can be entered again one by one.
    """
    try:
        check(s, settings)
    except secrets.KeyMismatchError:
        if not old_key_lost:
            raise
        # Never the secret, nor a token: only that the check was overridden.
        logger.warning("stored with the configured key although it does not decrypt the secrets already "
                       "stored (--old-key-lost): enter them again, `spendwatch secrets rotate --dry-run` "
                       "lists those still under the lost key")
    return secrets.encrypt(plaintext, settings)
