"""A throwaway Dovecot (plain IMAP with STARTTLS, and IMAPS) for the session.

Started with scripts/dovecot-up.sh (TLS=1) in a temp dir on free loopback ports. Users
alice and bob (password ``secret``) and carol (password CANARY_PASSWORD, for the checks
that a password never leaks). Fixtures:

- ``dovecot_server`` (session): the running server, mailboxes as earlier tests left them.
- ``dovecot`` (function): the same server with every user's mailboxes emptied first.
"""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from imapclient import IMAPClient

from tests.servers._util import cannot_start, free_port, port_open, tail, wait_port

ROOT = Path(__file__).resolve().parents[2]
CANARY_PASSWORD = "canary-pw-5b1e0c77d3"
USERS = {"alice": "secret", "bob": "secret", "carol": CANARY_PASSWORD}


@dataclass
class Dovecot:
    dir: Path
    port: int  # plain IMAP, STARTTLS offered
    ssl_port: int  # IMAPS
    host: str = "127.0.0.1"
    users: dict[str, str] = field(default_factory=lambda: dict(USERS))
    start_seconds: float = 0.0  # how long the last start() took, for the report

    @property
    def cafile(self) -> Path:
        """The self-signed certificate (CN=localhost, SAN 127.0.0.1): trust it with this file."""
        return self.dir / "tls" / "cert.pem"

    @property
    def log(self) -> Path:
        return self.dir / "log" / "dovecot.log"

    def password(self, user: str) -> str:
        return self.users[user]

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        t0 = time.monotonic()
        env = dict(os.environ, TLS="1", IMAP_USERS=" ".join(f"{u}:{p}" for u, p in self.users.items()))
        self.dir.mkdir(parents=True, exist_ok=True)
        out = self.dir / "up.log"
        # Output to a file, not a pipe: the daemon inherits it and would hold a pipe open.
        with out.open("w") as fh:
            proc = subprocess.run(
                ["bash", str(ROOT / "scripts" / "dovecot-up.sh"), str(self.dir), str(self.port), str(self.ssl_port)],
                env=env, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=60,
            )
        if proc.returncode != 0 or not wait_port(self.port) or not wait_port(self.ssl_port):
            cannot_start(f"Dovecot on ports {self.port}/{self.ssl_port}", tail(out) + "\n" + tail(self.log))
        self.start_seconds = time.monotonic() - t0

    def stop(self, fast: bool = True) -> None:
        """Stop the server; ``fast`` kills it (SIGKILL, ms), else a clean SIGTERM stop (about 1 s)."""
        env = dict(os.environ, FAST="1" if fast else "0")
        subprocess.run(["bash", str(ROOT / "scripts" / "dovecot-down.sh"), str(self.dir)], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, timeout=60)
        wait_port(self.port, timeout=5, open_=False)

    def kill(self) -> None:
        """Crash the server (SIGKILL): open connections break at once. start() brings it back, mail kept."""
        self.stop(fast=True)

    # ------------------------------------------------------------------ mailbox helpers
    def client(self, user: str) -> IMAPClient:
        """A logged-in imapclient connection (STARTTLS on the plain port); the caller logs out."""
        c = IMAPClient(self.host, port=self.port, ssl=False, timeout=30)
        c.starttls(ssl.create_default_context(cafile=str(self.cafile)))
        c.login(user, self.users[user])
        return c

    def create_folder(self, user: str, folder: str) -> None:
        c = self.client(user)
        try:
            if not c.folder_exists(folder):
                c.create_folder(folder)
        finally:
            c.logout()

    def append(self, user: str, folder: str, raw: bytes, flags: tuple[bytes, ...] = ()) -> int:
        """Deliver ``raw`` into ``folder`` (created when missing); returns the new message's UID."""
        c = self.client(user)
        try:
            if not c.folder_exists(folder):
                c.create_folder(folder)
            answer = c.append(folder, raw, flags=flags)
        finally:
            c.logout()
        # Dovecot answers "[APPENDUID <uidvalidity> <uid>] Append completed."
        text = answer.decode() if isinstance(answer, bytes) else str(answer)
        return int(text.split("APPENDUID", 1)[1].split("]", 1)[0].split()[1])

    def flags(self, user: str, folder: str = "INBOX") -> dict[int, set[bytes]]:
        """UID -> flags of every message in ``folder`` (read-only select: changes nothing)."""
        c = self.client(user)
        try:
            c.select_folder(folder, readonly=True)
            uids = c.search(["ALL"])
            data = c.fetch(uids, ["FLAGS"]) if uids else {}
            return {int(uid): set(item[b"FLAGS"]) for uid, item in data.items()}
        finally:
            c.logout()

    def unseen_count(self, user: str, folder: str = "INBOX") -> int:
        return sum(1 for f in self.flags(user, folder).values() if b"\\Seen" not in f)

    def count(self, user: str, folder: str = "INBOX") -> int:
        c = self.client(user)
        try:
            return int(c.select_folder(folder, readonly=True)[b"EXISTS"])
        finally:
            c.logout()

    def clear(self, user: str) -> None:
        """Empty INBOX and delete every other folder of ``user``."""
        c = self.client(user)
        try:
            for _flags, _delim, name in c.list_folders():
                folder = name if isinstance(name, str) else name.decode()
                if folder.upper() == "INBOX":
                    c.select_folder(folder)
                    uids = c.search(["ALL"])
                    if uids:
                        c.delete_messages(uids)
                        c.expunge()
                    c.unselect_folder()
                else:
                    c.delete_folder(folder)
        finally:
            c.logout()


@pytest.fixture(scope="session")
def dovecot_server() -> Iterator[Dovecot]:
    if not Path("/usr/sbin/dovecot").exists():
        pytest.fail("dovecot not found: run scripts/install-test-deps.sh (it installs dovecot-imapd)")
    root = Path(tempfile.mkdtemp(prefix="sw-dovecot-"))
    server = Dovecot(root, free_port(), free_port())
    try:
        server.start()
        yield server
    finally:
        server.stop(fast=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def dovecot(dovecot_server: Dovecot) -> Dovecot:
    """The session's Dovecot, running (a test may have stopped it), with every mailbox emptied."""
    if not port_open(dovecot_server.port):
        dovecot_server.start()
    for user in dovecot_server.users:
        dovecot_server.clear(user)
    return dovecot_server
