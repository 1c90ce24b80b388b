"""Build the French communes reference files shipped in ``resources/communes/``.

Sources (npm packages, the only network access needed, through ``npm pack``):

* ``@etalab/decoupage-administratif`` — Code officiel géographique (INSEE): communes,
  départements, populations légales and La Poste postal codes;
* ``codes-postaux`` — postal code → INSEE code table (COG + DGFiP FIMOCT), used only for
  postal codes that La Poste's list (first package) does not know at all (military, CEDEX-like
  or retired codes). Its other extra pairs are mostly streets at a commune border served by
  the neighbour's post office (e.g. Arles for 13270, which is Fos-sur-Mer): adding them would
  make the big neighbour rank first in ``for_postal_code``, so they are left out.

Outputs:

* ``communes.csv.gz``: ``insee;nom;codes_postaux;departement;population`` (postal codes
  space-separated, population empty when unknown), one line per *commune actuelle*;
* ``departements.csv``: ``code;nom``;
* ``SOURCE.md``: provenance, versions, licences, vintage, tarball checksums.

Postal codes of arrondissements municipaux (Paris, Lyon, Marseille), communes déléguées,
communes associées and former INSEE codes are attached to their current commune.

Usage: ``python scripts/build_communes.py [--out resources/communes]`` (needs ``npm``).
The output is deterministic for given package versions (gzip mtime fixed to 0).
"""

from __future__ import annotations

import argparse
import base64
import csv
import gzip
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

DECOUPAGE_PKG = "@etalab/decoupage-administratif"
DECOUPAGE_VERSION = "6.0.0"  # millésime 2026 du COG (cf. README du paquet)
CODES_POSTAUX_PKG = "codes-postaux"
CODES_POSTAUX_VERSION = "4.1.2"

COG_VINTAGE = "2026"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "resources" / "communes"
# Parents of the arrondissements municipaux; checked after the build.
PLM = {"75056": "75011", "69123": "69001", "13055": "13001"}


def npm_pack(package: str, version: str, dest: Path) -> Path:
    """Download ``package@version`` tarball into ``dest`` and return its path."""
    target = dest / package.replace("@", "").replace("/", "-")
    target.mkdir(parents=True)
    subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--pack-destination", str(target), "--silent"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (tgz,) = target.glob("*.tgz")
    return tgz


def read_member(tgz: Path, name: str) -> bytes:
    with tarfile.open(tgz, "r:gz") as tar:
        member = tar.extractfile(f"package/{name}")
        if member is None:
            raise FileNotFoundError(f"{name} not in {tgz.name}")
        return member.read()


def integrity(tgz: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(tgz.read_bytes()).digest()).decode()


