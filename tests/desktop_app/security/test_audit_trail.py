"""The audit trail: what each action writes (never sensitive values), tamper detection,
the retention purge keeping the chain verifiable, `escale audit`, and the journal view."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from db.models import AuditEntry
from desktop_app.cli import main as cli_main
from desktop_app.errors import PermissionDenied, Refused, ValidationError
from desktop_app.people.records import PersonInput
from desktop_app.security import audit
from desktop_app.security.journal import ACTION_GROUPS, AuditFilter

GOOD = "Tulipe-Jaune-42"


def entries(app) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with app.db.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))


NAMES = [("Abadie", "Anne"), ("Bonnet", "Marcel"), ("Carrère", "Odette"), ("Dupuy", "Lucien"),
         ("Estève", "Germaine"), ("Fabre", "René")]


def make_people(app, actor, n: int = 3) -> list[int]:  # type: ignore[no-untyped-def]
    return [app.people.create(actor, PersonInput(nom=nom, prenom=prenom, sexe="f", gir=3,
                                                 medecin_traitant="Dr Secret")).id for nom, prenom in NAMES[:n]]


def test_each_action_on_a_person_is_recorded_without_values(app, actor) -> None:  # type: ignore[no-untyped-def]
    pid = make_people(app, actor, 1)[0]
    detail = app.people.get(actor, pid)
    data = detail.to_input()
    data.gir, data.medecin_traitant = 2, "Dr Autre"
    app.people.update(actor, pid, detail.version_id, data)
    app.people.archive(actor, pid)
    with app.db.uow() as s:
        audit.record_export(s, actor, "export", "liste des personnes", [pid, pid], fmt="XLSX")
        audit.record_export(s, actor, "impression", "fiche personne", [pid], fmt="PDF")
    rows = [(e.action, e.entity, e.person_id, e.user_id) for e in entries(app)]
    assert rows == [
        ("creation", "person", pid, actor.user_id),
        ("consultation", "person", pid, actor.user_id),
        ("modification", "person", pid, actor.user_id),
        ("statut:archive", "person", pid, actor.user_id),
        ("export", "person", pid, actor.user_id),  # one entry per person, duplicates merged
        ("impression", "person", pid, actor.user_id),
    ]
    modification = entries(app)[2]
    assert modification.fields == "gir,medecin_traitant"
    for entry in entries(app):  # names of fields, never their values
        assert "Dr Secret" not in entry.detail + entry.fields and "Dr Autre" not in entry.detail + entry.fields
    assert entries(app)[4].detail == "liste des personnes (XLSX)"


def test_chain_verifies_and_detects_a_modified_entry(app, actor) -> None:  # type: ignore[no-untyped-def]
    make_people(app, actor, 4)
    check = app.audit.verify()
    assert check.ok and check.entries == 4
    assert check.message == "Journal d'audit intact : 4 entrées vérifiées."
    target = entries(app)[2].id
    with app.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET action = 'consultation' WHERE id = :i"), {"i": target})
    check = app.audit.verify()
    assert not check.ok and check.first_broken_id == target
    assert check.message == f"Journal d'audit altéré : l'entrée n° {target} a été modifiée."


def test_deleting_an_entry_in_the_middle_is_detected(app, actor) -> None:  # type: ignore[no-untyped-def]
    make_people(app, actor, 5)
    ids = [e.id for e in entries(app)]
    with app.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = :i"), {"i": ids[2]})
    check = app.audit.verify()
    assert not check.ok and check.first_broken_id == ids[3]
    assert f"l'entrée n° {ids[3]} ne suit pas l'entrée n° {ids[1]}" in check.message


def test_truncating_the_end_is_detected(app, actor) -> None:  # type: ignore[no-untyped-def]
    make_people(app, actor, 3)
    last = entries(app)[-1].id
    with app.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = :i"), {"i": last})
    check = app.audit.verify()
    assert not check.ok
    assert check.message == (
        f"Journal d'audit altéré : les dernières entrées ont été supprimées (la dernière enregistrée portait le n° {last})."
    )


def _age(app, ids: list[int], days: int) -> None:  # type: ignore[no-untyped-def]
    """Move entries back in time, re-hashing them so the chain stays valid."""
    with app.db.uow() as s:
        prev = ""
        for entry in s.scalars(select(AuditEntry).order_by(AuditEntry.id)):
            if entry.id in ids:
                entry.at = entry.at - dt.timedelta(days=days)
            entry.prev_hash = prev
            entry.entry_hash = audit._digest(prev, entry.at, entry.user_id, entry.action, entry.entity,
                                             entry.entity_id, entry.person_id, entry.fields, entry.detail)
            prev = entry.entry_hash
        audit._write_json(s, audit.HEAD_KEY, {"id": entry.id, "hash": prev})


def test_purge_keeps_recent_entries_and_the_chain_verifiable(app, actor) -> None:  # type: ignore[no-untyped-def]
    make_people(app, actor, 6)
    ids = [e.id for e in entries(app)]
    _age(app, ids[:4], 400)
    assert app.audit.purge_expired() == 4
    remaining = entries(app)
    assert [e.id for e in remaining][:2] == ids[4:]
    assert remaining[-1].action == "purge_journal"
    assert remaining[-1].detail.startswith("4 entrées antérieures au ")
    assert remaining[-1].detail.endswith("supprimées (conservation : 12 mois)")
    check = app.audit.verify()
    assert check.ok and check.entries == 3 and check.anchor_id == ids[3]
    # Tampering after a purge is still caught, from the anchor on.
    with app.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = :i"), {"i": ids[4]})
    assert app.audit.verify().first_broken_id == ids[5]


def test_purge_refuses_to_erase_a_broken_part(app, actor) -> None:  # type: ignore[no-untyped-def]
    make_people(app, actor, 4)
    ids = [e.id for e in entries(app)]
    _age(app, ids[:3], 400)
    with app.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET fields = '' WHERE id = :i"), {"i": ids[1]})
    with pytest.raises(Refused) as err:
        app.audit.purge_expired()
    assert "Purge du journal suspendue pour garder la preuve" in err.value.message_fr
    assert len(entries(app)) == 4


def test_cli_verify_and_purge(app, actor, db_url, capsys) -> None:  # type: ignore[no-untyped-def]
    make_people(app, actor, 2)
    path = db_url.removeprefix("sqlite:///")
    assert cli_main(["audit", "verify", "--db", path]) == 0
    assert "Journal d'audit intact : 2 entrées vérifiées." in capsys.readouterr().out
    assert cli_main(["audit", "purge", "--db", path]) == 0
    assert "Aucune entrée expirée à supprimer." in capsys.readouterr().out
    first = entries(app)[0].id
    with app.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET user_id = NULL WHERE id = :i"), {"i": first})
    assert cli_main(["--db", path, "audit", "verify"]) == 1
    assert f"l'entrée n° {first} a été modifiée" in capsys.readouterr().err
    assert cli_main(["audit", "verify", "--db", path + ".absent"]) == 1
    assert "Aucune base Escale à cet emplacement" in capsys.readouterr().err


def test_journal_view_filters_and_pages(app, actor) -> None:  # type: ignore[no-untyped-def]
    admin = app.auth.create_first_admin("admin", "Alice Admin", GOOD, GOOD)
    a, b = make_people(app, actor, 2)
    app.people.get(actor, a)
    app.people.get(actor, a)
    with pytest.raises(PermissionDenied):
        app.audit.search(actor.__class__(actor.user_id, "x", "x", "animateur"), AuditFilter())
    page = app.audit.search(admin, AuditFilter(person_id=a))
    assert page.total == 3
    assert [r.action_label for r in page.rows] == ["Consultation de la fiche"] * 2 + ["Création"]
    assert page.rows[0].person_name == "ABADIE Anne" and page.rows[0].user_label == "Coordinateur (coordinateur)"
    creation = app.audit.search(admin, AuditFilter(person_id=b)).rows[-1]
    assert creation.fields == "bénéficiaire, GIR, médecin traitant, nom, prénom, sexe, statut"
    page = app.audit.search(admin, AuditFilter(user_id=admin.user_id))
    assert [r.action for r in page.rows] == ["creation"]
    assert app.audit.search(admin, AuditFilter(actions=ACTION_GROUPS["Créations"])).total == 3
    today = dt.date.today()
    assert app.audit.search(admin, AuditFilter(date_from=today, date_to=today)).total == 5
    assert app.audit.search(admin, AuditFilter(date_to=today - dt.timedelta(days=1))).total == 0
    first = app.audit.search(admin, AuditFilter(), offset=0, limit=4)
    second = app.audit.search(admin, AuditFilter(), offset=4, limit=4)
    assert (first.total, len(first.rows), len(second.rows)) == (5, 4, 1)
    assert first.rows[0].id > second.rows[0].id
    assert abs((first.rows[0].at - dt.datetime.now()).total_seconds()) < 60  # shown in local time
    assert [pid for pid, _ in app.audit.pick_person(admin, "bonnet")] == [b]
    assert app.audit.search(admin, AuditFilter(date_from=today.strftime("%d/%m/%Y"))).total == 5
    with pytest.raises(ValidationError) as err:
        app.audit.search(admin, AuditFilter(date_from="31/02/2026", date_to="01/01/2026"))
    assert set(err.value.errors) == {"date_from"} and "n'existe pas" in err.value.errors["date_from"]
    with pytest.raises(ValidationError) as err:
        app.audit.search(admin, AuditFilter(date_from="02/01/2026", date_to="01/01/2026"))
    assert err.value.errors == {"date_to": "La date de fin est avant la date de début."}


def test_every_recorded_action_and_element_has_a_french_label() -> None:
    """The journal shows « Réponse à une demande de droit », never a code such as reponse_droit."""
    import re
    from pathlib import Path

    from desktop_app.security.journal import ACTION_LABELS, ENTITY_LABELS

    root = Path(__file__).resolve().parents[3] / "desktop_app"
    sources = [path.read_text(encoding="utf-8") for path in root.rglob("*.py")]
    actions = {a for text in sources for a in re.findall(r'audit\.record\(\s*\w+,\s*[\w.]+,\s*"([a-z_:]+)"', text)}
    entities = {e for text in sources for e in re.findall(
        r'audit\.record\(\s*\w+,\s*[\w.]+,\s*"[a-z_:]+",\s*"([a-z_]+)"', text)}
    assert len(actions) > 40 and len(entities) > 20
    assert sorted(a for a in actions if a not in ACTION_LABELS) == []
    assert sorted(e for e in entities if e not in ENTITY_LABELS) == []
