"""Small-count suppression: primary (« < 5 »), secondary (« masqué ») and masked totals."""

from __future__ import annotations

from desktop_app.bilans import suppress


def test_counts_below_the_threshold_are_masked_and_zero_is_kept() -> None:
    assert suppress.breakdown([7, 3, 1, 0], 11, 5) == ([7, "< 5", "< 5", 0], 11)


def test_a_single_masked_cell_masks_the_next_smallest() -> None:
    cells, total = suppress.breakdown([12, 2, 30, 8], 52, 5)
    assert cells == [12, "< 5", 30, "masqué"] and total == 52


def test_nothing_can_be_recomputed_from_the_total() -> None:
    for counts in ([1, 11], [4, 9, 20], [3, 0, 40], [6, 2, 6]):
        cells, total = suppress.breakdown(counts, sum(counts), 5)
        hidden = [c for c in cells if isinstance(c, str)]
        assert len(hidden) != 1, (counts, cells)
        assert total == sum(counts)


def test_a_small_total_masks_every_cell() -> None:
    assert suppress.breakdown([3, 1, 0], 4, 5) == (["< 5", "< 5", 0], "< 5")


def test_the_threshold_follows_the_setting() -> None:
    assert suppress.breakdown([9, 12, 30], 51, 10) == (["< 10", "masqué", 30], 51)
    assert suppress.cell(4, 3) == 4 and suppress.cell(2, 3) == "< 3"


def test_threshold_setting_changes_the_bilan(app, actor, bilans, fixture_ids) -> None:  # type: ignore[no-untyped-def]
    import json

    from desktop_app.bilans import json_out
    from desktop_app.bilans.service import period_of

    app.settings.set(actor, "bilan.seuil_petits_effectifs", 3)
    data = json.loads(json_out.dumps(bilans.compute(actor, period_of(2025), bilans.scope(actor, None))))
    sexe = next(t for t in data["sections"][0]["tableaux"] if t["cle"] == "sexe")
    assert [r[1] for r in sexe["lignes"]] == [7, "masqué", "< 3"]  # 1 masked, so the 4 too and data["seuil_petits_effectifs"] == 3
