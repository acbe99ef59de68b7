"""A real prefork Celery worker for the crash tests, with one test-only parser registered.

``python -m tests.faults.poison_worker`` runs ``celery worker -P prefork -c 2`` on the
settings in the environment. The extra parser claims mail from ``poison.example`` and
kills the process parsing it (SIGKILL: no exception, no cleanup), every time: the poison
e-mail of issue 5. Everything else is the production code path.
"""

from __future__ import annotations

import os
import signal

from parsers.base import Alert, ParseResult

POISON_DOMAIN = "poison.example"


class PoisonParser:
    name = "poison"
    sender_domains: tuple[str, ...] = ()  # allowed by the mailbox's sender filter, not a bank

    def claims(self, alert: Alert) -> bool:
        return alert.sender_domain == POISON_DOMAIN

    def parse(self, alert: Alert) -> ParseResult:
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable")


def main() -> None:
    from parsers import registry
    from tasks.app import app, configure

    configure()
    with registry.registered(PoisonParser()):  # type: ignore[arg-type]
        app.worker_main(["worker", "-P", "prefork", "-c", "2", "-l", "WARNING", "--without-heartbeat",
                         "--without-gossip", "--without-mingle", "-n", f"crash-{os.getpid()}@%h"])


if __name__ == "__main__":
    main()
