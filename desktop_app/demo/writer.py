"""Write a demo database file: schema through the normal start-up path (migrations), then
people and aidant links with bulk inserts, all in one transaction."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from db.engine import sqlite_url
from db.models import AidantLink, Person
from desktop_app.app import Escale
from desktop_app.demo.accounts import populate_accounts
from desktop_app.demo.ateliers import populate_ateliers
from desktop_app.demo.funding_links import populate_funding_links
from desktop_app.demo.generator import DemoGenerator
from desktop_app.demo.partners import populate_partners
from desktop_app.demo.people import Row
from desktop_app.demo.planning import populate_planning
from desktop_app.demo.rgpd import populate_rgpd
from desktop_app.demo.tournees import populate_tournees
from desktop_app.demo.traits import REFERENCE_DATE
from desktop_app.demo.visits import populate_visits

BATCH_SIZE = 5_000
MAX_PEOPLE = 100_000
# Core tables, not the mapped classes: an ORM bulk insert splits the rows into one
# statement per distinct set of non-NULL columns, hundreds of times slower here.
_PERSON = Person.metadata.tables[Person.__tablename__]
_LINK = AidantLink.metadata.tables[AidantLink.__tablename__]


@dataclass(frozen=True)
class DemoStats:
    people: int
    linked_aidants: int
    communes: int

    def summary(self, path: Path) -> str:
        return (
            f"Base de démonstration écrite : {path} ({self.people} personnes, "
            f"{self.linked_aidants} aidants liés, {self.communes} communes)"
        )


def write_demo_database(path: str | Path, people: int = 300, seed: int = 1, force: bool = False) -> str:
    """Create ``path`` with ``people`` realistic persons; the same seed gives the same rows.

    Raises FileExistsError if the file exists and ``force`` is false; returns the French
    summary line shown by ``escale demo``.
    """
    if not 1 <= people <= MAX_PEOPLE:
        raise ValueError(f"people must be between 1 and {MAX_PEOPLE}, not {people}")
    target = Path(path).expanduser().resolve()
    if target.exists():
        if not force:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
        for suffix in ("", "-wal", "-shm", "-journal"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
    app = Escale.open(sqlite_url(target))
    try:
        with app.db.uow() as session:
            stats = write_people(session, DemoGenerator(people, seed))
        lines = [stats.summary(target)]
        for populate in (populate_partners, populate_visits, populate_ateliers, populate_tournees, populate_funding_links,
                         populate_accounts, populate_planning,
                         populate_rgpd):
            lines.append(populate(app.db, seed, REFERENCE_DATE))
    finally:
        app.close()
    return "\n".join(lines)


def write_people(session: Session, generator: DemoGenerator) -> DemoStats:
    """Insert every household of ``generator`` (people first, then the links between them)."""
    batch: list[Row] = []
    links: list[Row] = []
    communes: set[str] = set()
    count = 0
    for house in generator.households():
        batch.extend(house.people)
        links.extend(house.links)
        if len(batch) >= BATCH_SIZE:
            count += _flush(session, batch, communes)
    count += _flush(session, batch, communes)
    for start in range(0, len(links), BATCH_SIZE):
        session.execute(insert(_LINK), links[start:start + BATCH_SIZE])
    return DemoStats(count, len({link["aidant_id"] for link in links}), len(communes))


def _flush(session: Session, batch: list[Row], communes: set[str]) -> int:
    if not batch:
        return 0
    session.execute(insert(_PERSON), batch)
    communes.update(row["commune_insee"] for row in batch)
    done = len(batch)
    batch.clear()
    return done
