"""The Celery app. Settings live in celeryconfig.py; the embedded default runs tasks in process."""

from __future__ import annotations

from celery import Celery

from pipeline import config

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
