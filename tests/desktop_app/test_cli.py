"""The ``escale`` command line: version, and ``escale demo`` writing a demo database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import __version__, cli
from ui import entry

ROOT = Path(__file__).resolve().parents[2]


def count_people(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("main", [cli.main, entry.main], ids=["cli", "entry"])
def test_version(main, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"Escale {__version__}"


def test_version_as_a_process() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "ui.entry", "--version"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Escale {__version__}"


def test_demo_writes_the_file_and_prints_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite"
    assert cli.main(["demo", "--db", str(path), "--people", "50", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Base de démonstration écrite : {path}")
    assert "(50 personnes, " in out and "aidants liés" in out
    assert count_people(path) == 50


def test_demo_through_the_console_entry_point(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite"
    assert entry.main(["demo", "--db", str(path), "--people", "20"]) == 0
    assert "20 personnes" in capsys.readouterr().out
    assert count_people(path) == 20


def test_demo_refuses_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite"
    assert cli.main(["demo", "--db", str(path), "--people", "10"]) == 0
    capsys.readouterr()
    assert cli.main(["demo", "--db", str(path), "--people", "30"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        f"Le fichier existe déjà : {path}. Ajoutez --force pour le remplacer."
    )
    assert count_people(path) == 10
    assert cli.main(["demo", "--db", str(path), "--people", "30", "--force"]) == 0
    assert count_people(path) == 30


@pytest.mark.parametrize("people", ["0", "-5", "100001"])
def test_demo_refuses_a_bad_people_count(tmp_path: Path, capsys: pytest.CaptureFixture[str], people: str) -> None:
    path = tmp_path / "demo.sqlite"
    assert cli.main(["demo", "--db", str(path), "--people", people]) != 0
    assert "--people doit être compris entre 1 et 100 000." in capsys.readouterr().err
    assert not path.exists()


def test_demo_requires_a_path(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["demo"])
    assert info.value.code == 2
    assert "--db" in capsys.readouterr().err


def test_no_command_is_an_error_for_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main([])
    assert info.value.code == 2
    assert "commande manquante" in capsys.readouterr().err


def test_a_sub_command_does_not_load_qt(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    code = (
        "import sys; from ui.entry import main; "
        f"rc = main(['demo', '--db', {str(path)!r}, '--people', '5']); "
        "assert 'PySide6' not in sys.modules; sys.exit(rc)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "5 personnes" in done.stdout
