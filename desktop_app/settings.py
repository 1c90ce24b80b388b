"""The declared settings registry: key, type, default and French label of every service-wide
setting. Values live in the database (``app_setting``) so every workstation of a service
shares them; unknown keys are ignored and missing ones take their default."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from db.engine import Database
from db.models import AppSetting
from desktop_app.actor import Actor
from desktop_app.errors import ValidationError
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    minimum: int | None = None
    maximum: int | None = None


REGISTRY: dict[str, Setting] = {
    s.key: s
    for s in [
        Setting("service.nom", str, "CCAS de démonstration", "Nom du service"),
        Setting("service.adresse", str, "", "Adresse du service"),
        Setting("veille.semaines", int, 6, "Veille : alerte après combien de semaines sans contact", 1, 52),
        Setting("bilan.seuil_petits_effectifs", int, 5, "Bilans : seuil de masquage des petits effectifs", 1, 20),
        Setting("rgpd.retention_mois", int, 24, "Conservation en base active après le dernier contact (mois)", 6, 120),
        Setting("session.verrouillage_minutes", int, 10, "Verrouillage après inactivité (minutes)", 1, 120),
        Setting("ateliers.adhesion_montant", str, "29,00", "Ateliers : montant de l'adhésion annuelle (€)"),
    ]
}


class SettingsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> Any:
        setting = REGISTRY[key]
        with self.db.read() as s:
            row = s.get(AppSetting, key)
        if row is None:
            return setting.default
        try:
            value = json.loads(row.value_json)
            return setting.type(value)
        except (ValueError, TypeError):
            return setting.default

    def all(self) -> dict[str, Any]:
        return {key: self.get(key) for key in REGISTRY}

    def set(self, actor: Actor, key: str, value: Any) -> None:
        require(actor, Perm.SETTINGS)
        setting = REGISTRY.get(key)
        if setting is None:
            raise ValidationError.single(key, "Réglage inconnu.")
        try:
            typed = setting.type(value)
        except (TypeError, ValueError) as exc:
            raise ValidationError.single(key, f"{setting.label} : valeur invalide.") from exc
        if isinstance(typed, int) and (
            (setting.minimum is not None and typed < setting.minimum)
            or (setting.maximum is not None and typed > setting.maximum)
        ):
            raise ValidationError.single(
                key, f"{setting.label} : entre {setting.minimum} et {setting.maximum}."
            )
        with self.db.uow() as s:
            row = s.get(AppSetting, key)
            if row is None:
                s.add(AppSetting(key=key, value_json=json.dumps(typed)))
            else:
                row.value_json = json.dumps(typed)
            audit.record(s, actor, "modification", "setting", None, fields=[key])
