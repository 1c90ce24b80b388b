"""Alembic environment: runs on the connection handed in by db.migrate, or on the URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from db.base import Base
from db.models import *  # noqa: F403  (registers every table on Base.metadata)

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as conn:
        _run(conn)
