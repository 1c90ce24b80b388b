"""Satisfaction smileys and the before/after questionnaire; memberships; the person
timeline; the émargement PDF read back with pypdf."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db.models import AuditEntry
from desktop_app.ateliers.timeline import timeline_entries
from desktop_app.errors import Refused, ValidationError


def test_smileys_summary_mean_and_distribution(app, actor, people, make_action) -> None:
    action = make_action(seances=3, first="06/01/2025")
    s1, s2, s3 = (x.id for x in app.ateliers.seances.list_seances(actor, action.id))
    for pid, note in zip(people[:4], (5, 4, 4, 2), strict=True):
        app.ateliers.satisfaction.set_note(actor, s1, pid, note)
    app.ateliers.satisfaction.set_note(actor, s2, people[0], 5)
    app.ateliers.satisfaction.set_note(actor, s2, people[0], 3)  # corrected
    app.ateliers.satisfaction.set_note(actor, s3, people[1], 5)
    app.ateliers.seances.cancel(actor, s3, "Grève des transports")  # its scores leave the summary
    summary = app.ateliers.satisfaction.summary(actor, action.id)
    assert summary.distribution == {1: 0, 2: 1, 3: 1, 4: 2, 5: 1}
    assert summary.nombre == 5 and summary.moyenne == pytest.approx(18 / 5)
    assert [(n, mean) for _sid, _d, mean, n in summary.par_seance] == [(4, 3.75), (1, 3.0)]
    assert app.ateliers.figures(actor, action.id).satisfaction_moyenne == pytest.approx(3.6)
    with pytest.raises(ValidationError, match="La note va de 1"):
        app.ateliers.satisfaction.set_note(actor, s1, people[0], 6)
    with pytest.raises(Refused):
        app.ateliers.satisfaction.set_note(actor, s3, people[0], 4)


def test_questionnaire_before_and_after(app, actor, people, make_action) -> None:
    action = make_action()
    questions = app.ateliers.satisfaction.questions(actor, action.id)
    assert len(questions) == 4
    q1, q2 = questions[0].id, questions[1].id
    extra = app.ateliers.satisfaction.save_question(actor, action.id, "Je sais à qui m'adresser en cas de besoin")
    for pid, (before, after) in zip(people[:3], ((2, 4), (3, 4), (1, 3)), strict=True):
        app.ateliers.satisfaction.record_answers(actor, action.id, pid, "debut", {q1: before, q2: 3})
        app.ateliers.satisfaction.record_answers(actor, action.id, pid, "fin", {q1: after})
    summary = app.ateliers.satisfaction.summary(actor, action.id)
    first = summary.questionnaire[0]
    assert (first.moyenne_debut, first.moyenne_fin, first.n_debut, first.n_fin) == (2.0, pytest.approx(11 / 3), 3, 3)
    assert first.evolution == pytest.approx(5 / 3)
    assert summary.questionnaire[1].moyenne_fin is None
    assert summary.questionnaire[-1].libelle == "Je sais à qui m'adresser en cas de besoin"
    app.ateliers.satisfaction.save_question(actor, action.id, extra.libelle, extra.id, actif=False)
    assert extra.id not in [q.id for q in app.ateliers.satisfaction.questions(actor, action.id)]
    assert app.ateliers.satisfaction.answers(actor, action.id, people[0], "fin") == {q1: 4}
    with pytest.raises(ValidationError, match="Choisissez le moment"):
        app.ateliers.satisfaction.record_answers(actor, action.id, people[0], "milieu", {q1: 3})


def test_memberships(app, actor, people) -> None:
    row = app.ateliers.memberships.add(actor, people[0], "2025", "29,00", "15/01/2025")
    assert str(row.montant) == "29.00" and row.date_adhesion == dt.date(2025, 1, 15)
    assert app.ateliers.memberships.is_member(actor, people[0], 2025)
    assert not app.ateliers.memberships.is_member(actor, people[0], 2026)
    with pytest.raises(Refused, match=re.escape("MARTIN Hélène est déjà adhérent(e) pour 2025.")):
        app.ateliers.memberships.add(actor, people[0], 2025, "29")
    with pytest.raises(ValidationError) as err:
        app.ateliers.memberships.add(actor, people[0], "vingt", "-5")
    assert err.value.errors == {
        "annee": "Année invalide : saisissez quatre chiffres, par exemple 2027.",
        "montant": "Le montant de l'adhésion ne peut pas être négatif.",
    }


def test_participation_shows_in_the_person_timeline(app, actor, people, make_action) -> None:
    action = make_action(capacite=1, seances=2, first="06/01/2025")
    app.ateliers.registrations.register(actor, action.id, people[0])
    waiting = app.ateliers.registrations.register(actor, action.id, people[1]).registration
    s1, _s2 = (x.id for x in app.ateliers.seances.list_seances(actor, action.id))
    app.ateliers.attendance.set_cell(actor, s1, people[0], "present")
    first = app.ateliers.registrations.list_registrations(actor, action.id).inscrits[0]
    app.ateliers.registrations.withdraw(actor, first.id, "Raisons de santé")
    app.ateliers.registrations.promote(actor, waiting.id)
    app.ateliers.memberships.add(actor, people[0], 2025, "29", "02/01/2025")

    entries = timeline_entries(app.db, people[0])
    assert {e.kind for e in entries} == {"atelier"}
    titles = [e.title for e in entries]
    assert "Adhésion 2025" in titles and "Séance — Atelier mémoire" in titles
    seance = next(e for e in entries if e.title.startswith("Séance"))
    assert seance.date == dt.date(2025, 1, 6) and seance.detail == "Présent, 14:00–16:00"
    assert any(e.title == "Désistement — Atelier mémoire" and e.detail == "Raisons de santé" for e in entries)
    with app.db.read() as s:  # also works inside an open session
        promoted = [e.title for e in timeline_entries(s, people[1])]
    assert promoted == ["Liste d'attente — Atelier mémoire", "Place obtenue — Atelier mémoire"]


def test_emargement_pdf_has_one_page_per_seance_with_names(app, actor, people, make_action, tmp_path: Path) -> None:
    action = make_action(seances=4, first="06/01/2025")
    for pid in people[:6]:
        app.ateliers.registrations.register(actor, action.id, pid)
    cancelled = app.ateliers.seances.list_seances(actor, action.id)[3]
    app.ateliers.seances.cancel(actor, cancelled.id, "Salle prise par les élections")
    path = app.ateliers.print_emargement(actor, action.id, tmp_path / "emargement.pdf")
    reader = PdfReader(str(path))
    assert len(reader.pages) == 3  # the cancelled séance has no sheet
    first = reader.pages[0].extract_text()
    assert "Feuille d'émargement" in first and "Atelier mémoire" in first
    assert "lundi 6 janvier 2025" in first and "14:00 – 16:00" in first and "1 sur 3" in first
    assert "Salle des fêtes" in first and "Claire Lemoine" in first
    for name in ("MARTIN Hélène", "BERNARD Jean", "RICHARD Paulette"):
        assert name in first
    assert "lundi 20 janvier 2025" in reader.pages[2].extract_text()
    with app.db.read() as s:
        assert s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "export_emargement")) == "3 page(s)"


def test_emargement_of_a_single_seance_and_of_none(app, actor, people, make_action, tmp_path: Path) -> None:
    action = make_action(seances=2, first="06/01/2025")
    second = app.ateliers.seances.list_seances(actor, action.id)[1]
    path = app.ateliers.print_emargement(actor, action.id, tmp_path / "one.pdf", [second.id])
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1 and "2 sur 2" in reader.pages[0].extract_text()
    empty = make_action(titre="Sophrologie")
    with pytest.raises(Refused, match="Aucune séance à imprimer"):
        app.ateliers.print_emargement(actor, empty.id, tmp_path / "none.pdf")


def test_participation_joins_the_person_timeline_with_visits(app, actor, people, make_action) -> None:
    """The person file's timeline (desktop_app.timeline) merges ateliers with visits."""
    action = make_action(capacite=2, seances=2, first="06/01/2025")
    app.ateliers.registrations.register(actor, action.id, people[0])
    s1, _s2 = (x.id for x in app.ateliers.seances.list_seances(actor, action.id))
    app.ateliers.attendance.set_cell(actor, s1, people[0], "present")
    entries = app.timeline.for_person(actor, people[0])
    titles = [e.title for e in entries if e.kind == "atelier"]
    assert titles == ["Inscription — Atelier mémoire", "Séance — Atelier mémoire"]  # newest first
    assert entries == sorted(entries, key=lambda e: e.date, reverse=True)


