"""A loopback TCP proxy in front of a real server, for network faults a server cannot make.

- ``freeze()``: the connections open now stop carrying bytes either way, and stay open
  (no FIN, no RST): a half-open connection, as after a NAT or firewall forgot it or a
  laptop changed networks. Connections made later work normally.
- ``reset()``: the connections open now are cut with an RST toward the client.
- ``inject(data)``: ``data`` is sent to the clients of the connections open now, in the
  middle of the server's stream (garbage inside a TLS stream is a TLS error).
- ``client_lines``: what clients sent, line by line (readable for plain IMAP only).
"""

from __future__ import annotations

import select
import socket
import struct
import threading
from dataclasses import dataclass, field


@dataclass
class _Pair:
    client: socket.socket
    upstream: socket.socket
    frozen: bool = False
    closed: bool = False


@dataclass
class TcpProxy:
    target_host: str
    target_port: int
    host: str = "127.0.0.1"
    port: int = 0
    client_lines: list[bytes] = field(default_factory=list)
    accepted: int = 0
    _pairs: list[_Pair] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stop: threading.Event = field(default_factory=threading.Event)
    _listener: socket.socket | None = None

    def start(self) -> TcpProxy:
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((self.host, 0))
        self._listener.listen(16)
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def close(self) -> None:
        self._stop.set()
        if self._listener is not None:
            self._listener.close()
        with self._lock:
            for p in self._pairs:
                self._close_pair(p)

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ faults
    def open_pairs(self) -> list[_Pair]:
        with self._lock:
            return [p for p in self._pairs if not p.closed]

    def freeze(self) -> int:
        pairs = self.open_pairs()
        for p in pairs:
            p.frozen = True
        return len(pairs)

    def reset(self) -> int:
        pairs = self.open_pairs()
        for p in pairs:
            p.client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self._close_pair(p)
        return len(pairs)

    def inject(self, data: bytes) -> int:
        pairs = self.open_pairs()
        for p in pairs:
            p.client.sendall(data)
        return len(pairs)

    # ------------------------------------------------------------------ plumbing
    def _accept(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection((self.target_host, self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            pair = _Pair(client, upstream)
            with self._lock:
                self._pairs.append(pair)
                self.accepted += 1
            threading.Thread(target=self._pump, args=(pair,), daemon=True).start()

    def _pump(self, p: _Pair) -> None:
        buf = b""
        while not self._stop.is_set() and not p.closed:
            if p.frozen:
                self._stop.wait(0.1)  # hold both sockets open, move nothing
                continue
            try:
                ready, _, _ = select.select([p.client, p.upstream], [], [], 0.1)
            except (OSError, ValueError):
                break
            if p.frozen:
                continue
            try:
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        raise ConnectionError("closed")
                    if sock is p.client:
                        buf += data
                        *lines, buf = buf.split(b"\n")
                        self.client_lines.extend(lines)
                        p.upstream.sendall(data)
                    else:
                        p.client.sendall(data)
            except OSError:
                break
        if not p.frozen:
            self._close_pair(p)

    @staticmethod
    def _close_pair(p: _Pair) -> None:
        p.closed = True
        for s in (p.client, p.upstream):
            try:
                s.close()
            except OSError:
                pass
