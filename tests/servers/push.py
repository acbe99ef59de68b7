"""A local HTTP receiver for push notifications (Apprise json:// posts here).

``fail_with`` answers every POST with that status (an outage); ``fail_times`` limits
the outage to the next n POSTs ("500 for a while"). Failed POSTs are counted in
``failed``, not collected.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.servers._util import free_port


@dataclass
class PushReceiver:
    port: int
    received: list[dict[str, Any]] = field(default_factory=list)
    fail_with: int | None = None  # answer this status instead of 200 (an outage)
    fail_times: int | None = None  # None: fail while fail_with is set; n: only the next n POSTs
    failed: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    def url_for(self, path: str) -> str:
        return f"json://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def _should_fail(self) -> int | None:
        with self.lock:
            if not self.fail_with:
                return None
            if self.fail_times is not None:
                if self.fail_times <= 0:
                    return None
                self.fail_times -= 1
            self.failed += 1
            return self.fail_with

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status = receiver._should_fail()
                if status:
                    self.send_response(status)
                    self.end_headers()
                    return
                try:
                    payload = json.loads(body or b"{}")
                except ValueError:
                    payload = {"raw": body.decode("utf-8", "replace")}
                with receiver.lock:
                    receiver.received.append({"path": self.path, **payload})
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def clear(self) -> None:
        with self.lock:
            self.received.clear()
            self.failed = 0
        self.fail_with = None
        self.fail_times = None


@pytest.fixture(scope="session")
def push_server() -> Iterator[PushReceiver]:
    r = PushReceiver(free_port())
    r.start()
    yield r
    r.stop()


@pytest.fixture
def push_receiver(push_server: PushReceiver) -> Iterator[PushReceiver]:
    push_server.clear()
    if push_server._server is None:
        push_server.start()
    yield push_server
    if push_server._server is None:
        push_server.start()
    push_server.clear()
