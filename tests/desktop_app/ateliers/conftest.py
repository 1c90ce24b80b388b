"""Fixtures of the ateliers tests: a few people in the file, the « Mémoire » theme, and a
factory of actions with their séances in the past (attendance is only taken once a séance
has happened)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from db.models import AtelierTheme, Person
from desktop_app.ateliers.records import ActionInput, SeanceRule

NAMES = [
    ("Martin", "Hélène", "f"), ("Bernard", "Jean", "h"), ("Dubois", "Odette", "f"),
    ("Thomas", "Marcel", "h"), ("Robert", "Simone", "f"), ("Richard", "Paulette", "f"),
    ("Petit", "René", "h"), ("Durand", "Yvette", "f"), ("Leroy", "Lucienne", "f"),
    ("Moreau", "André", "h"), ("Simon", "Jacqueline", "f"), ("Laurent", "Roger", "h"),
]


@pytest.fixture
def people(app) -> list[int]:  # type: ignore[no-untyped-def]
    """Twelve people, ids in the order of NAMES."""
    with app.db.uow() as s:
        rows = [Person(nom=n, prenom=p, sexe=x, search_text=f"{n} {p}".lower(), sort_key=f"{n} {p}".lower())
                for n, p, x in NAMES]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


@pytest.fixture
def theme_id(app) -> int:  # type: ignore[no-untyped-def]
    with app.db.read() as s:
        return s.scalar(select(AtelierTheme.id).where(AtelierTheme.code == "memoire"))


@pytest.fixture
def make_action(app, actor, theme_id) -> Callable[..., Any]:  # type: ignore[no-untyped-def]
    def make(titre: str = "Atelier mémoire", seances: int = 0, first: str = "06/01/2025", **over: Any) -> Any:
        data = ActionInput(titre=titre, theme_id=theme_id, lieu="Salle des fêtes", animateur="Claire Lemoine",
                           animateur_type="salarie", capacite=over.pop("capacite", 10), statut="ouvert")
        for key, value in over.items():
            setattr(data, key, value)
        detail = app.ateliers.actions.create(actor, data)
        if seances:
            app.ateliers.seances.generate(actor, detail.id, SeanceRule(
                frequence="hebdomadaire", premier_jour=first, heure_debut="14:00", heure_fin="16:00",
                nombre=seances), confirm_overlaps=True)
        return detail

    return make
