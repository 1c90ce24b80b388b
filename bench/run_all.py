"""Run every ``bench_*.py`` of this folder in turn, each in its own Python process.

    python bench/run_all.py [arguments passed to every bench, e.g. --people 20000]

Exit code: 0 when every bench ran to the end, else 1 (a bench decides itself whether a
missed target is an error, e.g. with --strict).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benches(folder: Path = HERE) -> list[Path]:
    return sorted(folder.glob("bench_*.py"))


def main(argv: Sequence[str] | None = None) -> int:
    extra = list(sys.argv[1:] if argv is None else argv)
    failed: list[str] = []
    for script in benches():
        print(f"=== {script.name} {' '.join(extra)}".rstrip(), flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(script), *extra], cwd=HERE.parent)
        print(f"=== {script.name}: exit {code}, {time.perf_counter() - start:.0f} s\n", flush=True)
        if code != 0:
            failed.append(script.name)
    if failed:
        print(f"Failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
