"""Helpers shared by the server fixtures: free ports, waiting for a port, log tails, failing loudly."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest


def free_port() -> int:
    """A port free on 127.0.0.1 right now (the OS picks it, so parallel runs do not clash)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_port(port: int, timeout: float = 20.0, open_: bool = True) -> bool:
    """Poll until the port accepts (or, with ``open_=False``, refuses) connections."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_open(port) == open_:
            return True
        time.sleep(0.02)
    return False


def pid_alive(pid: int) -> bool:
    """True while the process exists and is not a zombie (a zombie holds no ports)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def wait_gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.01)
    return False


def tail(path: Path, n: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return f"(no log at {path})"


def cannot_start(what: str, log: Path | str) -> None:
    """A server that cannot start fails the run; it is never a skip."""
    text = tail(log) if isinstance(log, Path) else log
    pytest.fail(f"{what} could not start:\n{text}", pytrace=False)


def is_root() -> bool:
    return os.geteuid() == 0