def test_emargement_continues_on_a_second_page_with_the_heading(app, actor, people, make_action, tmp_path: Path) -> None:
    from db.models import Person

    with app.db.uow() as s:
        more = [Person(nom=f"Participant{i:02d}", prenom="Jeanne", search_text="", sort_key=f"zz{i:02d}")
                for i in range(1, 19)]
        s.add_all(more)
        s.flush()
        extra = [p.id for p in more]
    action = make_action(seances=2, first="06/01/2025", capacite=40)
    for pid in people + extra:  # 30 inscrits
        app.ateliers.registrations.register(actor, action.id, pid)
    path = app.ateliers.print_emargement(actor, action.id, tmp_path / "long.pdf")
    reader = PdfReader(str(path))
    texts = [p.extract_text() for p in reader.pages]
    per_seance = len(texts) // 2
    assert len(texts) == 2 * per_seance and per_seance >= 2  # the same number of sheets for each séance
    for text in texts:
        assert "Feuille d'émargement" in text and "Atelier mémoire" in text and "Salle des fêtes" in text
    first, second = texts[0], texts[1]
    assert "lundi 6 janvier 2025" in first and "lundi 6 janvier 2025" in second
    assert f"1 sur {per_seance} pour cette séance" in first and f"2 sur {per_seance} pour cette séance" in second
    everyone = "\n".join(texts[:per_seance])
    assert all(f"PARTICIPANT{i:02d} Jeanne" in everyone for i in range(1, 19)) and "MARTIN Hélène" in first
    assert "PARTICIPANT18 Jeanne" not in first  # it went on to the next sheet
    assert "lundi 13 janvier 2025" in texts[per_seance]
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4


def test_emargement_pages_keep_blank_rows_for_walk_ins() -> None:
    from desktop_app.reports.emargement import MIN_BLANK_ROWS, split_people

    names = [f"P{i}" for i in range(40)]
    assert split_people(names[:6], 15) == [names[:6]]  # 9 blank rows left under them
    assert split_people(names[:12], 15) == [names[:12]]  # exactly MIN_BLANK_ROWS left
    assert split_people(names[:13], 15) == [names[:13], []]  # a sheet of blank rows follows
    chunks = split_people(names[:30], 15)
    assert [len(c) for c in chunks] == [15, 15, 0] and [n for c in chunks for n in c] == names[:30]
    assert 15 - len(split_people(names[:14], 15)[-1]) >= MIN_BLANK_ROWS
