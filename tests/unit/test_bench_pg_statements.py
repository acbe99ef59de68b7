"""bench.pg_statements.summarize: the per-statement report of the benchmarks' PostgreSQL time."""

from __future__ import annotations

from bench.pg_statements import summarize


def test_statements_differing_only_in_list_length_are_added_together():
    rows = [
        ("UPDATE raw_emails SET attempts=$1 WHERE id IN ($2, $3, $4)", 2, 6, 10.0, 1.0),
        ("UPDATE raw_emails SET attempts=$1\n  WHERE id IN ($2, $3)", 1, 2, 5.0, 0.5),
        ("UPDATE raw_emails SET attempts=$1 WHERE id IN ($2)", 1, 1, 1.0, 0.0),
        ("SELECT $1", 4, 4, 1.0, 0.0),
    ]
    report = summarize(rows, n_messages=10, k=5)
    assert [r["statement"] for r in report] == [
        "UPDATE raw_emails SET attempts=$1 WHERE id IN ($n, ...)",
        "SELECT $1",
    ]
    first = report[0]
    assert (first["calls"], first["rows"]) == (4, 9)
    assert first["exec_ms_per_message"] == 1.6
    assert first["plan_ms_per_message"] == 0.15


def test_ranked_by_execution_and_planning_time_and_cut_to_k():
    rows = [("A", 1, 1, 1.0, 0.0), ("B", 1, 1, 0.5, 2.0), ("C", 1, 1, 2.0, 0.0)]
    assert [r["statement"] for r in summarize(rows, 1, 2)] == ["B", "C"]


def test_long_statements_are_shortened_and_no_messages_does_not_divide_by_zero():
    report = summarize([("SELECT " + "x, " * 100 + "y", 1, 1, 3.0, None)], n_messages=0, k=1)
    assert len(report[0]["statement"]) == 120 and report[0]["statement"].endswith("...")
    assert report[0]["exec_ms_per_message"] == 3.0
    assert report[0]["plan_ms_per_message"] == 0.0
