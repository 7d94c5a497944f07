"""Icon arrays: 100 small figures, of which the affected women are coloured.

One SVG per array. The figure is drawn once per colour as an SVG pattern, and each group
(affected, perhaps affected for a range, not affected) is a few rectangles filled with
it: WeasyPrint draws a pattern once, where 100 separate figures per array cost it about
30 ms each array, and the browser page stays small.
"""

from functools import lru_cache

COLUMNS = 10
CELL = 10  # viewBox units per figure

# A head (an octagon: at this size it reads as a circle) and a body, in straight lines.
FIGURE = (
    "M4.4,0.6l1.2,0 l0.85,0.85 l0,1.2 l-0.85,0.85 l-1.2,0 l-0.85,-0.85 l0,-1.2 z"
    "M2.5,9.4l0,-3 l0.9,-1.3 l3.2,0 l0.9,1.3 l0,3 z"
)

COLOURS = {
    "affected": {"fill": "#8f1d4e", "stroke": "none"},
    "perhaps": {"fill": "#e5a6c1", "stroke": "#8f1d4e"},
    "unaffected": {"fill": "#cfd2d8", "stroke": "none"},
}


def cell_rectangles(start, end):
    """Rectangles (x, y, width, height) covering grid cells start..end-1, row by row."""
    rectangles = []
    index = start
    while index < end:
        row, column = divmod(index, COLUMNS)
        if column == 0 and end - index >= COLUMNS:
            rows = (end - index) // COLUMNS
            rectangles.append((0, row * CELL, COLUMNS * CELL, rows * CELL))
            index += rows * COLUMNS
        else:
            width = min(COLUMNS - column, end - index)
            rectangles.append((column * CELL, row * CELL, width * CELL, CELL))
            index += width
    return rectangles


@lru_cache(maxsize=256)
def icon_array(low, high, denominator=100):
    """The groups of `low` (to `high`) affected out of `denominator`, as rectangles."""
    bounds = {"affected": (0, low), "perhaps": (low, high), "unaffected": (high, denominator)}
    groups = [
        {"name": name, "rectangles": cell_rectangles(start, end), **COLOURS[name]}
        for name, (start, end) in bounds.items()
        if end > start
    ]
    return {"groups": groups, "width": COLUMNS * CELL, "height": -(-denominator // COLUMNS) * CELL}
