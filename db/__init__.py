"""Persistence: SQLAlchemy 2 models, engine and unit of work, Alembic migrations, backups.

Knows nothing of the layers above (desktop_app, ui).
"""
