"""Schema state: apply migrations, and tell clearly when the database is behind (or ahead)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Connection, Engine

import migrations
from pipeline.runtime import UsageError


class SchemaError(UsageError):
    """A UsageError: the CLI prints it as one line and exits 2 (`db upgrade` too)."""


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction, for migrations.

    On SQLite, foreign keys are off while it is held: a migration that alters a table in
    batch mode copies it to a new table and drops the old one, and with foreign keys on
    (every spendwatch connection, pipeline.db) that DROP deletes, through ON DELETE
    CASCADE, every row that references it (0002's downgrade emptied alerts and outbox).
    The pragma only takes effect outside a transaction, so it is set before BEGIN and
    set back after COMMIT, before the connection returns to the pool.
    """
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                yield conn
        finally:
            if sqlite:
                conn.rollback()  # nothing open, unless the block failed: the pragma needs none
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def _refuse_unknown(cfg: Config, engine: Engine) -> None:
    current, head = state(engine)
    if current is not None and not _known(cfg, current):
        where = engine.url.render_as_string(hide_password=True)
        # A later spendwatch upgraded this database: `db upgrade` here has nothing to apply
        # and alembic would only say it cannot locate the revision (a traceback).
        raise SchemaError(
            f"the database at {where} is at schema revision {current}, newer than this version of "
            f"spendwatch (which needs {head}): use the newer spendwatch that upgraded it"
        )


def _known(cfg: Config, revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(cfg).get_revision(revision) is not None
    except CommandError:
        return False


def _migrate(engine: Engine, revision: str, down: bool = False) -> None:
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    _refuse_unknown(cfg, engine)
    with migration_connection(engine) as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    _migrate(engine, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Not offered by the CLI; for tests and an operator's own script (back up first)."""
    _migrate(engine, revision, down=True)


def state(engine: Engine) -> tuple[str | None, str | None]:
    """(current revision, head revision)."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return current, head


def require_current(engine: Engine, auto_upgrade: bool = False) -> None:
    current, head = state(engine)
    if current == head:
        return
    if auto_upgrade:
        upgrade(engine)  # refuses a newer schema first
        return
    where = engine.url.render_as_string(hide_password=True)
    if current is None:
        raise SchemaError(f"the database at {where} has no spendwatch schema: run `spendwatch db upgrade`")
    _refuse_unknown(alembic_config(engine.url.render_as_string(hide_password=False)), engine)
    raise SchemaError(
        f"the database at {where} is at schema revision {current}, this version needs {head}: "
        "run `spendwatch db upgrade`"
    )
