"""bench.cpu: the CPU split of the pipeline stage, steal apart from the rest of the machine."""

from __future__ import annotations

from bench import cpu

# /proc/stat's first line: user nice system idle iowait irq softirq steal guest guest_nice
PROC_STAT = "cpu  1000 0 200 5000 40 0 10 300 0 0\ncpu0 500 0 100 2500 20 0 5 150 0 0\n"


def test_busy_counts_steal_and_leaves_idle_and_iowait_out() -> None:
    busy, steal = cpu.busy_and_steal(PROC_STAT)
    assert busy == (1000 + 200 + 10 + 300) / cpu.TICK
    assert steal == 300 / cpu.TICK


def test_split_reports_steal_on_its_own_line_not_in_the_rest() -> None:
    # 10 s of the machine busy: 6 the worker, 2 PostgreSQL, 1.5 stolen, 0.5 the rest; 1,000 mails.
    split, total, steal = cpu.split_ms((100.0, 10.0, 5.0, 1.0), (110.0, 16.0, 7.0, 2.5), 1000, "own", "rest")
    assert split == {"own": 6.0, "postgresql": 2.0, "rest": 0.5, cpu.STEAL: 1.5, "total": 10.0}
    assert (total, steal) == (10.0, 1.5)
    assert cpu.best_ratio(2, 0.003, 1000, total - steal) > cpu.best_ratio(2, 0.003, 1000, total)  # type: ignore[operator]


def test_processes_counted_over_the_machine_leave_no_negative_rest_or_steal() -> None:
    # The process clocks tick coarser than /proc/stat's sum: own + PostgreSQL may exceed it.
    split, total, steal = cpu.split_ms((0.0, 0.0, 0.0, 0.0), (5.0, 4.5, 1.0, 0.4), 1000, "own", "rest")
    assert total == 5.5 and steal == 0.0
    assert split["rest"] == 0.0 and split[cpu.STEAL] == 0.0
