"""Fixtures of the planning tests (the world itself is in tests/planning_world.py, shared
with the UI tests)."""

from __future__ import annotations

import pytest
from planning_world import World, build_world


@pytest.fixture
def world(app, actor) -> World:  # type: ignore[no-untyped-def]
    return build_world(app, actor)
