"""Shared fixtures. Real servers live in tests/servers/ (one module per server)."""

pytest_plugins = [
    "tests.servers.postgres",
    "tests.servers.redis",
    "tests.servers.dovecot",
    "tests.servers.smtp",
    "tests.servers.push",
]
