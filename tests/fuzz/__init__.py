"""Fuzz tests (issue 5)."""
