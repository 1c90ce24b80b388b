"""Realistic, deterministic demo data: French people of the Cœur d'Hérault, their proche
aidants and the service's bénévoles (``escale demo``, ``escale --demo``, benchmarks).

Typical use::

    from desktop_app.demo import write_demo_database
    write_demo_database("demo.sqlite", people=300, seed=1)
"""

from desktop_app.demo.traits import REFERENCE_DATE
from desktop_app.demo.writer import MAX_PEOPLE, write_demo_database

__all__ = ["MAX_PEOPLE", "REFERENCE_DATE", "write_demo_database"]
