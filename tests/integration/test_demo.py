"""`make demo`'s command from a clean directory: budget table and at least one alert."""

import os
import subprocess
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path


def subjects(paths: list[Path]) -> list[str]:
    return sorted(str(BytesParser(policy=policy.default).parsebytes(p.read_bytes())["Subject"]) for p in paths)


def test_demo_prints_budgets_and_writes_alerts(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPENDWATCH_")}
    env["COLUMNS"] = "200"
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "demo", "--dir", str(tmp_path / "demo")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = proc.stdout
    assert "Groceries" in text and "Eating out" in text
    assert "OMR" in text and "%" in text
    outbox = tmp_path / "demo" / "outbox"
    alerts = sorted(outbox.glob("*.eml"))
    assert alerts, text
    for path in alerts:
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        assert msg["Message-ID"] and msg["Subject"]
        assert path.name in text.replace("\n", "") or msg["Subject"][:20] in text
    # Alerts are listed: one row per file, and budgets show a state.
    assert f"Alerts sent ({len(alerts)})" in text
    assert any(state in text for state in ("on-track", "warning", "exceeded"))

    # Running it again starts over and gives the same result (nothing doubled).
    first_subjects = subjects(alerts)
    again = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "demo", "--dir", str(tmp_path / "demo")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert again.returncode == 0, again.stderr[-3000:]
    # (Message-IDs, and so the file names, carry a random part: compare what they say.)
    again_alerts = sorted(outbox.glob("*.eml"))
    assert len(again_alerts) == len(alerts) and subjects(again_alerts) == first_subjects