def build(
    decoupage_tgz: Path, codes_postaux_tgz: Path
) -> tuple[list[list[str]], list[list[str]], dict[str, int]]:
    """Return (commune rows, département rows, counts for SOURCE.md)."""
    communes: list[dict[str, Any]] = json.loads(read_member(decoupage_tgz, "data/communes.json"))
    departements: list[dict[str, Any]] = json.loads(
        read_member(decoupage_tgz, "data/departements.json")
    )
    postal_rows: list[dict[str, str]] = json.loads(
        read_member(codes_postaux_tgz, "codes-postaux.json")
    )

    current = {c["code"]: c for c in communes if c["type"] == "commune-actuelle"}
    # Any other code (arrondissement municipal, commune déléguée/associée, former code)
    # → current commune.
    parent: dict[str, str] = {}
    for c in communes:
        if c["type"] == "arrondissement-municipal":
            parent[c["code"]] = c["commune"]
        elif c["type"] in ("commune-deleguee", "commune-associee"):
            parent.setdefault(c["code"], c["chefLieu"])
    for code, c in current.items():
        for old in c.get("anciensCodes", []):
            parent.setdefault(old, code)

    def resolve(code: str) -> str | None:
        for _ in range(3):
            if code in current:
                return code
            if code not in parent:
                return None
            code = parent[code]
        return None

    codes: dict[str, list[str]] = defaultdict(list)
    for code, c in current.items():
        codes[code].extend(c.get("codesPostaux", []))
    for c in communes:  # arrondissements municipaux' own codes, in case the parent lacks one
        if c["type"] == "arrondissement-municipal":
            codes[c["commune"]].extend(c.get("codesPostaux", []))
    la_poste_codes = {cp for cps in codes.values() for cp in cps}
    extra: dict[str, set[str]] = defaultdict(set)
    unresolved = set()
    for row in postal_rows:
        if row["codePostal"] in la_poste_codes:
            continue
        target = resolve(row["codeCommune"])
        if target is None:
            unresolved.add(row["codeCommune"])
        else:
            extra[target].add(row["codePostal"])
    if unresolved:
        print(
            f"warning: {len(unresolved)} INSEE codes of {CODES_POSTAUX_PKG} unknown: "
            f"{sorted(unresolved)[:10]}",
            file=sys.stderr,
        )

    rows: list[list[str]] = []
    all_codes: set[str] = set()
    for code in sorted(current):
        c = current[code]
        # La Poste codes first (their order: the first one labels the commune), then extras.
        cps = list(dict.fromkeys(codes[code]))
        cps += sorted(extra[code] - set(cps))
        all_codes.update(cps)
        pop = c.get("population")
        rows.append(
            [code, c["nom"], " ".join(cps), c["departement"], "" if pop is None else str(pop)]
        )

    dep_rows = [[d["code"], d["nom"]] for d in sorted(departements, key=lambda d: d["code"])]
    check(rows, dep_rows)
    stats = {"n_postal": len(all_codes), "n_extra": sum(len(v) for v in extra.values())}
    return rows, dep_rows, stats


def check(rows: list[list[str]], dep_rows: list[list[str]]) -> None:
    by_code = {r[0]: r for r in rows}
    assert len(rows) > 34_000, len(rows)
    for parent_code, cp in PLM.items():
        assert cp in by_code[parent_code][2].split(), (parent_code, cp)
    known = {d[0] for d in dep_rows}
    unknown = {r[3] for r in rows} - known
    assert not unknown, unknown
    assert all(";" not in r[1] and "\n" not in r[1] for r in rows)


