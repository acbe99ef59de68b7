"""The Celery app. Settings live in celeryconfig.py; the embedded default runs tasks in process."""

from __future__ import annotations

import gc
from typing import Any

from celery import Celery
from celery.signals import worker_init, worker_process_init

from pipeline import config, secrets

app = Celery("spendwatch", include=["tasks.jobs"])
app.config_from_object("celeryconfig")


def configure(settings: config.Settings | None = None) -> Celery:
    """Apply the environment: a broker URL means real workers, none means eager, in process."""
    settings = settings or config.get()
    url = settings.broker_url or "memory://localhost/"
    if app.conf.broker_url != url:
        # The app keeps the connection and producer pools of the broker of that moment: forget
        # them, or tasks would still go to the previous broker (tests switch brokers). Not
        # closed: kombu shares them per URL, and switching back would find them closed.
        app._pool = None
        app.amqp._producer_pool = None
    app.conf.broker_url = url
    app.conf.task_always_eager = not settings.broker_url
    if not settings.broker_url:
        app.conf.task_eager_propagates = False
    return app


configure()


def check_secret_key() -> None:
    """A worker on a broker needs the key the CLI and the API encrypt with.

    Without SPENDWATCH_SECRET_KEY and without a key file, the first decrypt would generate a
    new key: every stored password and push URL unreadable, every alert failed for good at its
    first attempt. The embedded default's key file (one machine, made by the CLI) is accepted.
    """
    settings = config.get()
    if settings.broker_url and not settings.secret_key and not secrets.key_file(settings).exists():
        raise config.ConfigError(
            f"SPENDWATCH_SECRET_KEY is not set and there is no key file {secrets.key_file(settings)}: "
            "set SPENDWATCH_SECRET_KEY for the worker, the same as for the CLI and the API"
        )
    secrets.check_keys(settings)  # a malformed key: now, not at the first alert


@worker_init.connect
def _refuse_to_start_without_the_key(**_: Any) -> None:
    try:
        check_secret_key()
    except config.ConfigError as exc:
        # SystemExit: Celery logs and swallows an Exception from a signal handler.
        raise SystemExit(f"error: {exc}") from exc


@worker_init.connect
def _import_before_fork(**_: Any) -> None:
    """Load in the parent what every task would otherwise load in each child on first use.

    Imported before the pool forks, these modules are shared by the children (and frozen
    with the rest, below) instead of imported again by each: Apprise's plugins (0.3 s of
    CPU per child at its first alert) and the rules engine (first mail).
    """
    import pipeline.categorize  # noqa: F401 - imported for its side effect: loaded once, here
    from pipeline.notify import push

    push.load_plugins()


@worker_process_init.connect
def _freeze_what_the_pool_inherits(**_: Any) -> None:
    """Leave the objects inherited from the parent out of the garbage collector's scans.

    A prefork child starts with every module the parent imported (the parsers' tables,
    SQLAlchemy, Celery): over 100,000 objects that live as long as the process. Each
    full collection walked all of them, about 70 ms of CPU every few hundred mails
    (bench/pipeline_e2e.py); frozen, a collection looks only at what the tasks made.
    Also keeps the parent's memory pages shared (a scan writes to every object it visits).
    """
    gc.freeze()
