"""What an installed spendwatch needs is installed: nothing may depend on the source folder being the cwd."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_celery_settings_and_the_app_import_from_anywhere(tmp_path):
    """celeryconfig.py sits at the top level; outside the checkout a worker could not import it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", "import celeryconfig, tasks.app, pipeline.cli; print(celeryconfig.__name__)"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "celeryconfig"
