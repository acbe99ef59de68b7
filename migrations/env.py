"""Alembic environment: the URL comes from spendwatch's settings (or the caller's config)."""

from __future__ import annotations

from alembic import context

from models import Base
from pipeline import config as sw_config
from pipeline.db import make_engine

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
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
