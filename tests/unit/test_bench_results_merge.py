"""bench.run.merge_stage: what a stage's successful run leaves in bench/results.json."""

from __future__ import annotations

from bench import run


def test_a_stage_replaces_its_own_keys_and_keeps_everyone_elses() -> None:
    before = {
        "budget_read_speedup_1m": 123.5,
        "budget_read_speedup_1m_http": 28.4,  # an older version of the stage wrote it
        "budget_read_speedup_1m_error": "StartError: ...",
        "fuzz_cases": 100000,  # make fuzz's
        "pipeline_vs_parse": 0.546,
        "stage_runs": {"pipeline": {"ok": True}},
    }
    after = run.merge_stage(before, "budget_read", {"budget_read_speedup_1m": 114.1, "budget_read_detail": {}})
    assert after == {
        "budget_read_speedup_1m": 114.1,
        "budget_read_detail": {},
        "fuzz_cases": 100000,
        "pipeline_vs_parse": 0.546,
        "stage_runs": {"pipeline": {"ok": True}},
    }


def test_every_figure_of_a_stage_carries_its_prefix() -> None:
    # A key outside the prefix would never be replaced; and no two stages share a prefix.
    for stage, keys in run.KEYS.items():
        assert all(k.startswith(run.PREFIXES[stage]) for k in keys), stage
    prefixes = list(run.PREFIXES.values())
    assert not any(a != b and a.startswith(b) for a in prefixes for b in prefixes)
    assert not any("fuzz_".startswith(p) for p in prefixes)
