"""All mapped tables, imported here so Alembic and create_all see the whole schema."""

from db.models.ateliers import Adhesion, AtelierAction, AtelierSeance, AtelierTheme
from db.models.ateliers_participation import (
    AtelierInscription,
    AtelierPresence,
    AtelierQuestion,
    AtelierReponse,
    AtelierSatisfaction,
)
from db.models.audit import AuditEntry
from db.models.people import AidantLink, Person
from db.models.settings import AppSetting
from db.models.users import User

__all__ = [
    "Adhesion",
    "AidantLink",
    "AppSetting",
    "AtelierAction",
    "AtelierInscription",
    "AtelierPresence",
    "AtelierQuestion",
    "AtelierReponse",
    "AtelierSatisfaction",
    "AtelierSeance",
    "AtelierTheme",
    "AuditEntry",
    "Person",
    "User",
]
