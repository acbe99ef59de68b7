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


def test_the_worker_loads_plugins_and_the_rules_engine_before_it_forks() -> None:
    """Loaded in the parent (worker_init), so no child pays for them at its first mail or alert."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys, tasks.app\n"
        "from celery.signals import worker_init\n"
        "names = lambda: {m for m in sys.modules if m.startswith('apprise.plugins.') or m == 'pipeline.categorize'}\n"
        "before = names()\n"
        "worker_init.send(sender=None)\n"
        "after = names()\n"
        "print(len(before), len(after), 'pipeline.categorize' in after, 'apprise.plugins.ntfy' in after)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPENDWATCH_")}  # no broker: the key check passes
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120, check=True)
    before, after, categorize, ntfy = out.stdout.split()
    assert int(before) == 0  # importing the app alone loads neither: the CLI and the API stay light
    assert int(after) > 100 and categorize == "True" and ntfy == "True"