def write_outputs(out: Path, rows: list[list[str]], dep_rows: list[list[str]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\n")
    writer.writerow(["insee", "nom", "codes_postaux", "departement", "population"])
    writer.writerows(rows)
    with (
        open(out / "communes.csv.gz", "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz,
    ):
        gz.write(text.getvalue().encode("utf-8"))
    with open(out / "departements.csv", "w", encoding="utf-8", newline="") as f:
        dep_writer = csv.writer(f, delimiter=";", lineterminator="\n")
        dep_writer.writerow(["code", "nom"])
        dep_writer.writerows(dep_rows)


SOURCE_TEMPLATE = """\
# Référentiel des communes — provenance

Fichiers générés par `scripts/build_communes.py` ; ne pas les modifier à la main.

| Fichier | Contenu |
|---|---|
| `communes.csv.gz` | CSV UTF-8 gzip, séparateur `;`, en-tête `insee;nom;codes_postaux;departement;population` — {n_communes} communes actuelles, {n_postal} codes postaux distincts |
| `departements.csv` | `code;nom` — {n_deps} départements et collectivités d'outre-mer |

## Sources

| Paquet npm | Version | Intégrité (sha512 de l'archive) |
|---|---|---|
| [`{dpkg}`](https://www.npmjs.com/package/{dpkg}) | {dver} | `{dint}` |
| [`{cpkg}`](https://www.npmjs.com/package/{cpkg}) | {cver} | `{cint}` |

* `{dpkg}` {dver} : **Code officiel géographique (COG) de l'INSEE, millésime {vintage}**
  (communes au 1er janvier {vintage}), populations légales INSEE
  (<https://www.insee.fr/fr/statistiques/8680726>), codes postaux issus de la base
  officielle des codes postaux de La Poste.
* `{cpkg}` {cver} : correspondance code postal → code INSEE construite à partir du COG et
  du fichier FIMOCT de la DGFiP (plus mis à jour depuis 2023). Sert seulement pour les
  codes postaux **totalement absents** de la liste La Poste ({n_extra} couples : codes
  militaires, CEDEX, anciens codes — ex. 29240 Brest, 74480 Passy) ; les codes INSEE
  périmés sont rattachés à la commune actuelle. Ses autres couples (rues en limite de
  commune desservies par le bureau voisin, ex. 13270 pour Arles) sont écartés : la liste
  La Poste fait foi.

## Règles de construction

* Seules les entrées de type `commune-actuelle` sont retenues.
* Les codes postaux des arrondissements municipaux sont rattachés à la commune :
  Paris 75056, Lyon 69123, Marseille 13055 ; ceux des communes déléguées ou associées et
  des anciens codes INSEE à leur commune de rattachement.
* Ordre des codes postaux : d'abord ceux de La Poste, dans leur ordre (le premier sert au
  libellé « Sète (34200) »), puis les compléments de `{cpkg}` triés.
* Population vide quand la source ne la fournit pas (TAAF, Clipperton).

## Licences

* Données : **Licence Ouverte / Open Licence (Etalab)** — déclarée dans le README de
  `{dpkg}` (« Données : Licence Ouverte ») ; la base des codes postaux de La Poste, jadis
  sous ODbL, est désormais publiée sous Licence Ouverte (même README).
* `{cpkg}` ne déclare pas de licence propre pour ses données (seulement MIT dans son
  `package.json`) ; il est construit à partir du COG INSEE et du FIMOCT DGFiP, publiés
  sur data.gouv.fr sous Licence Ouverte, et son README dit éviter la base La Poste pour ne
  pas relever de l'ODbL. Aucune donnée ODbL n'est donc reprise ici.
* Code des deux paquets : MIT (champ `license` de leur `package.json`) — aucun code n'est
  repris ici, seulement les données.

Attribution à mentionner : « Source : INSEE (Code officiel géographique {vintage},
populations légales), La Poste (base officielle des codes postaux), DGFiP ; via les
paquets {dpkg} {dver} et {cpkg} {cver} — Licence Ouverte. »
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="escale-communes-") as tmp:
        dtgz = npm_pack(DECOUPAGE_PKG, DECOUPAGE_VERSION, Path(tmp))
        ctgz = npm_pack(CODES_POSTAUX_PKG, CODES_POSTAUX_VERSION, Path(tmp))
        for tgz, version in ((dtgz, DECOUPAGE_VERSION), (ctgz, CODES_POSTAUX_VERSION)):
            meta = json.loads(read_member(tgz, "package.json"))
            assert meta["version"] == version, (tgz.name, meta["version"])
        rows, dep_rows, stats = build(dtgz, ctgz)
        write_outputs(args.out, rows, dep_rows)
        (args.out / "SOURCE.md").write_text(
            SOURCE_TEMPLATE.format(
                n_communes=len(rows),
                **stats,
                n_deps=len(dep_rows),
                vintage=COG_VINTAGE,
                dpkg=DECOUPAGE_PKG,
                dver=DECOUPAGE_VERSION,
                dint=integrity(dtgz),
                cpkg=CODES_POSTAUX_PKG,
                cver=CODES_POSTAUX_VERSION,
                cint=integrity(ctgz),
            ),
            encoding="utf-8",
        )
    size = (args.out / "communes.csv.gz").stat().st_size
    print(
        f"{len(rows)} communes, {stats['n_postal']} postal codes ({stats['n_extra']} pairs "
        f"from {CODES_POSTAUX_PKG}), {len(dep_rows)} départements, "
        f"communes.csv.gz = {size / 1024:.0f} KiB -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
