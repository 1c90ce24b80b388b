"""The bilan as JSON (schema: docs/bilan-json.md). Same database and period, same bytes:
keys in a fixed order, no print date, numbers as numbers, masked cells as « < 5 »."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.bilans.records import Bilan, Section, Table

SCHEMA = "escale.bilan/1"


def _table(t: Table) -> dict[str, Any]:
    return {"cle": t.key, "titre": t.title, "colonnes": list(t.columns), "lignes": [list(r) for r in t.rows],
            "total": list(t.total) if t.total is not None else None}


def _section(sec: Section) -> dict[str, Any]:
    return {
        "cle": sec.key, "titre": sec.title,
        "chiffres": [{"libelle": f.label, "valeur": f.value, "unite": f.unit} for f in sec.figures],
        "tableaux": [_table(t) for t in sec.tables],
        "graphiques": [{"cle": c.key, "type": c.kind, "titre": c.title, "libelles": list(c.labels),
                        "valeurs": list(c.values), "note": c.note} for c in sec.charts],
        "textes": [{"titre": h, "texte": txt} for h, txt in sec.paragraphs],
        "notes": list(sec.notes),
    }


def to_dict(b: Bilan) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "service": b.service_nom,
        "periode": {"debut": b.periode.debut.isoformat(), "fin": b.periode.fin.isoformat(), "libelle": b.periode.label},
        "perimetre": {"cle": b.scope.key, "libelle": b.scope.label, "financeur": b.scope.financeur_nom},
        "seuil_petits_effectifs": b.seuil,
        "synthese": [{"libelle": f.label, "valeur": f.value, "unite": f.unit} for f in b.summary],
        "sections": [_section(s) for s in b.sections],
    }


def dumps(b: Bilan) -> str:
    return json.dumps(to_dict(b), ensure_ascii=False, indent=2) + "\n"


def write(b: Bilan, path: Path | str) -> None:
    Path(path).write_bytes(dumps(b).encode("utf-8"))
