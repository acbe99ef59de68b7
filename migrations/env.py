"""Alembic environment: the URL comes from spendwatch's settings (or the caller's config)."""

from __future__ import annotations

from alembic import context

from models import Base
from pipeline import config as sw_config
from pipeline.db import make_engine
from pipeline.schema import migration_connection

cfg = context.config
target_metadata = Base.metadata


def _url() -> str:
    return cfg.get_main_option("sqlalchemy.url") or sw_config.get().effective_database_url


def run_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connectable = cfg.attributes.get("connection")
    if connectable is not None:
        context.configure(connection=connectable, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_url())
    try:
        # Foreign keys off on SQLite while a batch migration rebuilds a table (see
        # pipeline.schema.migration_connection): its DROP would cascade to every child row.
        with migration_connection(engine) as connection:
            context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
