"""PDF, XLSX and JSON of the fixture: the same hand-worked figures in each, no name nor birth
date anywhere, byte-identical JSON, the command line, the narrative."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from bilan_fixture import identities
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from db.enums import Role
from db.models import AuditEntry
from desktop_app.bilans import json_out
from desktop_app.bilans.narrative import Narrative
from desktop_app.bilans.records import Scope
from desktop_app.bilans.service import period_of
from desktop_app.errors import Conflict, PermissionDenied, ValidationError

TESTIMONY = "Une participante de 81 ans : « Je ne sortais plus de chez moi. »"


@pytest.fixture
def outputs(app, actor, bilans, fixture_ids, tmp_path):  # type: ignore[no-untyped-def]
    period, scope = period_of(2025), bilans.scope(actor, None)
    bilans.narratives.save(actor, period, scope, Narrative(objectifs="Rompre l'isolement.", temoignages=TESTIMONY))
    bilan = bilans.compute(actor, period, scope)
    paths = (tmp_path / "bilan.pdf", tmp_path / "bilan.xlsx", tmp_path / "bilan.json")
    bilans.write(actor, bilan, *paths)
    return paths


def _pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages).replace("\u202f", " ")


def _xlsx_text(path) -> str:  # type: ignore[no-untyped-def]
    wb = load_workbook(str(path))
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None)


def test_pdf_prints_the_figures(outputs) -> None:  # type: ignore[no-untyped-def]
    text = _pdf_text(outputs[0])
    reader = PdfReader(str(outputs[0]))
    n = len(reader.pages)
    assert f"page 1 / {n}" in text and f"page {n} / {n}" in text
    assert "Bilan d'activité" in text and "Année 2025" in text and "Ensemble des activités du service" in text
    assert "74,7 ans" in text  # mean age
    assert "Personnes touchées (uniques)" in text and "Atelier mémoire" in text
    assert "83,3 %" in text and "4,20" in text and "6,0 h" in text  # rate, satisfaction, hours of action A
    assert "< 5" in text and "masqué" in text
    assert "8 000,00 €" in text  # Carsat Sud, versé
    assert "Rompre l'isolement." in text and "Je ne sortais plus de chez moi." in text
    assert "Inconnu / non renseigné" in text
    fonts = {str(f) for page in reader.pages for f in page["/Resources"]["/Font"].values()
             for f in [f.get_object()["/BaseFont"]]}
    assert any("DejaVuSans" in f for f in fonts)  # embedded: accents print everywhere


def test_xlsx_cells_are_numbers(outputs) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(str(outputs[1]))
    assert wb.sheetnames[0] == "Synthèse"
    assert {"Personnes touchées", "Ateliers collectifs", "Visites à domicile et contacts", "Financements"} <= set(wb.sheetnames)
    ws = wb["Ateliers collectifs"]
    rows = {r[0]: r for r in ws.iter_rows(values_only=True) if r[0]}
    assert rows["Atelier mémoire"][:11] == ("Atelier mémoire", "Mémoire", 6, 3, 6, "masqué", 6, 15, 83.3, 4.2, "< 5")
    assert rows["Séances réalisées"][1] == 5 and isinstance(rows["Séances réalisées"][1], int)
    people = {r[0]: r for r in wb["Personnes touchées"].iter_rows(values_only=True) if r[0]}
    assert people["Personnes touchées (uniques)"][1] == 12
    assert people["Femmes"][1] == 7 and people["Hommes"][1] == "< 5"
    carsat = [r for r in wb["Financements"].iter_rows(values_only=True) if r[0] == "Carsat Sud"]
    assert carsat[0][:6] == ("Carsat Sud", 0, 0, 8000, 0, 8000)  # by status: demandé, accordé, versé, soldé
    assert carsat[1][:6] == ("Carsat Sud", 2025, "Atelier mémoire", "6", "Versé", 8000)  # the line itself


def test_json_schema_and_figures(outputs) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(outputs[2].read_text("utf-8"))
    assert data["schema"] == "escale.bilan/1"
    assert data["periode"] == {"debut": "2025-01-01", "fin": "2025-12-31", "libelle": "année 2025"}
    assert data["seuil_petits_effectifs"] == 5
    assert [s["cle"] for s in data["sections"]] == ["personnes", "ateliers", "visites", "tournees", "financements", "recit"]
    recit = data["sections"][-1]["textes"]
    assert {"titre": "Témoignages", "texte": TESTIMONY} in recit


def test_no_name_nor_birth_date_in_any_output(outputs) -> None:  # type: ignore[no-untyped-def]
    texts = {"PDF": _pdf_text(outputs[0]), "XLSX": _xlsx_text(outputs[1]), "JSON": outputs[2].read_text("utf-8")}
    raw_pdf = outputs[0].read_bytes()
    for fmt, text in texts.items():
        for needle in identities():
            assert not re.search(rf"\b{re.escape(needle)}\b", text), f"{needle!r} in the {fmt}"
    assert b"Martin" not in raw_pdf
    assert "rue des Écoles" not in texts["JSON"] and "Compte rendu" not in texts["JSON"]


def test_json_is_byte_identical(app, actor, bilans, fixture_ids) -> None:  # type: ignore[no-untyped-def]
    first = json_out.dumps(bilans.compute(actor, period_of(2025), bilans.scope(actor, None)))
    second = json_out.dumps(bilans.compute(actor, period_of(2025), bilans.scope(actor, None)))
    assert first == second


def test_narrative_is_saved_per_bilan_and_audited(app, actor, bilans, fixture_ids) -> None:  # type: ignore[no-untyped-def]
    year, scope = period_of(2025), bilans.scope(actor, None)
    saved = bilans.narratives.save(actor, year, scope, Narrative(faits_marquants="Un nouveau lieu à Gignac."))
    assert bilans.narratives.get(actor, year, scope).faits_marquants == "Un nouveau lieu à Gignac."
    assert bilans.narratives.get(actor, year, bilans.scope(actor, "Carsat Sud")).faits_marquants == ""
    assert bilans.narratives.get(actor, period_of(2024), scope).faits_marquants == ""
    bilans.narratives.save(actor, year, scope, Narrative(faits_marquants="Deux lieux.", version_id=saved.version_id))
    with pytest.raises(Conflict):
        bilans.narratives.save(actor, year, scope, Narrative(faits_marquants="Trop tard.", version_id=saved.version_id))
    with pytest.raises(ValidationError) as err:
        bilans.narratives.save(actor, year, scope, Narrative(objectifs="x" * 20_001, version_id=saved.version_id + 1))
    assert "Objectifs" in err.value.errors["objectifs"]
    with app.db.read() as s:
        actions = set(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "bilan_narrative")))
    assert actions == {"creation", "modification"}


def test_roles_without_bilans_are_refused(app, bilans, role_actor, fixture_ids) -> None:  # type: ignore[no-untyped-def]
    for role in (Role.ANIMATEUR, Role.BENEVOLE, Role.ADMINISTRATEUR):
        other = role_actor(role)
        with pytest.raises(PermissionDenied):
            bilans.compute(other, period_of(2025), Scope())
        with pytest.raises(PermissionDenied):
            bilans.narratives.save(other, period_of(2025), Scope(), Narrative(objectifs="x"))


def test_period_validation() -> None:
    with pytest.raises(ValidationError) as err:
        period_of(None, dt.date(2025, 5, 1), dt.date(2025, 4, 1))
    assert err.value.errors == {"periode": "La date de fin précède la date de début."}
    with pytest.raises(ValidationError):
        period_of(None, dt.date(2025, 5, 1), None)


def test_cli_writes_the_three_files(app, fixture_ids, cli_account, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.cli import main

    db = app.db.path
    out = [tmp_path / "a.pdf", tmp_path / "a.xlsx", tmp_path / "a.json"]
    code = main(["bilan", "--db", str(db), "--year", "2025", "--financeur", "Carsat Sud", "-o", str(out[0]),
                 "--xlsx", str(out[1]), "--json", str(out[2])])
    assert code == 0 and all(p.exists() for p in out)
    assert "Financeur : Carsat Sud" in capsys.readouterr().out
    again = tmp_path / "b.json"
    assert main(["bilan", "--db", str(db), "--year", "2025", "--financeur", "Carsat Sud", "--json", str(again)]) == 0
    assert again.read_bytes() == out[2].read_bytes()
    assert main(["bilan", "--db", str(db), "--year", "2025", "--financeur", "Inconnu", "--json", str(again)]) == 1
    assert "Aucun financeur nommé « Inconnu »." in capsys.readouterr().err
