"""The feuille de route and the commune statement as a user reads them (PDF text via
pypdf), and the yearly figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from desktop_app.tournees.records import PassageInput


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_feuille_de_route_lists_each_rotation_with_what_the_driver_needs(app, actor, setup, tmp_path) -> None:
    t = app.tournees
    t.passages.set_pickups(actor, setup.passage_id, set(setup.people.values()))
    route = t.pickups.compute(actor, setup.passage_id)
    pdf = t.pickups.export_feuille_de_route(actor, setup.passage_id, tmp_path / "feuille.pdf")
    text = _text(pdf)
    assert "Feuille de route — Octon" in text
    assert "Jeudi 12 mars 2026" in text and "Salle des fêtes d'Octon" in text
    assert f"Départ de la base : {route.plan.outbound.rotations[0].stops[0].time // 3600} h" in text
    assert "Aller — rotation 1" in text and "Aller — rotation 2" in text
    assert "Retour — rotation 1" in text
    for name in ("DURAND Marie", "MARTIN Jean", "BERNARD Louise", "BLANC Odette"):
        assert name in text
    assert "PMR — fauteuil roulant" in text and "Déambulateur" in text
    assert "Marie fils (fils) 06 12 34 56 78" in text  # emergency contact
    assert text.count("☐ présent") == 7
    assert "Distance totale prévue" in text and "km" in text
    assert "Croquis du trajet" in text


def test_feuille_de_route_shows_people_left_out(app, actor, setup, tmp_path) -> None:
    t = app.tournees
    view = t.passages.get(actor, setup.passage_id)
    t.passages.update(actor, setup.passage_id, view.version_id, PassageInput(
        "34186", "12/03/2026", "14:00", "16:30", depart_au_plus_tot="13:10", vehicle_id=setup.vehicle_id,
        convention_id=setup.convention_id))
    t.passages.set_pickups(actor, setup.passage_id, set(setup.people.values()))
    route = t.pickups.compute(actor, setup.passage_id)
    assert route.plan.not_fetched
    text = _text(t.pickups.export_feuille_de_route(actor, setup.passage_id, tmp_path / "f.pdf"))
    assert "Non cherchés à domicile" in text
    assert "À vérifier" in text and "propres moyens" in text


def test_year_figures_separate_unique_people_and_presences(app, actor, setup) -> None:
    t = app.tournees
    people = list(setup.people.values())
    t.passages.set_pickups(actor, setup.passage_id, set(people[:3]))
    t.pickups.compute(actor, setup.passage_id)
    for pid in people[:5]:
        t.passages.set_presence(actor, setup.passage_id, pid, True)
    view = t.passages.get(actor, setup.passage_id)
    t.passages.update(actor, setup.passage_id, view.version_id, PassageInput(
        "34186", "12/03/2026", "14:00", "16:30", statut="realise", vehicle_id=setup.vehicle_id,
        convention_id=setup.convention_id))
    second = t.passages.create(actor, PassageInput("34186", "09/04/2026", "14:00", "16:30", statut="realise",
                                                   type="decouverte", convention_id=setup.convention_id))
    for pid in people[:2]:  # registered to the commune's action: already on the second passage
        t.passages.set_presence(actor, second.id, pid, True)
    fig = t.figures.year(actor, 2026)
    assert fig.communes_servies == 1
    assert fig.passages_par_type == {"decouverte": 1, "serie": 1}
    assert (fig.inscrits, fig.presents) == (14, 7)  # 7 registered at each of the two passages
    assert fig.personnes_uniques == 5 and fig.nouvelles_personnes == 5
    assert fig.personnes_transportees == 3
    assert fig.kilometres > 0
    assert fig.montant_conventions == Decimal("540.00") and fig.montant_encaisse == Decimal("0.00")
    assert t.figures.year(actor, 2027).nouvelles_personnes == 0


def test_commune_statement_pdf(app, actor, setup, tmp_path) -> None:
    from desktop_app.reports.etat_passages import write_etat_passages

    t = app.tournees
    for pid in list(setup.people.values())[:4]:
        t.passages.set_presence(actor, setup.passage_id, pid, True)
    t.conventions.set_paid(actor, setup.convention_id, True)
    statement = t.figures.commune_statement(actor, setup.convention_id)
    text = _text(write_etat_passages(tmp_path / "etat.pdf", statement))
    assert "État des passages et participation" in text and "Octon" in text and "2026" in text
    assert "12/03/2026" in text and "Série d'ateliers" in text
    assert "6 passages × 90,00 € = 540,00 €" in text
    assert "Payé le" in text
    assert "Personnes différentes venues dans l'année : 4" in text
