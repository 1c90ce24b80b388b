"""Service-wide settings: typed values, French decimal comma, ranges, every refusal at once,
the rights needed, and an audit entry naming the keys changed (never the values)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.enums import Role
from db.models import AuditEntry
from desktop_app.errors import PermissionDenied, ValidationError


def test_values_are_typed_and_saved_together(app, actor) -> None:  # type: ignore[no-untyped-def]
    changed = app.settings.set_many(actor, {"veille.semaines": " 8 ", "tournees.facteur_detour": "1,45",
                                            "service.nom": "  CCAS de Gignac ", "audit.conservation_mois": "12"})
    assert sorted(changed) == ["service.nom", "tournees.facteur_detour", "veille.semaines"]
    assert app.settings.get("veille.semaines") == 8
    assert app.settings.get("tournees.facteur_detour") == 1.45
    assert app.settings.get("service.nom") == "CCAS de Gignac"
    with app.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "setting")).all()[-1]
    assert "veille.semaines" in entry.fields and "Gignac" not in (entry.detail or "")


def test_every_wrong_value_is_refused_at_once_and_nothing_is_saved(app, actor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        app.settings.set_many(actor, {"veille.semaines": "six", "session.verrouillage_minutes": "0",
                                      "tournees.facteur_detour": "5", "service.nom": "CCAS du Pouget"})
    assert refused.value.errors == {
        "veille.semaines": "Saisissez un nombre entier.",
        "session.verrouillage_minutes": "Entre 1 et 120.",
        "tournees.facteur_detour": "Entre 1 et 3.",
    }
    assert app.settings.get("service.nom") == "CCAS de démonstration"
    assert app.settings.get("veille.semaines") == 6


def test_empty_number_and_unknown_key(app, actor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        app.settings.set_many(actor, {"veille.semaines": "  ", "inconnu": "1"})
    assert refused.value.errors == {"veille.semaines": "Ce réglage est obligatoire.", "inconnu": "Réglage inconnu."}


@pytest.mark.parametrize("role", [Role.INTERVENANT, Role.ANIMATEUR, Role.BENEVOLE, Role.CHAUFFEUR])
def test_only_coordinator_and_administrator_change_settings(app, role_actor, role) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        app.settings.set_many(role_actor(role), {"veille.semaines": 4})
    assert app.settings.set_many(role_actor(Role.ADMINISTRATEUR), {"veille.semaines": 4}) == ["veille.semaines"]
