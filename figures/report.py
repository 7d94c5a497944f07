"""The month's counts read as figures for the page and the CSV, with the rules that keep
her out of them (docs/decisions/0015-hospital-figures.md): every count under 10 shows as
"< 10" (0 too); in a list whose total is shown, the hidden counts together are 10 or
more, or the smallest shown count is hidden too (so that no number under 10 can be worked
out by subtraction, nor that every woman fell into one group); a share or median is shown only
over at least 10 women and when the count it rests on is shown. The page and the CSV
read the same figures, so the CSV holds only what the page shows."""

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


@dataclass
class Cell:
    label: str
    count: int
    shown: bool = True

    @property
    def text(self):
        if self.shown:
            return str(self.count)
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


def suppressed(cells, with_total=True):
    """Counts under 10 hidden. With the total shown, the total minus the shown counts is
    a number anyone can work out: while it is under 10 (one woman hidden, or none, so
    that everyone is in the shown counts), the smallest shown count is hidden too.
    Returns the total as a cell (shown or not)."""
    for cell in cells:
        cell.shown = cell.count >= SMALL
    total = Cell(_("Totaal"), sum(cell.count for cell in cells))
    total.shown = with_total and total.count >= SMALL
    while total.shown:
        hidden = sum(cell.count for cell in cells if not cell.shown)
        visible = [cell for cell in cells if cell.shown]
        if hidden >= SMALL or not visible:
            break
        min(visible, key=lambda cell: cell.count).shown = False
    # Hidden counts of 9 each at most, adding up to 9 each: every one of them is 9.
    small = [cell for cell in cells if not cell.shown]
    if small and all(cell.count < SMALL for cell in small) and sum(c.count for c in small) == (SMALL - 1) * len(small):
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
    figures.append(
        Figure(
            "minutes",
            _("Tijd van start tot samenvatting"),
            minutes,
            total,
            [(_("Mediaan"), median.label if median and median.shown and total.shown else NOT_SHOWN)],
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
    # Check-ins minus the scored ones (the bands' total) must not be a number under 10.
    unscored = check_ins.count - total.count
    check_ins.shown = check_ins.count >= SMALL and (unscored == 0 or unscored >= SMALL or not total.shown)
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
