"""`spendwatch` command line: a Typer app; each group of commands lives in pipeline/commands/.

Each module there exposes ``register(app)``; add one import line below to add a module.
Logging is set up here, once, before any command runs (``configure_logging``).
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import TextIO

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from pipeline import config
from pipeline.runtime import UsageError

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Bank alert e-mails in, a live budget out.")
err = Console(stderr=True)

COMMAND_MODULES = (
    "pipeline.commands.core",
    "pipeline.commands.demo",
    "pipeline.commands.users_cmd",
    "pipeline.commands.parse_cmd",
    "pipeline.commands.manage",
    "pipeline.commands.api_cmd",
    "pipeline.commands.secrets_cmd",
    "pipeline.commands.health_cmd",
)

# spendwatch's own packages log at SPENDWATCH_LOG_LEVEL. Libraries stay at WARNING (or at
# the setting when it is stricter): at INFO and DEBUG they log SQL, HTTP request URLs (a
# push URL holds its token), IMAP and migration chatter, which is not ours to show.
OWN_LOGGERS = ("pipeline", "parsers", "models", "tasks", "api")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
logger = logging.getLogger(__name__)


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to ``sys.stderr`` as it is when a record arrives, not as it was when the handler
    was made: Click's test runner swaps ``sys.stderr`` for each invocation, and a handler
    bound to the first one would write into a closed buffer afterwards."""

    def __init__(self) -> None:
        logging.Handler.__init__(self)  # not StreamHandler's: it would pin the stream

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass  # the stream is always the current sys.stderr


def configure_logging(settings: config.Settings) -> None:
    """The CLI's one logging set-up: records to stderr, levels from SPENDWATCH_LOG_LEVEL.

    Idempotent (one handler, however many commands run in a process: tests, the demo).
    Only the CLI calls it; a Celery worker or beat keeps the logging Celery sets up from
    its ``-l`` option (celeryconfig: ``worker_hijack_root_logger = False``, tasks.app
    configures no logging).
    """
    level = logging.getLevelNamesMapping()[settings.log_level]  # validated in config
    root = logging.getLogger()
    if not any(isinstance(h, _StderrHandler) for h in root.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    root.setLevel(max(level, logging.WARNING))
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(level)


def _shown_url(url: str) -> str:
    """A database or broker URL for the log: the password hidden, never the URL as typed."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a URL)"  # the command that uses it reports the error


@app.callback()
def _before_every_command(ctx: typer.Context) -> None:
    if ctx.resilient_parsing:  # shell completion: no side effects
        return
    settings = config.get()
    configure_logging(settings)
    # The command's name only, never its arguments: they can hold a password or a push URL.
    logger.debug("spendwatch %s: log level %s, database %s, tasks %s", ctx.invoked_subcommand,
                 settings.log_level, _shown_url(settings.effective_database_url),
                 f"on the broker {_shown_url(settings.broker_url)}" if settings.broker_url else "in process")


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a module not written yet: the rest of the CLI still works
                continue
            raise
        module.register(app)


_register()


def main() -> None:
    try:
        app()
    except (config.ConfigError, UsageError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        sys.exit(2)
    except (OperationalError, NoSuchModuleError, ArgumentError) as exc:
        # The database cannot be reached or its URL read: one line, the password hidden.
        url = make_url(config.get().effective_database_url).render_as_string(hide_password=True)
        first = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [""])[0]
        err.print(f"[red]error:[/red] cannot use the database {escape(url)} (SPENDWATCH_DATABASE_URL): "
                  f"{escape(first)}")
        sys.exit(2)


if __name__ == "__main__":
    main()
