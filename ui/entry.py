"""``escale`` console script: a sub-command runs headless (desktop_app.cli); no
sub-command opens the window. Qt is imported only in the second case."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from desktop_app import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.command is not None:
        return cli.run(args)
    from ui.app import run_gui

    return run_gui(db=args.db, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
