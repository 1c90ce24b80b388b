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
        Setting("service.logo", str, "", "Logo du service (fichier PNG ou JPEG, imprimé sur les bilans)"),
        Setting("veille.semaines", int, 6, "Veille : alerte après combien de semaines sans contact", 1, 52),
        Setting("bilan.seuil_petits_effectifs", int, 5, "Bilans : seuil de masquage des petits effectifs", 1, 20),
        Setting("rgpd.retention_mois", int, 24, "Conservation en base active après le dernier contact (mois)", 6, 120),
        Setting("rgpd.responsable", str, "", "Responsable du traitement (ex. : le Président du CCAS)"),
        Setting("rgpd.dpo_contact", str, "", "Délégué à la protection des données : contact"),
        Setting("session.verrouillage_minutes", int, 10, "Verrouillage après inactivité (minutes)", 1, 120),
        Setting("tournees.trajet_max_minutes", int, 45, "Tournées : durée maximale à bord par passager (minutes)", 5, 180),
        Setting("tournees.marge_arrivee_minutes", int, 15, "Tournées : arrivée au lieu avant le début (minutes)", 0, 120),
        Setting("tournees.depart_au_plus_tot_minutes", int, 150, "Tournées : départ de la base au plus tôt (minutes avant le début)", 20, 480),
        Setting("tournees.vitesse_kmh", int, 50, "Tournées : vitesse moyenne par défaut d'un véhicule (km/h)", 10, 110),
        Setting("tournees.facteur_detour", float, 1.3, "Tournées : facteur de détour par défaut (route / vol d'oiseau)", 1, 3),
        Setting("tournees.osrm_url", str, "", "Tournées : serveur d'itinéraires OSRM local (facultatif)"),
        Setting("geocodage.ban_url", str, "https://api-adresse.data.gouv.fr", "Géocodage : adresse du service BAN"),
        Setting("audit.conservation_mois", int, 12, "Conservation du journal d'audit (mois)", 6, 12),
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
        self.set_many(actor, {key: value})

    def set_many(self, actor: Actor, values: dict[str, Any]) -> list[str]:
        """Check every value first (all messages at once, per field), then save them together.
        Returns the keys whose value changed."""
        require(actor, Perm.SETTINGS)
        typed: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for key, value in values.items():
            try:
                typed[key] = parse_value(key, value)
            except ValidationError as exc:
                errors.update(exc.errors)
        if errors:
            raise ValidationError(errors)
        current = self.all()
        changed = [key for key, value in typed.items() if value != current[key]]
        if not changed:
            return []
        with self.db.uow() as s:
            for key in changed:
                row = s.get(AppSetting, key)
                if row is None:
                    s.add(AppSetting(key=key, value_json=json.dumps(typed[key])))
                else:
                    row.value_json = json.dumps(typed[key])
            audit.record(s, actor, "modification", "setting", None, fields=changed)
        return changed


def parse_value(key: str, value: Any) -> Any:
    """The typed value of a setting from what was typed (French decimal comma accepted), or a
    ValidationError naming the field."""
    setting = REGISTRY.get(key)
    if setting is None:
        raise ValidationError.single(key, "Réglage inconnu.")
    if isinstance(value, str) and setting.type is not str:
        value = value.strip().replace("\u202f", "").replace(" ", "").replace(",", ".")
        if not value:
            raise ValidationError.single(key, "Ce réglage est obligatoire.")
    try:
        typed = setting.type(value)
    except (TypeError, ValueError) as exc:
        kind = "un nombre entier" if setting.type is int else "un nombre"
        raise ValidationError.single(key, f"Saisissez {kind}.") from exc
    if setting.type is str:
        typed = typed.strip()
    if setting.type in (int, float) and (
        (setting.minimum is not None and typed < setting.minimum)
        or (setting.maximum is not None and typed > setting.maximum)
    ):
        raise ValidationError.single(key, f"Entre {setting.minimum} et {setting.maximum}.")
    return typed
