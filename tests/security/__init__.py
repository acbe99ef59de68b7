"""Security tests (issue 5)."""
