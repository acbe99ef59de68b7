"""Encryption at rest for mailbox passwords and push URLs (Fernet / MultiFernet).

Keys come from SPENDWATCH_SECRET_KEY (comma separated, newest first, so keys can be
rotated); without it, an SQLite database keeps a generated key file, mode 0600, in the data
dir, and a server database (PostgreSQL, shared by processes that do not share a data dir)
uses such a file only when one is there already: it never makes one.
``Rotation`` re-encrypts a stored token with the newest key (`spendwatch secrets rotate`).
``check_stored`` refuses a key that reads none of the secrets already stored, so that no
process stores a secret the others cannot read (pipeline.secret_guard runs it before every write).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from pipeline import config


class SecretError(RuntimeError):
    pass


class KeyMismatchError(config.ConfigError):
    """The configured keys read none of the secrets already stored: this process's key is not
    the one the rest of the installation uses, so nothing may be stored with it."""


def server_database(settings: config.Settings) -> bool:
    """A database other processes reach from elsewhere (PostgreSQL): not the SQLite file."""
    return bool(settings.database_url) and not settings.database_url.startswith("sqlite")


def _keys(settings: config.Settings) -> list[str]:
    if settings.secret_key:
        return [k.strip() for k in settings.secret_key.split(",") if k.strip()]
    path = key_file(settings)
    if server_database(settings) and not path.exists():
        # The worker, the API and the CLI on a server database each have their own data dir
        # (containers, hosts): a key file made here would be a key no other process has.
        raise config.ConfigError(
            "SPENDWATCH_SECRET_KEY is not set: on a server database (SPENDWATCH_DATABASE_URL) every "
            "process (worker, beat, watch, api and this command) must use the same key, and a key file "
            f"made here ({path}) would be one only this process has: set SPENDWATCH_SECRET_KEY to the key "
            "the worker uses (a new installation: generate one with "
            "`python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`)"
        )
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(Fernet.generate_key())
        return [path.read_text().strip()]
    except OSError as exc:
        raise config.ConfigError(
            f"no SPENDWATCH_SECRET_KEY, and the key file {path} cannot be created or read ({exc.strerror}): "
            "set SPENDWATCH_SECRET_KEY (required on a server: every process must use the same key)"
        ) from exc


def key_file(settings: config.Settings) -> Path:
    """Where the embedded default keeps its generated key (when SPENDWATCH_SECRET_KEY is empty)."""
    return Path(settings.data_dir) / "secret.key"


def _fernet(settings: config.Settings | None = None) -> MultiFernet:
    return MultiFernet(_fernets(settings))


def check_keys(settings: config.Settings | None = None) -> None:
    """ConfigError unless SPENDWATCH_SECRET_KEY holds only Fernet keys: at a process's start,
    not at its first secret (an alert failing hours later for a typo in the key)."""
    settings = settings or config.get()
    if settings.secret_key:
        _fernets(settings)


def _fernets(settings: config.Settings | None = None) -> list[Fernet]:
    """One Fernet per configured key, newest first."""
    settings = settings or config.get()
    try:
        fernets = [Fernet(k.encode()) for k in _keys(settings)]
        if not fernets:  # only commas and blanks: no key at all
            raise ValueError("no key")
        return fernets
    except (ValueError, TypeError) as exc:
        raise config.ConfigError(
            "SPENDWATCH_SECRET_KEY: not a Fernet key (generate one with "
            "`python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`)"
        ) from exc


def encrypt(plaintext: str, settings: config.Settings | None = None) -> str:
    return _fernet(settings).encrypt(plaintext.encode()).decode()


def decrypt(token: str, settings: config.Settings | None = None) -> str:
    settings = settings or config.get()
    try:
        return _fernet(settings).decrypt(token.encode()).decode()
    except InvalidToken as exc:
        where = ("SPENDWATCH_SECRET_KEY does not hold" if settings.secret_key else
                 f"SPENDWATCH_SECRET_KEY is not set and the key file {key_file(settings)} is not")
        raise SecretError(
            f"cannot decrypt a stored secret: {where} the key it was written with "
            "(set the old key, or enter the password or push URL again)"
        ) from exc


def check_stored(tokens: Sequence[str], settings: config.Settings | None = None) -> None:
    """Refuse (KeyMismatchError) when secrets are stored and the configured keys read none of them.

    ``tokens``: a few stored secrets (pipeline.secret_guard.stored_samples). One that decrypts
    is enough: a rotation (SPENDWATCH_SECRET_KEY=NEW,OLD) reads every one of them, and a
    single secret left from a key since lost must not stop every write. Without
    SPENDWATCH_SECRET_KEY and without a key file, secrets already stored are refused before a
    key file is made: a new key would only hide the lost one. Never shows a token or a key.
    """
    if not tokens:
        return  # nothing stored yet: whatever key this is becomes the installation's
    settings = settings or config.get()
    if not settings.secret_key and not key_file(settings).exists():
        where = f"SPENDWATCH_SECRET_KEY is not set and there is no key file {key_file(settings)}, yet secrets are stored"
    else:
        every = _fernet(settings)
        for token in tokens:
            try:
                every.decrypt(token.encode())
                return
            except InvalidToken:
                continue
        where = ("SPENDWATCH_SECRET_KEY does not decrypt the secrets already stored" if settings.secret_key else
                 f"SPENDWATCH_SECRET_KEY is not set and the key file {key_file(settings)} does not decrypt "
                 "the secrets already stored")
    raise KeyMismatchError(
        f"refusing to store this secret: {where}, so this process does not have the key the rest of this "
        "installation uses and the worker could never read what it would store. Set SPENDWATCH_SECRET_KEY "
        "to the key the worker uses (during a rotation: NEW,OLD) for this process too, or, on one machine "
        "without it, put back the key file from its backup. If that key is lost for good, nothing can read "
        "the stored secrets any more: `spendwatch secrets rotate --dry-run` lists them; enter them again "
        "with --old-key-lost (`spendwatch mailbox set-password ID --old-key-lost`; a notify target: add it "
        "again with --old-key-lost, then `spendwatch notify remove ID`)"
    )


class Rotation:
    """Re-encrypts stored tokens with the newest key (the first of SPENDWATCH_SECRET_KEY).

    The plaintext never leaves ``MultiFernet.rotate`` (which also keeps the token's
    timestamp), and a token already under the newest key is left as it is, so that running a
    rotation again changes nothing.
    """

    def __init__(self, settings: config.Settings | None = None) -> None:
        fernets = _fernets(settings)
        self.key_count = len(fernets)
        self._newest = fernets[0]
        self._every = MultiFernet(fernets)

    def rotated(self, token: str) -> str | None:
        """The token written again with the newest key; None when it already is.

        SecretError when no configured key decrypts it.
        """
        try:
            self._newest.decrypt(token.encode())
            return None
        except InvalidToken:
            pass
        try:
            return self._every.rotate(token.encode()).decode()
        except InvalidToken as exc:
            raise SecretError("cannot be decrypted with any key of SPENDWATCH_SECRET_KEY") from exc
