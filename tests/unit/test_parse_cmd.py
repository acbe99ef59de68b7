"""`spendwatch parse`: the JSON contract parser_score.py reads, the table, the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests import golden

runner = CliRunner()
MUSCAT = golden.FIXTURES / "bank_muscat"
KEYS = {"amount", "currency", "direction", "kind", "merchant", "counterparty", "account", "balance",
        "occurred_at", "reference"}


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_json_is_one_object_per_input_in_order_with_paths_as_given() -> None:
    files = sorted(MUSCAT.glob("*.eml"))[:3]
    negative = next(golden.NEGATIVES.glob("*.eml"))
    given = [str(f) for f in files] + [str(negative)]
    result = runner.invoke(app, ["parse", "--json", "--trusted-authserv-id", "mx.spendwatch.test", *given])
    assert result.exit_code == 0, result.output
    rows = _lines(result.stdout)
    assert [r["path"] for r in rows] == given
    for r in rows[:3]:
        assert r["status"] == "transaction" and r["parser"] == "bank_muscat"
        assert set(r["transaction"]) == KEYS
        assert isinstance(r["transaction"]["amount"], str)
        assert r["authentication"]["dkim"] == "pass" and r["authentication"]["suspicious"] is False
        want = json.loads(Path(r["path"]).with_suffix(".json").read_text(encoding="utf-8"))
        assert r["transaction"] == want["transaction"]
    assert rows[3]["status"] != "transaction" and rows[3]["transaction"] is None and rows[3]["reason"]


def test_a_folder_is_walked_and_generic_can_be_forced() -> None:
    result = runner.invoke(app, ["parse", "--json", "--parser", "generic", str(MUSCAT)])
    assert result.exit_code == 0, result.output
    rows = _lines(result.stdout)
    assert len(rows) == len(list(MUSCAT.glob("*.eml")))
    assert {r["parser"] for r in rows} == {"generic"}


def test_without_trusted_ids_a_bank_sender_is_reported_unverified() -> None:
    f = str(next(MUSCAT.glob("*.eml")))
    rows = _lines(runner.invoke(app, ["parse", "--json", f]).stdout)
    assert rows[0]["authentication"]["suspicious"] is True
    table = runner.invoke(app, ["parse", f])
    assert table.exit_code == 0
    assert "sender not verified" in table.stdout and "1 input(s): 1 transaction" in table.stdout


def test_unreadable_input_is_reported_and_exits_1_after_the_rest(tmp_path: Path) -> None:
    good = str(next(MUSCAT.glob("*.eml")))
    missing = str(tmp_path / "nope.eml")
    result = runner.invoke(app, ["parse", "--json", missing, good])
    assert result.exit_code == 1
    rows = _lines(result.stdout)
    assert [r["status"] for r in rows] == ["error", "transaction"]
    assert rows[0]["reason"] == "no such file"
    assert f"error: {missing}: no such file" in result.stderr


def test_unknown_parser_name_exits_2_naming_the_known_ones() -> None:
    result = runner.invoke(app, ["parse", "--parser", "nosuchbank", str(MUSCAT)])
    assert result.exit_code == 2
    assert "no parser named 'nosuchbank'" in result.output and "bank_muscat" in result.output
