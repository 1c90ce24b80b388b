"""Escale application core: domain rules, services, reports and the command line.

Nothing in this package imports Qt; the desktop UI (``ui``) and the CLI both sit on it.
"""

__version__ = "0.1.0"
