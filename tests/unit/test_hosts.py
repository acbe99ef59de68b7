"""Mailbox hosts on a shared install: nothing inside the network (pipeline.hosts), pure over a resolver."""

from __future__ import annotations

import socket

import pytest

from pipeline.hosts import HostRefused, check_host, is_internal


@pytest.mark.parametrize("ip", ["127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "192.168.1.10", "169.254.169.254",
                                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1%eth0", "fd00::5",
                                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::"])
def test_internal_addresses(ip):
    assert is_internal(ip)


@pytest.mark.parametrize("ip", ["142.250.1.108", "40.99.10.2", "2607:f8b0:4005:80c::200a", "::ffff:8.8.8.8"])
def test_public_addresses(ip):
    assert not is_internal(ip)


def answers(*ips):
    def resolve(host, port, type=0):
        assert type == socket.SOCK_STREAM
        return [(socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))
                for ip in ips]
    return resolve


def test_a_public_host_passes_and_any_internal_answer_is_refused():
    check_host("imap.gmail.com", 993, False, answers("142.250.1.108", "2607:f8b0:4005:80c::200a"))
    with pytest.raises(HostRefused) as exc:
        check_host("mixed.example", 993, False, answers("142.250.1.108", "10.0.0.7"))
    assert "10.0.0.7" not in str(exc.value) and "SPENDWATCH_MAILBOX_PRIVATE_HOSTS" in str(exc.value)


def test_allowed_by_default_setting_means_no_lookup_at_all():
    def never(*_a, **_k):
        raise AssertionError("resolved although private hosts are allowed")
    check_host("127.0.0.1", 143, True, never)


def test_a_name_that_does_not_resolve_is_left_to_the_connection():
    def fails(*_a, **_k):
        raise socket.gaierror(-2, "Name or service not known")
    check_host("nowhere.invalid", 993, False, fails)
