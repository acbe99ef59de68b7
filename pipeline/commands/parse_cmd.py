"""`spendwatch parse`: run the parsers on .eml files and show what they read (no database)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

out = Console()


def _inputs(paths: list[Path]) -> Iterator[tuple[str, Path | None, str | None]]:
    """(path as given, file, problem) for each input; directories are walked, sorted."""
    for p in paths:
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".eml", ".txt", ".msg"))
            if not files:
                yield str(p), None, "no .eml files in this folder"
            for f in files:
                yield str(f), f, None
        elif p.is_file():
            yield str(p), p, None
        else:
            yield str(p), None, "no such file"


def parse_cmd(
    paths: list[Path] = typer.Argument(..., help=".eml files or folders of them"),
    as_json: bool = typer.Option(False, "--json", help="one JSON object per input, one per line"),
    parser: str | None = typer.Option(None, "--parser", help="force a parser by name (e.g. generic)"),
    trusted: list[str] = typer.Option(
        [], "--trusted-authserv-id", help="authserv-id whose Authentication-Results count (repeat)"
    ),
) -> None:
    """Parse alert e-mails and print what was read; the sender check is only reported."""
    from parsers import UnknownParser, parse_message, parser_names

    if parser and parser not in parser_names():
        # On stderr, as the per-file errors: stdout is the data (`--json | jq`).
        Console(stderr=True).print(f"[red]error:[/red] {escape(f'no parser named {parser!r}')}; "
                                   f"known: {', '.join(parser_names())}")
        raise typer.Exit(2)
    from pipeline import config

    ids = list(trusted) or list(config.get().trusted_ids)
    rows: list[dict[str, Any]] = []
    unreadable = 0
    for given, path, problem in _inputs(paths):
        record: dict[str, Any]
        if path is None:
            record = {"path": given, "status": "error", "parser": None, "reason": problem,
                      "authentication": None, "transaction": None}
        else:
            try:
                raw = path.read_bytes()
            except OSError as exc:
                record = {"path": given, "status": "error", "parser": None, "reason": f"cannot read: {exc.strerror}",
                          "authentication": None, "transaction": None}
            else:
                try:
                    record = {"path": given, **parse_message(raw, parser=parser, trusted_authserv_ids=ids).to_json()}
                except UnknownParser as exc:  # pragma: no cover - checked above
                    out.print(f"[red]error:[/red] {escape(str(exc))}")
                    raise typer.Exit(2) from None
        if record["status"] == "error":
            unreadable += 1
            print(f"error: {given}: {record['reason']}", file=sys.stderr)
        if as_json:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            rows.append(record)
    if as_json:
        sys.stdout.flush()
    else:
        _print_table(rows)
    if unreadable:
        # Exit 0 means every input was read, whatever it turned out to be.
        raise typer.Exit(1)


def _print_table(rows: list[dict[str, Any]]) -> None:
    # Piped output has no terminal width: keep the columns readable rather than 80 wide.
    console = out if out.is_terminal else Console(width=220)
    table = Table("file", "status", "parser", "amount", "direction", "kind", "merchant / counterparty", "account",
                  "when", "reason")
    for r in rows:
        t: dict[str, Any] = r["transaction"] or {}
        auth: dict[str, Any] = r.get("authentication") or {}
        status = str(r["status"]) + (f" [red](sender not verified: dkim {escape(str(auth.get('dkim')))})[/red]" if auth.get("suspicious") else "")
        table.add_row(
            escape(Path(str(r["path"])).name), status, r["parser"] or "",
            f"{t.get('currency', '')} {t.get('amount', '')}".strip(), t.get("direction") or "", t.get("kind") or "",
            escape(t.get("merchant") or t.get("counterparty") or ""), escape(t.get("account") or ""), (t.get("occurred_at") or "")[:16],
            escape(r["reason"] or ""),
        )
    console.print(table)
    counts: dict[str, int] = {}
    for r in rows:
        counts[str(r["status"])] = counts.get(str(r["status"]), 0) + 1
    console.print(f"{len(rows)} input(s): " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))


def register(app: typer.Typer) -> None:
    app.command("parse")(parse_cmd)
