"""The fault tests' figures (deliveries, duplicates, time), printed at the end of the run."""

from __future__ import annotations

from typing import Any

from tests.faults.harness import REPORTS


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not REPORTS:
        return
    terminalreporter.section("fault injection")
    for r in REPORTS:
        terminalreporter.write_line("  " + ", ".join(f"{k}={v}" for k, v in r.items()))
