"""The month's counts read as figures for the page and the CSV, with the rules that keep
her out of them (docs/decisions/0015-hospital-figures.md): every count under 10 shows as
"< 10" (0 too); every list's total counts as known to the reader (shown, or to be had
from another figure), and if anyone could work out from it a hidden count as one number,
or the hidden counts together as a number under 10, every count of the list is hidden
(so that no number under 10 can be worked out by subtraction, nor that every woman fell
into one group); if a count is still pinned, or the total is 9 for every cell, every
cell reads "niet getoond". A share or median is shown only over at least 10 women, when the count it rests
on is shown and when it pins no hidden count. The page and the CSV
read the same figures, so the CSV holds only what the page shows."""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from answers.models import UNSURE

from . import names
from .models import MonthlyCount

SMALL = 10  # a count under this shows as "< 10"
HIDDEN = "< 10"
# A count of 10 or more, hidden so that a smaller one cannot be worked out: "< 10" would
# not be true of it.
PROTECTING = _("verborgen")
# Hidden, whatever its size: every cell of a list where the labels above would tell a count.
VAGUE = _("niet getoond")


@dataclass
class Cell:
    label: str
    count: int
    shown: bool = True
    # Hidden and saying nothing of its size: where "< 10" and "verborgen" beside the
    # known total would tell a count.
    vague: bool = False

    @property
    def text(self):
        if self.shown:
            return str(self.count)
        if self.vague:
            return str(VAGUE)
        return HIDDEN if self.count < SMALL else str(PROTECTING)


@dataclass
class Figure:
    key: str  # for the page's ids and the CSV
    title: str
    cells: list
    total: Cell | None = None
    # Lines under the chart and in the CSV: (label, text) — a share, a median.
    lines: list = field(default_factory=list)
    # A cross table: the column labels and the rows (label, cells); `cells` holds the
    # same cells in reading order, for the chart and the CSV.
    columns: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    note: str = ""  # what the figure counts, under its heading


def counts_for(month, hospital_id):
    """{name: count} of one month and one hospital (None: "no hospital"), in one query."""
    rows = MonthlyCount.objects.filter(month=month, hospital_id=hospital_id)
    return dict(rows.values_list("name", "count"))


def bounds(cell):
    """What the reader can tell of a cell from what it reads: a shown count exactly, "< 10"
    0 to 9, "verborgen" 10 or more, "niet getoond" nothing."""
    if cell.shown:
        return cell.count, cell.count
    if cell.vague:
        return 0, math.inf
    return (0, SMALL - 1) if cell.count < SMALL else (SMALL, math.inf)


def known_total(total):
    """The total as the reader knows it, shown here or not: the totals of the minutes,
    SURE and knowledge lists are "Afgerond" in the walks figure, the regret list's is
    bounded by the check-ins, and any total may come out of another figure some day. So
    it counts as known; only under 10 it reads "< 10" everywhere, so all one knows then
    is that it lies from 0 to 9."""
    return (total, total) if total >= SMALL else (0, SMALL - 1)


def ranges(boxes, total):
    """For counts, each somewhere in its (lowest, highest) box, that add up to somewhere
    in `total` (lowest, highest): the lowest and highest each one can be."""
    found = []
    for i, (low, high) in enumerate(boxes):
        others = [box for j, box in enumerate(boxes) if j != i]
        found.append(
            (max(low, total[0] - sum(box[1] for box in others)), min(high, total[1] - sum(box[0] for box in others)))
        )
    return found


