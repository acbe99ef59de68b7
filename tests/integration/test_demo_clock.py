"""The demo's heading names the demo user's date, whatever the machine's time zone."""

import os
import subprocess
import sys
from pathlib import Path


def test_the_demo_date_is_the_users_not_the_machines(tmp_path: Path) -> None:
    # 20:00 in Muscat on 21 November is already 06:00 on the 22nd at UTC+14.
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPENDWATCH_")}
    env.update(COLUMNS="200", TZ="Pacific/Kiritimati")
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "demo", "--dir", str(tmp_path / "demo")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Budgets on 2026-11-21 (demo clock)" in proc.stdout, proc.stdout
