"""A loopback TCP server that runs a scripted conversation per connection (a silent SMTP
server, one that hangs up after DATA...): the cases a real server cannot be told to do."""

from __future__ import annotations

import socket
import threading


class ScriptedServer:
    """Accepts on 127.0.0.1 (a free port) and runs ``session`` per connection in a thread."""

    def __init__(self) -> None:
        self.port = 0
        self._sock: socket.socket | None = None
        self._stop = threading.Event()

    def start_listening(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(5)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
        if self._sock is not None:
            self._sock.close()

    def session(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def _serve(self) -> None:
        assert self._sock is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            threading.Thread(target=self.session, args=(conn,), daemon=True).start()
