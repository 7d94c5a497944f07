"""An icon array covers every one of the 100 cells exactly once, in reading order."""

import pytest

from options.icon_arrays import cell_rectangles, icon_array


def covered_cells(rectangles):
    return sorted(
        (y // 10) * 10 + x // 10
        for left, top, width, height in rectangles
        for x in range(left, left + width, 10)
        for y in range(top, top + height, 10)
    )


@pytest.mark.parametrize(("low", "high"), [(0, 0), (1, 2), (15, 15), (70, 70), (85, 85), (10, 15), (100, 100)])
def test_the_groups_cover_each_cell_once(low, high):
    groups = {g["name"]: covered_cells(g["rectangles"]) for g in icon_array(low, high)["groups"]}
    assert groups.get("affected", []) == list(range(low))
    assert groups.get("perhaps", []) == list(range(low, high))
    assert groups.get("unaffected", []) == list(range(high, 100))


def test_a_group_is_a_few_rectangles_not_a_hundred_figures():
    assert cell_rectangles(5, 87) == [(50, 0, 50, 10), (0, 10, 100, 70), (0, 80, 70, 10)]