def pinned(cells, total, median=None):
    """Whether a reader, from what the cells read and the total (known_total), can work
    out a hidden count as one number (its lowest and highest the same), or the hidden
    counts together as a number under 10. `median`: the shown cell said to hold the
    median, which tells that fewer than half come before it and half or more up to
    and with it: the hidden counts before it and those after it are two groups."""
    total = known_total(total)
    hidden = [i for i, cell in enumerate(cells) if not cell.shown]
    shown = sum(cell.count for cell in cells if cell.shown)
    rest = (total[0] - shown, total[1] - shown)
    groups = [(hidden, rest)]
    if median is not None:  # shown only over a total of 10 or more: total[0] == total[1]
        at = cells.index(median)
        before = [i for i in hidden if i < at]
        after = [i for i in hidden if i > at]
        shown_before = sum(cell.count for cell in cells[:at] if cell.shown)
        after_low = sum(bounds(cells[i])[0] for i in after)
        after_high = sum(bounds(cells[i])[1] for i in after)
        low = max(
            sum(bounds(cells[i])[0] for i in before),
            -(-total[0] // 2) - shown_before - median.count,
            rest[0] - after_high,
        )
        high = min(sum(bounds(cells[i])[1] for i in before), (total[1] - 1) // 2 - shown_before, rest[1] - after_low)
        groups = [(before, (low, high)), (after, (rest[0] - high, rest[1] - low))]
    for group, (low, high) in groups:
        if not group:
            continue
        if low == high and low < SMALL:
            return True
        if any(lowest == highest for lowest, highest in ranges([bounds(cells[i]) for i in group], (low, high))):
            return True
    return False


def suppressed(cells):
    """Counts under 10 hidden; then, since the reader knows the total (known_total), if
    anyone could work out a hidden count to one number or the hidden counts together as a
    number under 10, every count of the list is hidden. Not one more at a time: the page
    says the rule, and "the smallest shown count is hidden too" would tell that a
    "verborgen" is no larger than the smallest count still shown. If a count is still
    pinned (counts of 10 and 0), or the total is 9 for every cell (where counts of 9
    each would be pinned: decided by the total and the number of cells alone, so that it
    does not tell "9 each"), no cell says more than "niet getoond" and the total is hidden
    too. Returns the total as a cell."""
    for cell in cells:
        cell.shown = cell.count >= SMALL
        cell.vague = False
    total = Cell(_("Totaal"), sum(cell.count for cell in cells))
    total.shown = total.count >= SMALL
    if pinned(cells, total.count):
        for cell in cells:
            cell.shown = False
    if pinned(cells, total.count) or total.count == (SMALL - 1) * len(cells):
        for cell in cells:
            cell.shown, cell.vague = False, True
        total.shown = False
    return total


def share(part, whole):
    """A percentage, or None: over fewer than 10, or resting on a hidden count."""
    if whole.count < SMALL or not whole.shown or not part.shown:
        return None
    return round(100 * part.count / whole.count)


NOT_SHOWN = _("niet getoond (te weinig vrouwen)")


def build(counts, option_names, knowledge_questions):
    """The figures of a month from its counts; `option_names` {key: name} in the page's
    language and the number of knowledge questions, from the published content (a key no
    longer in it shows as itself)."""

    def name_of(key):
        return option_names.get(key, key)

    figures = []

    started = Cell(_("Gestart"), counts.get(names.WALK_STARTED, 0))
    completed = Cell(_("Afgerond"), counts.get(names.WALK_COMPLETED, 0))
    # Not a split of one total (a walk may end in a later month than it started).
    for cell in (started, completed):
        cell.shown = cell.count >= SMALL
    figures.append(Figure("walks", _("Keuzehulp gestart en afgerond"), [started, completed]))

    minutes = [Cell(label, counts.get(f"{names.MINUTES}:{bound}", 0)) for bound, label in names.MINUTE_BINS]
    total = suppressed(minutes)
    median = median_cell(minutes)
    # Its bin tells how many come before it, roughly: not shown where that pins a count.
    if median is not None and not (median.shown and total.shown and not pinned(minutes, total.count, median)):
        median = None
    figures.append(
        Figure(
            "minutes",
            _("Tijd van start tot samenvatting"),
            minutes,
            total,
            [(_("Mediaan"), NOT_SHOWN if median is None else median.label)],
        )
    )

    sure = [
        Cell(_("Vier keer ja"), counts.get(names.SURE_FULL, 0)),
        Cell(_("Minder of niet alles beantwoord"), counts.get(names.SURE_NOT_FULL, 0)),
    ]
    total = suppressed(sure)
    percent = share(sure[0], total)
    figures.append(
        Figure(
            "sure",
            _("Zeker van de keuze aan het eind (SURE-test)"),
            sure,
            total,
            [(_("Aandeel met vier keer ja"), NOT_SHOWN if percent is None else f"{percent}%")],
        )
    )

    figures.append(knowledge_figure(counts, knowledge_questions))

    # The content's options, then any key counted under a name no longer in it.
    counted = {
        key
        for name in counts
        if name.startswith((names.LEANING_DECISION + ":", names.SWITCHED + ":"))
        for key in name.split(":")[-2 if name.startswith(names.SWITCHED) else -1 :]
    }
    options = list(option_names) + sorted(counted - set(option_names))
    leanings = [(key, name_of(key)) for key in option_names] + [
        (UNSURE, _("nog niet zeker")),
        (names.NONE, _("niet gezegd")),
    ]
    rows = [
        (
            label,
            [
                Cell(f"{label} → {name_of(option)}", counts.get(names.leaning_decision(key, option), 0))
                for option in options
            ],
        )
        for key, label in leanings
    ]
    cells = [cell for _label, row in rows for cell in row]
    total = suppressed(cells)
    figures.append(
        Figure(
            "leaning",
            _("Voorkeur aan het eind tegenover het besluit"),
            cells,
            total,
            columns=[name_of(option) for option in options],
            rows=rows,
            note=_(
                "Rijen: haar voorkeur aan het eind van de keuzehulp. Kolommen: het eerste besluit dat zij na het "
                "gesprek vastlegde. Een later ander besluit telt bij het overstappen."
            ),
        )
    )

    switches = [
        Cell(f"{name_of(a)} → {name_of(b)}", counts.get(names.switched(a, b), 0))
        for a in options
        for b in options
        if a != b
    ]
    total = suppressed(switches)
    figures.append(
        Figure(
            "switched",
            _("Overgestapt naar een andere behandeling"),
            switches,
            total,
            note=_("Van → naar: een later ander besluit, of een overstap die zij bij de terugblik noemde."),
        )
    )

    bands = [Cell(label, counts.get(f"{names.REGRET}:{band}", 0)) for band, label in names.REGRET_BANDS]
    total = suppressed(bands)
    check_ins = Cell(_("Terugblikken in totaal"), counts.get(names.CHECK_IN, 0))
    # Check-ins minus the scored ones (the bands' total, known to the reader when 10 or
    # more, shown or not: known_total) must not be a number under 10, 0 included (that
    # every woman who looked back gave a score).
    unscored = check_ins.count - total.count
    check_ins.shown = check_ins.count >= SMALL and (total.count < SMALL or unscored >= SMALL)
    figures.append(
        Figure(
            "regret",
            _("Spijt bij de terugblik (Decision Regret Scale)"),
            bands,
            total,
            [(check_ins.label, check_ins.text)],
            note=_("Alleen terugblikken waarin alle vijf zinnen zijn beantwoord krijgen een score (0 tot 100)."),
        )
    )
    return figures


def knowledge_figure(counts, questions):
    """Right answers out of the questions of the content she answered in; a bin for every
    score from 0 up, so that a missing one does not tell that it is 0."""
    prefix = f"{names.KNOWLEDGE}:"
    totals = {int(name.rsplit("-of-", 1)[1]) for name in counts if name.startswith(prefix) and "-of-" in name}
    keys = [f"{right}-of-{of}" for of in sorted(totals | {questions}) for right in range(of + 1)]
    cells = []
    for key in keys:
        right, of = key.split("-of-")
        cells.append(
            Cell(_("%(right)s van de %(total)s goed") % {"right": right, "total": of}, counts.get(prefix + key, 0))
        )
    cells.append(Cell(_("geen vraag beantwoord"), counts.get(prefix + names.UNANSWERED, 0)))
    total = suppressed(cells)
    return Figure("knowledge", _("Kennisvragen goed beantwoord"), cells, total)


def median_cell(cells):
    """The bin in which the middle walk falls (the bins in order of time)."""
    total = sum(cell.count for cell in cells)
    if not total:
        return None
    seen = 0
    for cell in cells:
        seen += cell.count
        if seen * 2 >= total:
            return cell
    return None
