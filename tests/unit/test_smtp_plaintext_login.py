"""SPENDWATCH_SMTP_TLS=none with a username: smtplib would log in over the plain connection
and the SMTP password would cross the network readable. Refused, for good and before any
connection, unless the server is on this machine (a local relay)."""

from __future__ import annotations

import pytest

from pipeline import config
from pipeline.notify import AlertMessage, NotifyError
from pipeline.notify.email import SmtpTransport, _loopback

MESSAGE = AlertMessage(subject="Groceries: 82% of budget spent", text="t", html="<p>t</p>",
                       message_id="<spendwatch-alert-1-1.abc@spendwatch.example>")


def test_a_password_is_never_sent_in_clear_over_the_network():
    t = SmtpTransport(config.Settings(smtp_host="smtp.example.test", smtp_port=25, smtp_tls="none",
                                      smtp_username="mailer", smtp_password="Sm7p-pa55"))
    with pytest.raises(NotifyError) as err:
        t.send(MESSAGE, "me@example.test")  # the name does not resolve: the refusal comes first
    assert err.value.permanent and "unencrypted" in str(err.value) and "starttls" in str(err.value)
    assert "Sm7p-pa55" not in str(err.value)


@pytest.mark.parametrize(("host", "local"), [("localhost", True), ("LOCALHOST.", True), ("127.0.0.1", True),
                                             ("127.5.0.1", True), ("::1", True), ("[::1]", True),
                                             ("10.0.0.2", False), ("smtp.example.test", False)])
def test_a_relay_on_this_machine_may_stay_plain(host, local):
    assert _loopback(host) is local
