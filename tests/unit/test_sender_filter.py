"""Which senders' mail is fetched in full: bank domains, listed senders, own forwards."""

from types import SimpleNamespace

import pytest

from pipeline.fetch import sender_allowed
from pipeline.watch import Backoff

BANKS = {"bankmuscat.com", "icicibank.com"}


def account(filters=(), forwarded=False):
    return SimpleNamespace(sender_filter=list(filters), accept_forwarded=forwarded)


@pytest.mark.parametrize(
    ("sender", "filters", "allowed"),
    [
        ("NOREPLY@bankmuscat.com".lower(), (), True),
        ("alerts@mail.bankmuscat.com", (), True),  # subdomain of a bank domain
        ("alerts@bankmuscat.com.evil.example", (), False),  # lookalike suffix
        ("alerts@notbankmuscat.com", (), False),  # lookalike prefix
        ("friend@example.org", (), False),
        ("alerts@newbank.example", ("newbank.example",), True),
        ("alerts@sub.newbank.example", ("@newbank.example",), True),
        ("alerts@newbank.example", ("other@newbank.example",), False),
        ("other@newbank.example", ("other@newbank.example",), True),
        ("anyone@anywhere.example", ("*",), True),
        ("", ("*",), False),
        ("no-at-sign", ("*",), False),
    ],
)
def test_sender_allowed(sender, filters, allowed):
    assert sender_allowed(sender, account(filters), BANKS) is allowed


def test_own_forwards_only_when_enabled():
    own = ("me@example.com",)
    assert not sender_allowed("me@example.com", account(), BANKS, own)
    assert sender_allowed("me@example.com", account(forwarded=True), BANKS, own)


def test_backoff_doubles_to_a_cap_and_resets():
    b = Backoff(base=1, cap=10)
    assert [b.next_delay() for _ in range(6)] == [1, 2, 4, 8, 10, 10]
    b.reset()
    assert b.next_delay() == 1
