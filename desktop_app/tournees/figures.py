"""Figures of a year of tournées — what the bilans print — and the yearly statement of
one commune (« état des passages et participation »).

Definitions (unique people always kept apart from presences):
- communes served: communes with at least one passage carried out (statut « réalisé »);
- registered / present: over the carried-out passages, the people registered to the
  passage's atelier action or with attendance at its séance / those marked present there;
- picked up: presences of people fetched at home;
- kilometres: the planned routes of the carried-out passages (outbound and return);
- unique people: distinct people present at least once in the year;
- new people: among them, those never present at a passage of an earlier year.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import and_, func, select, union
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import (
    AtelierInscription,
    AtelierPresence,
    AtelierSeance,
    CommuneConvention,
    Passage,
    PassageParticipant,
    TariffRate,
)
from db.models.ateliers_participation import StatutInscription, StatutPresence
from db.models.tournees import PassageStatus
from desktop_app.actor import Actor
from desktop_app.errors import NotFound, Refused
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService
from desktop_app.tournees import tariff
from desktop_app.tournees.conventions import convention_view
from desktop_app.tournees.participants import participants
from desktop_app.tournees.records import CommuneStatement, CommuneStatementLine, YearFigures


def _year(annee: int):  # type: ignore[no-untyped-def]
    return Passage.date.between(dt.date(annee, 1, 1), dt.date(annee, 12, 31))


class FiguresService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self.db = db
        self.settings = settings

    def year(self, actor: Actor, annee: int) -> YearFigures:
        require(actor, Perm.TOURNEES_READ)
        done = (Passage.statut == PassageStatus.REALISE) & _year(annee)
        with self.db.read() as s:
            by_type = dict(s.execute(select(Passage.type, func.count()).where(done).group_by(Passage.type)).all())
            statuses = dict(s.execute(select(Passage.statut, func.count()).where(_year(annee))
                                      .group_by(Passage.statut)).all())
            communes = s.scalar(select(func.count(func.distinct(Passage.commune_insee))).where(done)) or 0
            km = s.scalar(select(func.coalesce(func.sum(Passage.route_km), 0.0)).where(done)) or 0.0
            # inscrits of a carried-out passage: registered to its action or with attendance at its séance
            reg = (select(Passage.id.label("passage_id"), AtelierInscription.person_id)
                   .join(AtelierSeance, AtelierSeance.id == Passage.seance_id)
                   .join(AtelierInscription, AtelierInscription.action_id == AtelierSeance.action_id)
                   .where(done, AtelierInscription.statut == StatutInscription.INSCRIT))
            came = (select(Passage.id.label("passage_id"), AtelierPresence.person_id)
                    .join(AtelierPresence, AtelierPresence.seance_id == Passage.seance_id).where(done))
            inscrits = s.scalar(select(func.count()).select_from(union(reg, came).subquery())) or 0
            pres = (select(Passage.id.label("passage_id"), AtelierPresence.person_id, Passage.date)
                    .join(AtelierPresence, AtelierPresence.seance_id == Passage.seance_id)
                    .where(done, AtelierPresence.statut == StatutPresence.PRESENT)).subquery()
            presents, unique = s.execute(select(func.count(), func.count(func.distinct(pres.c.person_id)))
                                         .select_from(pres)).one()
            transported = s.scalar(select(func.count()).select_from(pres).join(PassageParticipant, and_(
                PassageParticipant.passage_id == pres.c.passage_id, PassageParticipant.person_id == pres.c.person_id,
                PassageParticipant.besoin_transport.is_(True)))) or 0
            seen_before = (  # present at a carried-out passage of an earlier year (one uncorrelated set)
                select(AtelierPresence.person_id).join(Passage, Passage.seance_id == AtelierPresence.seance_id)
                .where(AtelierPresence.statut == StatutPresence.PRESENT, Passage.statut == PassageStatus.REALISE,
                       Passage.date < dt.date(annee, 1, 1))
            )
            new = s.scalar(select(func.count(func.distinct(pres.c.person_id)))
                           .where(pres.c.person_id.not_in(seen_before))) or 0
            convs = s.scalars(select(CommuneConvention).where(CommuneConvention.annee == annee)).all()
            due = sum((c.montant or Decimal(0) for c in convs), Decimal("0.00"))
            paid = sum((c.montant or Decimal(0) for c in convs if c.paye), Decimal("0.00"))
        return YearFigures(
            annee, communes, {"decouverte": by_type.get("decouverte", 0), "serie": by_type.get("serie", 0)},
            statuses.get(PassageStatus.REALISE, 0), statuses.get(PassageStatus.ANNULE, 0), inscrits, presents,
            transported, round(float(km), 1), unique, new, due, paid,
        )

    def commune_statement(self, actor: Actor, convention_id: int) -> CommuneStatement:
        require(actor, Perm.TOURNEES_READ)
        with self.db.read() as s:
            conv = s.get(CommuneConvention, convention_id)
            if conv is None:
                raise NotFound("Cette convention n'existe pas ou plus.")
            view = convention_view(s, conv)
            lines, people = self._lines(s, conv)
            grid = [tariff.TariffRow(r.min_passages, r.prix_par_passage) for r in
                    s.scalars(select(TariffRate))]
        try:
            detail = tariff.explain(conv.passages_commandes, grid)
        except Refused as exc:
            detail = exc.message_fr
        if conv.decouverte:
            detail += " — passage découverte offert"
        return CommuneStatement(view, tuple(lines), people, detail, str(self.settings.get("service.nom")))

    @staticmethod
    def _lines(s: Session, conv: CommuneConvention) -> tuple[list[CommuneStatementLine], int]:
        passages = s.scalars(select(Passage).where(Passage.convention_id == conv.id).order_by(Passage.date)).all()
        lines = []
        people: set[int] = set()
        for p in passages:
            rows = participants(s, p)
            present = [r for r in rows if r.present]
            people |= {r.person_id for r in present}
            lines.append(CommuneStatementLine(p.date, p.type, p.statut, p.theme, len(rows), len(present),
                                              sum(1 for r in present if r.besoin_transport)))
        return lines, len(people)
