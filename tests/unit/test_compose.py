"""docker-compose.yml is for users (no Docker engine here): every command must exist."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from pipeline.cli import app as cli

COMPOSE = yaml.safe_load((Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text())
SPENDWATCH_SERVICES = ["migrations", "worker", "beat", "watch", "flower", "api"]


def test_services_and_healthchecks():
    services = COMPOSE["services"]
    assert {"postgres", "redis", *SPENDWATCH_SERVICES} <= set(services)
    for name, svc in services.items():
        if name != "migrations":
            assert "healthcheck" in svc, f"{name} has no healthcheck"


@pytest.mark.parametrize("name", SPENDWATCH_SERVICES)
def test_commands_point_at_real_entry_points(name):
    command = COMPOSE["services"][name]["command"]
    if command[0] == "spendwatch":
        words = [w for w in command[1:] if not w.startswith("-")]
        result = CliRunner().invoke(cli, [*words, "--help"])
        assert result.exit_code == 0, f"`spendwatch {' '.join(words)}` is not a command: {result.output}"
    else:
        assert command[:3] == ["celery", "-A", "tasks.app"]
        module = importlib.import_module("tasks.app")
        assert module.app.main == "spendwatch"
        assert command[3] in {"worker", "beat", "flower"}
        if command[3] == "flower":
            assert any(w.startswith("--basic-auth=${FLOWER_BASIC_AUTH}") for w in command)


def test_beat_schedules_polls_and_sweep():
    import celeryconfig
    from tasks import jobs  # noqa: F401 - registers the tasks
    from tasks.app import app

    scheduled = {entry["task"] for entry in celeryconfig.beat_schedule.values()}
    assert scheduled == {"spendwatch.schedule_polls", "spendwatch.sweep"}
    assert scheduled <= set(app.tasks)


def test_celery_settings_are_safe():
    import celeryconfig

    assert celeryconfig.task_serializer == "json" and celeryconfig.accept_content == ["json"]
    assert celeryconfig.task_acks_late and celeryconfig.task_reject_on_worker_lost
    assert celeryconfig.worker_prefetch_multiplier == 1
    assert celeryconfig.task_time_limit < celeryconfig.broker_transport_options["visibility_timeout"]


def test_worker_healthcheck_pings_its_own_worker_only():
    # `celery inspect ping` without a destination is answered by any worker on the broker, so
    # a hung worker stayed healthy beside another replica. $$ is compose's escape for $.
    test = COMPOSE["services"]["worker"]["healthcheck"]["test"]
    assert test[0] == "CMD-SHELL"
    assert "inspect ping -d celery@$$HOSTNAME " in test[1]


def test_beat_ticks_expire_after_their_period():
    # A tick queued while no worker ran is replaced by the next one: without an expiry a worker
    # coming back ran every tick queued meanwhile (tests/integration/test_beat_backlog.py).
    import celeryconfig

    for name, entry in celeryconfig.beat_schedule.items():
        assert 0 < entry.get("options", {}).get("expires", 0) <= entry["schedule"], name
