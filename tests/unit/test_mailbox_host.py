"""A host name that cannot be encoded is a permanent mailbox error, not a crash of the poll."""

from __future__ import annotations

import pytest

from pipeline.mailbox import Mailbox, MailboxError


@pytest.mark.parametrize("host", ["a" * 64 + ".example", "mail..example"])
@pytest.mark.parametrize("tls_mode", ["ssl", "starttls"])
def test_an_unencodable_host_is_a_permanent_mailbox_error(host, tls_mode):
    with pytest.raises(MailboxError) as caught:
        Mailbox.connect(host, 993, "u", "secret-password", tls_mode=tls_mode, timeout=2)
    assert caught.value.permanent
    assert "host name" in str(caught.value) and "secret-password" not in str(caught.value)
