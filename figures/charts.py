"""Bar charts drawn on the server as SVG (templates/figures/_components/bar_chart.html):
readable without JavaScript, one bar a row with its label above it. A hidden count is
drawn as a dashed outline of one fixed width labelled as in the table ("< 10",
"verborgen", "niet getoond"), never as a bar whose length would tell the true count."""

from dataclasses import dataclass

WIDTH = 320  # the viewBox's width; the SVG scales to its column
BAR_AREA = 250  # the longest bar; room after it for its number
ROW = 40
HIDDEN_WIDTH = 24


@dataclass
class Bar:
    label: str
    text: str
    shown: bool
    y: int
    width: int

    @property
    def label_y(self):
        return self.y + 13

    @property
    def bar_y(self):
        return self.y + 18

    @property
    def text_x(self):
        return self.width + 6

    @property
    def text_y(self):
        return self.y + 30


def bars(cells):
    longest = max((cell.count for cell in cells if cell.shown), default=0)
    drawn = []
    for row, cell in enumerate(cells):
        width = max(round(BAR_AREA * cell.count / (longest or 1)), 2) if cell.shown else HIDDEN_WIDTH
        drawn.append(Bar(str(cell.label), cell.text, cell.shown, row * ROW, width))
    return drawn


def height(cells):
    return len(cells) * ROW + 4
