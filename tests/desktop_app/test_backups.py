"""Backups: verified copies encrypted like the base, rotation 7/4/12, daily backup, and a
restore that brings back identical content while keeping the current file aside."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import backup as db_backup
from db import crypto
from db.engine import sqlite_url
from db.enums import Role
from desktop_app.actor import Actor
from desktop_app.app import Escale
from desktop_app.backups import moments_to_keep
from desktop_app.errors import PermissionDenied, Refused
from desktop_app.people.records import PersonFilter, PersonInput
from desktop_app.restore import restore_database

PASS = "Sauvegarde-Lodève 2026 !"


def _people(app: Escale, names: list[str]) -> None:
    actor = app.local_actor()
    for i, nom in enumerate(names):
        app.people.create(actor, PersonInput(nom=nom, prenom="Jeanne", sexe="f",
                                             date_naissance=f"0{i % 9 + 1}/05/1940"), confirm_duplicate=True)


def _content(path: Path, passphrase: str | None) -> dict[str, list[tuple]]:
    """Every row of every table, ordered: what 'identical content' means."""
    conn = crypto.connect(path, passphrase)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: [tuple(r) for r in conn.execute(f'SELECT * FROM "{t}" ORDER BY 1')] for t in tables}
    finally:
        conn.close()


@pytest.mark.parametrize("passphrase", [None, PASS], ids=["claire", "chiffree"])
def test_backup_then_restore_gives_identical_content(tmp_path: Path, passphrase: str | None) -> None:
    path = tmp_path / "escale.sqlite"
    url = sqlite_url(path)
    app = Escale.open(url, passphrase=passphrase)
    _people(app, ["Arnal", "Bousquet", "Castan"])
    actor = app.local_actor()
    info = app.backups.backup_to(actor)
    assert info.path.parent == tmp_path / "backup" and info.encrypted == (passphrase is not None)
    assert crypto.is_encrypted_file(info.path) == (passphrase is not None)
    saved = _content(info.path, passphrase)
    assert len(saved["person"]) == 3
    _people(app, ["Delmas"])  # a change after the backup
    app.close()
    current = _content(path, passphrase)

    result = restore_database(url, passphrase, info.path, actor)

    restored = _content(path, passphrase)
    audit_rows = restored.pop("audit_entry")
    journal = {"audit_entry", "app_setting"}  # the restore itself is journaled (chain head moves)
    assert {k: v for k, v in restored.items() if k not in journal} == {
        k: v for k, v in saved.items() if k not in journal
    }
    assert [r for r in restored["app_setting"] if r[0] != "audit.chain_head"] == [
        r for r in saved["app_setting"] if r[0] != "audit.chain_head"
    ]
    assert audit_rows[:-1] == saved["audit_entry"]  # plus one entry: the restore itself
    assert audit_rows[-1][3] == "restauration"
    assert result.safety_copy is not None and result.safety_copy.parent == tmp_path
    assert "avant-restauration" in result.safety_copy.name
    assert _content(result.safety_copy, passphrase) == current  # nothing lost: Delmas is aside
    app = Escale.open(url, passphrase=passphrase)
    assert app.people.count(app.local_actor(), PersonFilter()) == 3
    app.close()


def test_encrypted_backup_holds_no_readable_name(tmp_path: Path) -> None:
    app = Escale.open(sqlite_url(tmp_path / "e.sqlite"), passphrase=PASS)
    _people(app, ["Vidalenc"])
    info = app.backups.backup_now()
    app.close()
    assert b"Vidalenc" not in info.path.read_bytes()
    assert crypto.integrity_ok(info.path, PASS)


def test_a_copy_failing_its_check_never_gets_a_backup_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = Escale.open(sqlite_url(tmp_path / "e.sqlite"))
    monkeypatch.setattr(crypto, "integrity_ok", lambda *_: False)
    with pytest.raises(Refused) as err:
        app.backups.backup_now()
    assert "a échoué" in err.value.message_fr
    assert list((tmp_path / "backup").glob("*")) == []
    app.close()


def test_restore_refuses_a_backup_with_another_key(tmp_path: Path) -> None:
    other = tmp_path / "autre.sqlite"
    Escale.open(sqlite_url(other), passphrase="Une autre phrase 2026 !").close()
    url = sqlite_url(tmp_path / "e.sqlite")
    app = Escale.open(url, passphrase=PASS)
    actor = app.local_actor()
    app.close()
    before = (tmp_path / "e.sqlite").read_bytes()
    with pytest.raises(Refused) as err:
        restore_database(url, PASS, other, actor)
    assert "phrase de passe" in err.value.message_fr
    assert (tmp_path / "e.sqlite").read_bytes() == before
    assert not list(tmp_path.glob("*avant-restauration*"))


def test_restore_refuses_a_damaged_or_foreign_file(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "e.sqlite")
    app = Escale.open(url)
    actor = app.local_actor()
    app.close()
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(Refused):
        restore_database(url, None, junk, actor)
    with pytest.raises(Refused) as err:
        restore_database(url, None, tmp_path / "absente.sqlite", actor)
    assert "introuvable" in err.value.message_fr


def test_restore_needs_the_settings_permission(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "e.sqlite")
    Escale.open(url).close()
    with pytest.raises(PermissionDenied):
        restore_database(url, None, tmp_path / "x.sqlite", Actor(1, "b", "B", Role.BENEVOLE))


def test_daily_backup_once_a_day(tmp_path: Path) -> None:
    app = Escale.open(sqlite_url(tmp_path / "e.sqlite"))
    monday = dt.datetime(2026, 11, 16, 9, 0)
    assert app.backups.maybe_daily_backup(monday) is not None
    assert app.backups.maybe_daily_backup(monday.replace(hour=17)) is None
    assert app.backups.maybe_daily_backup(monday + dt.timedelta(days=1)) is not None
    assert len(app.backups.list()) == 2
    app.close(backup=True)  # closing takes one more
    assert len(app.backups.list()) == 3


def test_rotation_on_disk_keeps_7_days_4_weeks_12_months(tmp_path: Path) -> None:
    app = Escale.open(sqlite_url(tmp_path / "e.sqlite"))
    folder = app.backups.directory
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.datetime(2025, 1, 1, 18, 0)
    for day in range(400):  # one backup a day for 400 days, two on the last day
        (folder / f"e-{db_backup.stamp(start + dt.timedelta(days=day))}.sqlite").write_bytes(b"x")
    (folder / "autre-base-20260101-120000.sqlite").write_bytes(b"x")  # another base: untouched
    newest = app.backups.backup_now(start + dt.timedelta(days=399, hours=3))
    kept = app.backups.list()
    assert kept[0].path == newest.path
    days = {b.taken_at.date() for b in kept}
    last_day = (start + dt.timedelta(days=399)).date()
    assert {last_day - dt.timedelta(days=i) for i in range(7)} <= days
    assert len(kept) == len(moments_to_keep([b.taken_at for b in kept]))
    assert 7 + 12 <= len(kept) <= 7 + 4 + 12
    assert (folder / "autre-base-20260101-120000.sqlite").exists()
    app.close()


def test_rotation_examples() -> None:
    base = dt.datetime(2026, 11, 22, 20, 0)
    hourly = [base - dt.timedelta(hours=h) for h in range(72)]  # every hour from the 19th, 21:00
    kept = moments_to_keep(hourly)
    assert kept == {base} | {base.replace(day=d, hour=23) for d in (19, 20, 21)}  # newest of each day
    yearly = [dt.datetime(2000 + y, 6, 1) for y in range(20)]
    assert moments_to_keep(yearly) == set(yearly[-12:])  # 12 monthly buckets, oldest dropped


@settings(max_examples=150, deadline=None)
@given(st.lists(st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2027, 1, 1)),
                min_size=1, max_size=120))
def test_rotation_properties(moments: list[dt.datetime]) -> None:
    kept = moments_to_keep(moments)
    assert max(moments) in kept  # the newest backup always survives
    assert kept <= set(moments)
    assert len(kept) <= 7 + 4 + 12
    assert moments_to_keep(kept) == kept  # rotating again removes nothing
    days = sorted({m.date() for m in moments}, reverse=True)[:7]
    assert {m.date() for m in kept} >= set(days)  # each of the 7 latest days keeps one copy
