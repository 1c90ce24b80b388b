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
from db.models.bilans import BilanNarrative
from db.models.funding_links import ActionFunding, ConventionFunding
from db.models.partners import FundingLine, Partner, PartnerContact, PartnerRole
from db.models.people import AidantLink, Person
from db.models.planning import RecurringContact, Unavailability
from db.models.rgpd import RightsRequest
from db.models.settings import AppSetting
from db.models.tournees import (
    CommuneConvention,
    Passage,
    PassageParticipant,
    PassageStop,
    TariffRate,
    Vehicle,
)
from db.models.users import BenevoleAssignment, User
from db.models.visits import Visit, VisitConfidential, VisitIntervenant, VisitOrientation

__all__ = [
    "ActionFunding",
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
    "BenevoleAssignment",
    "BilanNarrative",
    "CommuneConvention",
    "ConventionFunding",
    "FundingLine",
    "Partner",
    "PartnerContact",
    "PartnerRole",
    "Passage",
    "PassageParticipant",
    "PassageStop",
    "Person",
    "RecurringContact",
    "RightsRequest",
    "TariffRate",
    "Unavailability",
    "User",
    "Vehicle",
    "Visit",
    "VisitConfidential",
    "VisitIntervenant",
    "VisitOrientation",
]
