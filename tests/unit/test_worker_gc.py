"""A pool child leaves what it inherited out of the garbage collector's scans (tasks.app)."""

from __future__ import annotations

import gc

from celery.signals import worker_process_init

import tasks.app  # noqa: F401 - connects the signal handlers


def test_a_new_pool_child_freezes_the_objects_it_inherited() -> None:
    gc.unfreeze()
    inherited = ["a list the parent made"]
    try:
        worker_process_init.send(sender=None)
        assert gc.get_freeze_count() > 10_000  # the parsers, SQLAlchemy, Celery
        scanned = gc.get_objects()
        assert not any(o is inherited for o in scanned)
        made_by_a_task = ["a list a task made"]
        assert any(o is made_by_a_task for o in gc.get_objects())  # still collected as usual
    finally:
        gc.unfreeze()
