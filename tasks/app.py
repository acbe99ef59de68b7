"""The Celery app. Settings live in celeryconfig.py; the embedded default runs tasks in process."""

from __future__ import annotations

from celery import Celery

from pipeline import config

app = Celery("spendwatch", include=["tasks.jobs"])
app.config_from_object("celeryconfig")


def configure(settings: config.Settings | None = None) -> Celery:
    """Apply the environment: a broker URL means real workers, none means eager, in process."""
    settings = settings or config.get()
    if settings.broker_url:
        app.conf.broker_url = settings.broker_url
        app.conf.task_always_eager = False
    else:
        app.conf.broker_url = "memory://localhost/"
        app.conf.task_always_eager = True
        app.conf.task_eager_propagates = False
    return app


configure()
