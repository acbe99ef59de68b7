"""Golden fixtures: every ``tests/fixtures/emails/<bank>/<case>.eml`` has ``<case>.json``
beside it, the exact ``parse_message`` output (beangulp's approach: the expected output is a
file reviewed in the diff, not a literal in a test).

    python -m tests.golden check                 # differences, exit 1 if any
    python -m tests.golden regenerate [--force] [PATH...]

``regenerate`` writes the .json of fixtures that have none; it refuses to overwrite an
existing .json that differs unless ``--force`` is given, so a parser change cannot
silently rewrite what the tests expect. Fixtures under ``negatives/`` get no .json: the
test requires only that they are not transactions.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from parsers import parse_message

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "emails"
NEGATIVES = FIXTURES / "negatives"
# The authserv-id every fixture's Authentication-Results header is written by.
TRUSTED = ["mx.spendwatch.test"]


def fixtures(paths: Iterable[Path] = ()) -> list[Path]:
    """The .eml fixtures under the given files or folders (all of them by default)."""
    chosen = list(paths) or [FIXTURES]
    found: set[Path] = set()
    for p in chosen:
        p = p.resolve()
        found.update(p.rglob("*.eml") if p.is_dir() else [p])
    return sorted(found)


def is_negative(eml: Path) -> bool:
    return NEGATIVES in eml.resolve().parents


def actual(eml: Path) -> dict[str, Any]:
    return parse_message(eml.read_bytes(), trusted_authserv_ids=TRUSTED).to_json()


def render(result: dict[str, Any]) -> str:
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


def diff(eml: Path) -> str:
    """A unified diff of recorded vs actual output; empty when they agree."""
    golden = eml.with_suffix(".json")
    want = golden.read_text(encoding="utf-8") if golden.exists() else ""
    got = render(actual(eml))
    if want == got:
        return ""
    return "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                        str(golden), f"{eml.name} (now)"))


def regenerate(paths: Iterable[Path], force: bool) -> tuple[list[Path], list[Path]]:
    """(written, refused). Never overwrites a differing .json without force."""
    written, refused = [], []
    for eml in fixtures(paths):
        if is_negative(eml):
            continue
        golden = eml.with_suffix(".json")
        text = render(actual(eml))
        if golden.exists() and golden.read_text(encoding="utf-8") == text:
            continue
        if golden.exists() and not force:
            refused.append(golden)
            continue
        golden.write_text(text, encoding="utf-8")
        written.append(golden)
    return written, refused


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check", help="show fixtures whose output differs from their .json")
    regen = sub.add_parser("regenerate", help="write .json files from the current parsers")
    regen.add_argument("--force", action="store_true", help="overwrite .json files that differ")
    for p in sub.choices.values():
        p.add_argument("paths", nargs="*", type=Path, help="fixture files or folders (default: all)")
    args = ap.parse_args(argv)
    if args.cmd == "check":
        changed = [d for eml in fixtures(args.paths) if not is_negative(eml) and (d := diff(eml))]
        sys.stdout.write("".join(changed))
        print(f"{len(changed)} fixture(s) differ", file=sys.stderr)
        return 1 if changed else 0
    written, refused = regenerate(args.paths, args.force)
    for g in written:
        print(f"wrote {g.relative_to(FIXTURES)}")
    for g in refused:
        print(f"refused {g.relative_to(FIXTURES)}: it differs from the parser's output "
              "(review with `python -m tests.golden check`, then pass --force)", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    raise SystemExit(main())
