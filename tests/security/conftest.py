"""The forged-alert tests' service: PostgreSQL, Redis, a Celery worker."""

from __future__ import annotations

import pytest


@pytest.fixture
def svc(monkeypatch, pg_url, redis_url, tmp_path):
    from tests.support.service import running_service

    with running_service(monkeypatch, pg_url, redis_url, tmp_path) as service:
        yield service
