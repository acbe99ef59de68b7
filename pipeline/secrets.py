"""Encryption at rest for mailbox passwords and push URLs (Fernet / MultiFernet).

Keys come from SPENDWATCH_SECRET_KEY (comma separated, newest first, so keys can be
rotated); the embedded default keeps a generated key file, mode 0600, in the data dir.
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
    path = Path(settings.data_dir) / "secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(Fernet.generate_key())
    return [path.read_text().strip()]


def _fernet(settings: config.Settings | None = None) -> MultiFernet:
    settings = settings or config.get()
    try:
        return MultiFernet([Fernet(k.encode()) for k in _keys(settings)])
    except (ValueError, TypeError) as exc:
        raise config.ConfigError(
            "SPENDWATCH_SECRET_KEY: not a Fernet key (generate one with "
            "`python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`)"
        ) from exc


def encrypt(plaintext: str, settings: config.Settings | None = None) -> str:
    return _fernet(settings).encrypt(plaintext.encode()).decode()


def decrypt(token: str, settings: config.Settings | None = None) -> str:
    try:
        return _fernet(settings).decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise SecretError(
            "cannot decrypt a stored secret: SPENDWATCH_SECRET_KEY does not hold the key it was written with"
        ) from exc
