"""Crash test: a child process writing people through PeopleService in a loop is killed
with SIGKILL 20 times (and 4 more times on an encrypted file); after each kill the database
opens, passes ``PRAGMA integrity_check``, and holds every row the child reported as
committed (the child writes an id to a pipe only after its commit returned).

The child is forked from the test process with Escale already imported, so each round
costs milliseconds instead of a fresh interpreter's second of imports."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from db.engine import sqlite_url
from db.models import Person
from desktop_app.app import Escale
from desktop_app.communes import get_registry
from desktop_app.people.records import PersonInput

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or "fork" not in multiprocessing.get_all_start_methods(),
    reason="needs fork and SIGKILL (POSIX)",
)
NAMES = ["Arnal", "Bonnafous", "Castan", "Delmas", "Estève", "Fabre", "Garrigues", "Hérail"]


def _writer(url: str, passphrase: str | None, fd: int) -> None:
    """The child: open its own Escale, add people forever, report each committed id."""
    app = Escale.open(url, passphrase=passphrase)
    actor = app.local_actor()
    out = os.fdopen(fd, "w", buffering=1)
    n = 0
    while True:
        n += 1
        data = PersonInput(nom=NAMES[n % len(NAMES)], prenom=f"Essai {os.getpid()}-{n}", sexe="f",
                           date_naissance="02/02/1942", code_postal="34200", telephone="04 67 00 00 00")
        person = app.people.create(actor, data, confirm_duplicate=True)
        out.write(f"{person.id}\n")  # only once the commit returned


def _run_and_kill(url: str, passphrase: str | None, rng: random.Random) -> list[int]:
    read_fd, write_fd = os.pipe()
    child = multiprocessing.get_context("fork").Process(target=_writer, args=(url, passphrase, write_fd))
    child.start()
    os.close(write_fd)
    ids: list[int] = []
    first = threading.Event()

    def read() -> None:
        with os.fdopen(read_fd) as pipe:
            for line in pipe:
                ids.append(int(line))
                first.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not first.wait(timeout=30):
        child.kill()
        raise AssertionError(f"the writer never committed (exit code {child.exitcode})")
    time.sleep(rng.uniform(0.02, 0.3))
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=10)
    reader.join(timeout=10)
    assert child.exitcode == -signal.SIGKILL
    return ids


def _check(url: str, passphrase: str | None, committed: set[int]) -> None:
    app = Escale.open(url, passphrase=passphrase)
    try:
        with app.db.read() as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            present = set(s.scalars(select(Person.id)))
    finally:
        app.close()  # no connection may be open when the next child forks
    missing = committed - present
    assert not missing, f"committed rows lost after SIGKILL: {sorted(missing)[:10]}"


@pytest.mark.parametrize(("kills", "passphrase"), [(20, None), (4, "Crash-test Lodève 2026 !")],
                         ids=["claire", "chiffree"])
def test_sigkill_never_loses_a_committed_row(tmp_path: Path, kills: int, passphrase: str | None) -> None:
    url = sqlite_url(tmp_path / "crash.sqlite")
    Escale.open(url, passphrase=passphrase).close()  # schema created before the first child
    get_registry()  # loaded once here, inherited by every child
    rng = random.Random(2026)
    committed: set[int] = set()
    for _ in range(kills):
        ids = _run_and_kill(url, passphrase, rng)
        assert ids, "the child reported no commit"
        committed.update(ids)
        _check(url, passphrase, committed)
    assert len(committed) > 5 * kills  # it really wrote in a loop, many rows per run
