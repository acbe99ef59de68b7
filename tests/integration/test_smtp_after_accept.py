"""SMTP servers that time out or fail around the moment they accept a message.

A scripted SMTP server on a loopback socket (aiosmtpd cannot stall on purpose) answers
EHLO/MAIL/RCPT/DATA normally and then, per scenario:

- ``stall_data``: keeps the message but never answers the final ".": the client cannot
  know whether it was accepted. The transport reports a transient error, so deliver()
  retries: at-least-once, the copy that follows carries the same Message-ID.
- ``stall_quit``: answers 250 to the message, then never answers QUIT.
- ``quit_error``: answers 250 to the message, then 554 to QUIT.

After a 250 to the message the server has taken responsibility for it: the send
succeeded. Before the fix, a QUIT that timed out was a transient error (the alert was
sent again: a duplicate) and a 5xx to QUIT a permanent one (the alert was marked failed
although delivered).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from pipeline import config
from pipeline.notify import AlertMessage, NotifyError
from pipeline.notify.email import SmtpTransport
from tests.support.scripted import ScriptedServer


class ScriptedSmtp(ScriptedServer):
    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode
        self.messages: list[bytes] = []

    def start(self) -> None:
        self.start_listening()

    def session(self, conn: socket.socket) -> None:
        f = conn.makefile("rb")
        try:
            conn.sendall(b"220 scripted ESMTP\r\n")
            while not self._stop.is_set():
                line = f.readline()
                if not line:
                    return
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    conn.sendall(b"250 scripted\r\n")
                elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    conn.sendall(b"250 OK\r\n")
                elif verb == b"DATA":
                    conn.sendall(b"354 go ahead\r\n")
                    data = b""
                    while not data.endswith(b"\r\n.\r\n"):
                        chunk = f.readline()
                        if not chunk:
                            return
                        data += chunk
                    self.messages.append(data)
                    if self.mode == "stall_data":
                        self._stop.wait(10)  # accepted, but the reply never comes
                        return
                    conn.sendall(b"250 2.0.0 queued as 1\r\n")
                elif verb == b"QUIT":
                    if self.mode == "stall_quit":
                        self._stop.wait(10)
                        return
                    if self.mode == "quit_error":
                        conn.sendall(b"554 5.0.0 something odd\r\n")
                        return
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"502 no\r\n")
        except OSError:
            return
        finally:
            conn.close()


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[ScriptedSmtp]:
    s = ScriptedSmtp(request.param)
    s.start()
    yield s
    s.stop()


def _transport(port: int) -> SmtpTransport:
    settings = config.Settings(smtp_host="127.0.0.1", smtp_port=port, smtp_timeout_s=1.0,
                               smtp_from="alerts@spendwatch.example")
    return SmtpTransport(settings)


MESSAGE = AlertMessage(subject="Food: 80% of budget spent", text="text", html="<p>html</p>",
                       message_id="<spendwatch-alert-7-3@spendwatch.example>", headers={})


@pytest.mark.parametrize("server", ["normal", "stall_quit", "quit_error"], indirect=True)
def test_a_message_the_server_accepted_counts_as_sent(server: ScriptedSmtp) -> None:
    _transport(server.port).send(MESSAGE, "alice@example.test")  # no NotifyError: delivered
    assert len(server.messages) == 1


@pytest.mark.parametrize("server", ["stall_data"], indirect=True)
def test_no_reply_to_the_message_is_transient_and_the_retry_keeps_the_message_id(server: ScriptedSmtp) -> None:
    t = _transport(server.port)
    with pytest.raises(NotifyError) as caught:
        t.send(MESSAGE, "alice@example.test")
    assert not caught.value.permanent  # deliver() puts the row back to pending with backoff
    # smtplib turns the read timeout into SMTPServerDisconnected ("timed out").
    assert "unreachable" in str(caught.value) and "alice" not in str(caught.value)
    with pytest.raises(NotifyError):
        t.send(MESSAGE, "alice@example.test")  # the retry: the server got the message twice
    ids = [next(ln for ln in m.split(b"\r\n") if ln.lower().startswith(b"message-id:")) for m in server.messages]
    assert len(ids) == 2 and ids[0] == ids[1] == b"Message-ID: <spendwatch-alert-7-3@spendwatch.example>"
