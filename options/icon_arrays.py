"""Icon arrays: 100 small figures, of which the affected women are coloured.

One SVG with three paths per array (affected, perhaps affected for a range, not
affected): WeasyPrint draws 100 separate SVGs at about 75 ms each, one path per group in
a few milliseconds, and the browser page stays small.
"""

from functools import lru_cache

COLUMNS = 10
CELL = 10  # viewBox units per figure


def figure(index):
    """The path of one figure (a head and a body) in its grid cell."""
    x = (index % COLUMNS) * CELL
    y = (index // COLUMNS) * CELL
    head = f"M{x + 3.4},{y + 2.6}a1.6,1.6 0 1,0 3.2,0a1.6,1.6 0 1,0 -3.2,0Z"
    body = f"M{x + 2.6},{y + 9.2}v-3.4q0,-1.6 1.6,-1.6h1.6q1.6,0 1.6,1.6v3.4Z"
    return head + body


@lru_cache(maxsize=256)
def icon_array(low, high, denominator=100):
    """The three paths for `low` (to `high`) affected out of `denominator`."""
    return {
        "affected": "".join(figure(i) for i in range(low)),
        "perhaps": "".join(figure(i) for i in range(low, high)),
        "unaffected": "".join(figure(i) for i in range(high, denominator)),
        "height": -(-denominator // COLUMNS) * CELL,
        "width": COLUMNS * CELL,
    }
