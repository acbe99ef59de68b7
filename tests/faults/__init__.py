"""Faults tests (issue 5)."""
