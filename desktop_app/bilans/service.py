"""Compute a bilan: period, scope (everything or one financeur), figures of every registered
section, the coordinator's narrative last, and a summary of the key figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from db.engine import Database
from db.enums import RolePartenaire, TypePartenaire
from db.models import FundingLine, Partner, PartnerRole
from desktop_app.actor import Actor
from desktop_app.bilans import json_out, narrative, xlsx_out
from desktop_app.bilans import pdf as pdf_out
from desktop_app.bilans.context import BilanContext
from desktop_app.bilans.records import Bilan, KeyFigure, Period, Scope
from desktop_app.bilans.registry import SECTIONS
from desktop_app.errors import ValidationError
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService
from desktop_app.validation import FieldError, parse_date

SUMMARY = (("personnes", 0), ("personnes", 1), ("ateliers", 0), ("ateliers", 1), ("ateliers", 4),
           ("visites", 0), ("visites", 2), ("tournees", 1), ("financements", 0))


def period_of(year: int | None, debut: dt.date | None = None, fin: dt.date | None = None) -> Period:
    """A calendar year, or the dates given (both needed, start before end)."""
    if debut is None and fin is None:
        if year is None or not 2000 <= year <= 2100:
            raise ValidationError.single("annee", "Choisissez une année entre 2000 et 2100.")
        return Period.year(year)
    if debut is None or fin is None:
        raise ValidationError.single("periode", "Indiquez la date de début et la date de fin.")
    if fin < debut:
        raise ValidationError.single("periode", "La date de fin précède la date de début.")
    return Period(debut, fin)


def period_from_text(year: int | None, debut: str, fin: str) -> Period:
    """The period typed on the Bilans page: a year, or « jj/mm/aaaa » dates (French errors
    on the field concerned)."""
    if not debut.strip() and not fin.strip():
        return period_of(year)
    dates = {}
    for key, text, name in (("debut", debut, "début"), ("fin", fin, "fin")):
        try:
            dates[key] = parse_date(text)
        except FieldError as exc:
            raise ValidationError.single(key, str(exc)) from exc
        if dates[key] is None:
            raise ValidationError.single(key, f"Indiquez la date de {name}.")
    return period_of(None, dates["debut"], dates["fin"])


class BilanService:
    def __init__(self, db: Database, settings: SettingsService, tournees_figures: object) -> None:
        self.db = db
        self.settings = settings
        self.tournees_figures = tournees_figures
        self.narratives = narrative.NarrativeService(db)

    def financeurs(self, actor: Actor) -> list[tuple[int, str]]:
        """Partners that are financeurs (by type, role, or funding lines), by name."""
        require(actor, Perm.BILANS)
        with self.db.read() as s:
            rows = s.execute(select(Partner.id, Partner.nom).where(
                (Partner.type == TypePartenaire.FINANCEUR)
                | Partner.id.in_(select(PartnerRole.partner_id).where(PartnerRole.role == RolePartenaire.FINANCEUR))
                | Partner.id.in_(select(FundingLine.financeur_id)))).all()
        return sorted(((int(i), str(n)) for i, n in rows), key=lambda r: (r[1].casefold(), r[0]))

    def scope(self, actor: Actor, financeur: int | str | None) -> Scope:
        """Everything (None), or the financeur given by id or by name (case-insensitive)."""
        if financeur is None or financeur == "":
            return Scope()
        known = self.financeurs(actor)
        for fid, nom in known:
            if financeur == fid or (isinstance(financeur, str) and nom.casefold() == financeur.strip().casefold()):
                return Scope(fid, nom)
        raise ValidationError.single("financeur", f"Aucun financeur nommé « {financeur} ».")

    def compute(self, actor: Actor, period: Period, scope: Scope) -> Bilan:
        require(actor, Perm.BILANS)
        seuil = int(self.settings.get("bilan.seuil_petits_effectifs"))
        text = self.narratives.get(actor, period, scope)
        with self.db.read() as s:
            ctx = BilanContext(s, actor, period, scope, seuil, self.tournees_figures)
            sections = [build(ctx) for _key, build in SECTIONS]
        sections.append(narrative.section(text))
        by_key = {sec.key: sec for sec in sections}
        summary: list[KeyFigure] = []
        for key, index in SUMMARY:
            figs = by_key[key].figures
            if index < len(figs):
                summary.append(figs[index])
        return Bilan(str(self.settings.get("service.nom")), period, scope, seuil, tuple(sections), tuple(summary))

    def write(self, actor: Actor, bilan: Bilan, pdf: Path | str | None = None, xlsx: Path | str | None = None,
              json_path: Path | str | None = None) -> list[Path]:
        """Write the outputs asked for; the journal notes which bilan left the application."""
        require(actor, Perm.BILANS)
        written: list[Path] = []
        if pdf is not None:
            pdf_out.write(bilan, pdf, logo=str(self.settings.get("service.logo")))
            written.append(Path(pdf))
        if xlsx is not None:
            xlsx_out.write(bilan, xlsx)
            written.append(Path(xlsx))
        if json_path is not None:
            json_out.write(bilan, json_path)
            written.append(Path(json_path))
        if written:
            with self.db.uow() as s:
                formats = ", ".join(p.suffix.lstrip(".").upper() for p in written)
                audit.record(s, actor, "export", "bilan", None,
                             detail=f"{bilan.periode.key} {bilan.scope.key} ({formats})")
        return written
