"""Encryption at rest for mailbox passwords and push URLs (Fernet / MultiFernet).

Keys come from SPENDWATCH_SECRET_KEY (comma separated, newest first, so keys can be
rotated); the embedded default keeps a generated key file, mode 0600, in the data dir.
``Rotation`` re-encrypts a stored token with the newest key (`spendwatch secrets rotate`).
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from pipeline import config


class SecretError(RuntimeError):
    pass


def _keys(settings: config.Settings) -> list[str]:
    if settings.secret_key:
        return [k.strip() for k in settings.secret_key.split(",") if k.strip()]
    path = key_file(settings)
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
