from __future__ import annotations

import pytest

from desktop_app.bilans.service import BilanService


@pytest.fixture
def fixture_ids(app):  # type: ignore[no-untyped-def]
    from bilan_fixture import build

    return build(app)


@pytest.fixture
def bilans(app) -> BilanService:  # type: ignore[no-untyped-def]
    return BilanService(app.db, app.settings, app.tournees.figures)
