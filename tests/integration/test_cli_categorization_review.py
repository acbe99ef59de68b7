"""The rules/categories CLI refuses what the API refuses (review fixes), as a one-line error."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.support.cli import embedded_cli

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    yield from embedded_cli(tmp_path, monkeypatch, NOW)


def test_the_cli_refuses_what_the_api_refuses(cli):
    cli("user", "create", "me@example.test")
    # categories.name holds 100 characters (the API's limit); PostgreSQL refused more with a traceback
    assert "100 characters" in cli("categories", "add", "C" * 101, code=2)
    # a repetition too large for the regex engine: an error naming the field, not an OverflowError traceback
    out = cli("rules", "add", '{"name": "x", "conditions": [{"field": "merchant", "op": "regex",'
                              ' "value": "a{4294967296}"}], "actions": [{"type": "exclude"}]}', code=2)
    assert "conditions.0" in out and "regex" in out, out
    out = cli("rules", "add", '{"name": "x", "conditions": [{"field": "merchant", "op": "contains", "value": "a"}],'
                              ' "actions": [{"type": "set_category", "value": "' + "G" * 101 + '"}]}', code=2)
    assert "actions.0" in out and "100 characters" in out, out
