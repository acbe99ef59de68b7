"""All and only: every golden fixture parses to exactly its .json; every negative is not a transaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers import registry
from tests import golden

ALL = golden.fixtures()
POSITIVE = [p for p in ALL if not golden.is_negative(p)]
NEGATIVE = [p for p in ALL if golden.is_negative(p)]


def _id(p: Path) -> str:
    return f"{p.parent.name}/{p.stem}"


@pytest.mark.parametrize("eml", POSITIVE, ids=[_id(p) for p in POSITIVE])
def test_fixture_parses_exactly_to_its_json(eml: Path) -> None:
    golden_file = eml.with_suffix(".json")
    assert golden_file.exists(), f"{golden_file} missing: run `python -m tests.golden regenerate {eml}`"
    want = json.loads(golden_file.read_text(encoding="utf-8"))
    assert golden.actual(eml) == want, golden.diff(eml)


@pytest.mark.parametrize("eml", NEGATIVE, ids=[_id(p) for p in NEGATIVE])
def test_negative_fixture_is_not_a_transaction(eml: Path) -> None:
    got = golden.actual(eml)
    assert got["status"] != "transaction", got
    assert got["transaction"] is None
    assert got["reason"], "a refusal always says why"


def test_every_json_has_its_eml_and_every_bank_folder_is_a_parser() -> None:
    orphans = [j for j in golden.FIXTURES.rglob("*.json") if not j.with_suffix(".eml").exists()]
    assert not orphans, orphans
    names = {b.name for b in registry.BANKS} | {"generic", "negatives"}
    strays = [d.name for d in golden.FIXTURES.iterdir() if d.is_dir() and d.name not in names]
    assert not strays, f"fixture folders with no parser of that name: {strays}"


def test_golden_parser_field_matches_the_folder() -> None:
    for eml in POSITIVE:
        want = json.loads(eml.with_suffix(".json").read_text(encoding="utf-8"))
        assert want["parser"] == eml.parent.name, eml


def test_fixture_set_covers_bank_muscat_templates_and_negatives() -> None:
    muscat = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["reason"]
              for p in POSITIVE if p.parent.name == "bank_muscat"}
    for template in ("card block", "account notice", "mobile", "sms", "arabic"):
        assert f"bank muscat {template}" in muscat, template
    assert len(NEGATIVE) >= 8


def test_regenerate_refuses_to_overwrite_without_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "bank_muscat"
    bank.mkdir()
    src = next(p for p in POSITIVE if p.parent.name == "bank_muscat")
    eml = bank / src.name
    eml.write_bytes(src.read_bytes())
    monkeypatch.setattr(golden, "FIXTURES", tmp_path)
    monkeypatch.setattr(golden, "NEGATIVES", tmp_path / "negatives")

    written, refused = golden.regenerate([tmp_path], force=False)
    assert written == [eml.with_suffix(".json")] and refused == []
    eml.with_suffix(".json").write_text('{"edited": true}\n', encoding="utf-8")

    written, refused = golden.regenerate([tmp_path], force=False)
    assert written == [] and refused == [eml.with_suffix(".json")]
    assert json.loads(eml.with_suffix(".json").read_text(encoding="utf-8")) == {"edited": True}
    assert golden.main(["check", str(tmp_path)]) == 1

    written, refused = golden.regenerate([tmp_path], force=True)
    assert written == [eml.with_suffix(".json")]
    assert golden.main(["check", str(tmp_path)]) == 0
