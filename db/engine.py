"""Engine and unit of work for SQLite (default), SQLCipher (an encrypted SQLite file, given
a passphrase) or PostgreSQL (through the URL alone).

SQLite gets WAL, foreign keys and a busy timeout on every connection, encrypted or not;
nothing SQLite-only leaves this package. The passphrase never enters ``Database.url``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from db import crypto

log = logging.getLogger(__name__)


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another backend or an in-memory base."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB of pages: a year's bilan reads the visits twice
    cur.execute("PRAGMA temp_store=MEMORY")  # GROUP BY / DISTINCT b-trees off the disk
    cur.close()


def _encrypted_engine(path: Path, passphrase: str, **kwargs: Any) -> Engine:
    """SQLAlchemy's ``sqlite+pysqlcipher`` dialect keys each new connection first
    (``PRAGMA key``); a QueuePool keeps connections open, since each key derivation costs
    about 0.1 s by design."""
    url = URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))
    engine = create_engine(url, module=crypto.module(), poolclass=QueuePool, **kwargs)

    def _cipher_pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA cipher_compatibility = 4")
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.close()

    event.listen(engine, "connect", _cipher_pragmas)
    return engine


def make_engine(url: str, passphrase: str | None = None, **kwargs: Any) -> Engine:
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        if passphrase is not None:
            if path is None:
                raise ValueError("an encrypted database needs a file path")
            engine = _encrypted_engine(path, passphrase, **kwargs)
        else:
            engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if passphrase is not None:
        raise ValueError("only SQLite files are encrypted by Escale")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True, **kwargs)


class Database:
    """One database: its engine and a factory of units of work.

    ``passphrase`` opens (or creates) an encrypted SQLite file; a wrong one raises
    ``crypto.WrongPassphrase`` before anything is written, an encrypted file opened without
    one raises ``crypto.PassphraseRequired``.
    """

    def __init__(self, url: str, engine: Engine | None = None, passphrase: str | None = None) -> None:
        self.url = url
        path = sqlite_path(url)
        if path is not None and engine is None:
            crypto.check_file(path, passphrase)
        self._passphrase = passphrase
        self.engine = engine or make_engine(url, passphrase)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def is_encrypted(self) -> bool:
        return self._passphrase is not None

    @property
    def passphrase(self) -> str | None:
        """Needed again to restore a backup over this file; never logged nor shown."""
        return self._passphrase

    def raw_file_connection(self, path: Path | None = None) -> Any:
        """A DB-API connection to ``path`` (default: this file) keyed like this database:
        the db-level door for the backup API and integrity checks."""
        target = path or self.path
        if target is None:
            raise ValueError("not a SQLite file database")
        return crypto.connect(target, self._passphrase)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        path = sqlite_path(self.url)
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def uow(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (no commit)."""
        with self._sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
