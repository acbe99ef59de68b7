"""`spendwatch` command line: a Typer app; each group of commands lives in pipeline/commands/.

Each module there exposes ``register(app)``; add one import line below to add a module.
"""

from __future__ import annotations

import importlib
import logging
import sys

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
)


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
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
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
