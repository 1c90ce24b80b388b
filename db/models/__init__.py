"""All mapped tables, imported here so Alembic and create_all see the whole schema."""

from db.models.audit import AuditEntry
from db.models.partners import FundingLine, Partner, PartnerContact, PartnerRole
from db.models.people import AidantLink, Person
from db.models.settings import AppSetting
from db.models.users import User
from db.models.visits import Visit, VisitConfidential, VisitIntervenant, VisitOrientation

__all__ = [
    "AidantLink", "AppSetting", "AuditEntry", "FundingLine", "Partner", "PartnerContact",
    "PartnerRole", "Person", "User", "Visit", "VisitConfidential", "VisitIntervenant",
    "VisitOrientation",
]
