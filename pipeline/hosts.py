"""Which mailbox hosts this install connects to: on one shared by several users, none inside its network.

A mailbox's host and port are any API user's choice, and the worker connects there (the
test route, every poll, IDLE). On one person's install that is what they want, a local
Dovecot or a bridge on 127.0.0.1 included. On an install several people use, it lets any
of them reach the internal network from the worker: "refused", "timed out" and "not IMAP"
tell closed ports from open ones. With SPENDWATCH_MAILBOX_PRIVATE_HOSTS=false a host that
resolves to any loopback, private, link-local, shared or reserved address is refused when
the mailbox is added or changed, and again before every connection (DNS may answer
differently later). The name is resolved again by the connection itself a moment after the
check: a DNS server that answers a public address first and a private one next (rebinding)
is not stopped by this; a firewall on the worker's host is the complete answer.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any

Resolver = Callable[..., list[tuple[Any, ...]]]  # socket.getaddrinfo's signature and answer


class HostRefused(ValueError):
    """The host is on a private or local network and this install does not connect there."""


def is_internal(ip: str) -> bool:
    """Loopback, private, link-local, shared (CGNAT), reserved, unspecified or multicast: not the public internet."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])  # an IPv6 scope (fe80::1%eth0) is not part of the address
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return not addr.is_global or addr.is_multicast


def check_host(host: str, port: int, allow_private: bool, resolve: Resolver = socket.getaddrinfo) -> None:
    """HostRefused when ``allow_private`` is off and ``host`` resolves to any internal address.

    A name that does not resolve passes: the connection fails on its own, with its own error.
    The message never names the address: it would tell a user what the internal DNS holds.
    """
    if allow_private:
        return
    try:
        answers = resolve(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):  # socket.gaierror is an OSError; a label over 63 characters a UnicodeError
        return
    if any(is_internal(str(info[4][0])) for info in answers):
        raise HostRefused(
            f"host {host!r} is on a private or local network (loopback, LAN, link-local): this install "
            "does not connect mailboxes there (SPENDWATCH_MAILBOX_PRIVATE_HOSTS=false); use the mail "
            "provider's public IMAP server"
        )
