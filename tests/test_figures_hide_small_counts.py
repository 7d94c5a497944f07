"""Nothing under 10 is shown: a count of 0 to 9 reads "< 10"; every list's total counts
as known to the reader (shown, or "Afgerond" in the walks figure, or the check-ins), and
from the labels ("< 10" is 0 to 9, "verborgen" 10 or more, "niet getoond" anything) and
that total no hidden count can be worked out as one number, nor the hidden counts together
as a number under 10 (else every count of the list is hidden; where that still tells one,
or the total is 9 for every cell, every cell reads "niet getoond"), also by a reader who
knows this rule; a share or median only over 10 or more, on a shown count and
where it pins nothing; the CSV holds exactly what the page shows."""

import csv
import datetime
import io
import itertools
from functools import cache

import pytest
from django.utils import timezone

from figures import report
from figures.models import MonthlyCount
from tests.helpers import FIGURES_CSV_URL, FIGURES_URL, clinician_client, text_of

OPTIONS = {"afwachten": "Afwachten", "medicijnen": "Medicijnen", "curettage": "Curettage"}


def figure(counts, key):
    return next(item for item in report.build(counts, OPTIONS, 1) if item.key == key)


def texts(item):
    return [cell.text for cell in item.cells]


def test_counts_under_ten_read_less_than_ten():
    walks = figure({"walk-started": 9, "walk-completed": 10}, "walks")
    assert texts(walks) == ["< 10", "10"]
    empty = figure({}, "walks")
    assert texts(empty) == ["< 10", "< 10"]  # 0 too


def test_a_count_that_could_be_worked_out_hides_the_whole_list():
    # "30, 12, < 10" beside 45 would give the 3: every count is hidden, not only the 12,
    # for "verborgen" beside a shown 30 would tell it is at most 30.
    regret = figure({"regret:none": 30, "regret:mild": 12, "regret:moderate-to-strong": 3}, "regret")
    assert texts(regret) == ["verborgen", "verborgen", "< 10"]  # 30 and 12 are not under 10: "verborgen"
    assert regret.total.text == "45"
    # Two hidden, together 10 or more: neither can be worked out, nothing more is hidden.
    regret = figure({"regret:none": 30, "regret:mild": 6, "regret:moderate-to-strong": 5}, "regret")
    assert texts(regret) == ["30", "< 10", "< 10"]
    # The total hidden: no subtraction possible.
    regret = figure({"regret:none": 5}, "regret")
    assert regret.total.text == "< 10"


def test_hidden_counts_that_add_up_to_under_ten_hide_the_smallest_shown_one():
    # 30 and 35 shown would tell that 5 had some regret, in two groups: under 10.
    regret = figure({"regret:none": 30, "regret:mild": 2, "regret:moderate-to-strong": 3}, "regret")
    assert texts(regret) == ["verborgen", "< 10", "< 10"]
    assert regret.total.text == "35"
    # Every woman in one group: "12" beside a total of 12 would say each had no regret.
    regret = figure({"regret:none": 12}, "regret")
    assert texts(regret) == ["verborgen", "< 10", "< 10"]
    assert regret.total.text == "12"
    # The cross table is one list: its zeros beside 20 and 11 would add up to 0.
    leaning = figure({"leaning-decision:medicijnen:medicijnen": 20, "leaning-decision:none:curettage": 11}, "leaning")
    assert texts(leaning).count("< 10") == len(leaning.cells) - 2
    assert texts(leaning).count("verborgen") == 2
    assert leaning.total.text == "31"


def test_where_the_labels_and_the_known_total_would_tell_a_count_no_cell_says_more():
    # Completed 18, SURE 9 and 9: "< 10, < 10" beside "Afgerond 18" would pin both at 9,
    # hidden total or not.
    counts = {"walk-completed": 18, "sure-full": 9, "sure-not-full": 9}
    assert texts(figure(counts, "walks")) == ["< 10", "18"]
    sure = figure(counts, "sure")
    assert texts(sure) == ["niet getoond", "niet getoond"]
    assert sure.total.text == "verborgen"
    assert not pinned(texts(sure), 18)
    sure = figure({"walk-completed": 17, "sure-full": 9, "sure-not-full": 8}, "sure")
    assert texts(sure) == ["< 10", "< 10"]  # 8 to 9 and 8 to 9: neither pinned
    assert sure.total.text == "17"


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # "verborgen" (10 or more) and "< 10" beside a total of 10: 10 and 0.
        ([10, 0], ["niet getoond", "niet getoond"]),
        ([0, 10], ["niet getoond", "niet getoond"]),
        ([10, 0, 0], ["niet getoond"] * 3),
        ([10, 10, 0], ["niet getoond"] * 3),  # two "verborgen" beside 20: 10 each
        ([9, 9, 9], ["niet getoond"] * 3),
        # 10 to 12 and 0 to 2: nothing pinned, "< 10" stays.
        ([12, 0, 0], ["verborgen", "< 10", "< 10"]),
        ([20, 0], ["verborgen", "< 10"]),  # 11 to 20 and 0 to 9
    ],
)
def test_the_reviewers_cases(counts, expected):
    cells = [report.Cell(str(i), count) for i, count in enumerate(counts)]
    total = report.suppressed(cells)
    assert [cell.text for cell in cells] == expected
    assert total.shown == ("niet getoond" not in expected)
    assert not pinned([cell.text for cell in cells], sum(counts))


def median_at(counts):
    whole, seen = sum(counts), 0
    for i, count in enumerate(counts):
        seen += count
        if seen * 2 >= whole:
            return i
    return None


@cache
def possible(texts, total, median=None):
    """What a reader can tell from the texts of a list and its total (known when 10 or
    more, else only that it is under 10), and the median's cell if one is named, by trying
    every list of counts: the values each cell can have, and the sums the hidden ones can
    have."""
    totals = [total] if total >= report.SMALL else range(report.SMALL)
    top = max(totals)
    choices = []
    for text in texts:
        if text == "< 10":
            choices.append(range(min(report.SMALL, top + 1)))
        elif text == "verborgen":
            choices.append(range(report.SMALL, top + 1))
        elif text == "niet getoond":
            choices.append(range(top + 1))
        else:
            choices.append([int(text)])
    values = [set() for _text in texts]
    hidden_sums = set()
    for first in itertools.product(*choices[:-1]):
        for whole in totals:
            last = whole - sum(first)
            if last in choices[-1] and (median is None or median_at((*first, last)) == median):
                for i, value in enumerate((*first, last)):
                    values[i].add(value)
                hidden_sums.add(sum(v for v, t in zip((*first, last), texts, strict=True) if not t.isdigit()))
    return values, hidden_sums


def pinned(texts, total, median=None):
    values, hidden_sums = possible(tuple(texts), total, median)
    hidden = [i for i, text in enumerate(texts) if not text.isdigit()]
    if any(len(values[i]) < 2 for i in hidden):
        return True
    some_shown = len(hidden) < len(texts)
    return bool(hidden) and some_shown and len(hidden_sums) == 1 and min(hidden_sums) < report.SMALL


@pytest.mark.parametrize(
    "lists",
    [
        itertools.product(range(26), repeat=2),
        itertools.product(range(26), repeat=3),
        itertools.product(range(13), repeat=4),
    ],
    ids=["2 counts 0-25", "3 counts 0-25", "4 counts 0-12"],
)
def test_no_list_of_small_counts_lets_a_hidden_count_be_worked_out(lists):
    for counts in lists:
        cells = [report.Cell(str(i), count) for i, count in enumerate(counts)]
        total = report.suppressed(cells)
        shown = [cell.text for cell in cells]
        assert all(cell.count >= report.SMALL for cell in cells if cell.shown), counts
        assert all(cell.count < report.SMALL for cell in cells if cell.text == "< 10"), counts
        assert all(cell.count >= report.SMALL for cell in cells if cell.text == "verborgen"), counts
        assert not pinned(shown, total.count), (counts, shown)
        # A median shown as report.build shows it, over the cells as time bins in order.
        median = report.median_cell(cells)
        if median is not None and median.shown and total.shown and not report.pinned(cells, total.count, median):
            assert not pinned(shown, total.count, cells.index(median)), (counts, shown)
        # "< 10" wherever it pins nothing: "niet getoond" only where the labels pinned.
        if "niet getoond" in shown:
            plain = [report.HIDDEN if count < report.SMALL else "verborgen" for count in counts]
            assert pinned(plain, total.count) or total.count == 9 * len(counts), counts
            assert not total.shown


def test_shares_and_medians_only_over_ten_on_a_shown_count():
    sure = figure({"sure-full": 14, "sure-not-full": 11}, "sure")
    assert dict(sure.lines)["Aandeel met vier keer ja"] == "56%"
    sure = figure({"sure-full": 14, "sure-not-full": 5}, "sure")
    assert texts(sure) == ["verborgen", "< 10"]  # 5 hidden would be 19 - 14: the 14 is hidden too
    assert dict(sure.lines)["Aandeel met vier keer ja"] == report.NOT_SHOWN
    minutes = figure(
        {
            "minutes-to-complete:0": 3,
            "minutes-to-complete:10": 4,
            "minutes-to-complete:15": 12,
            "minutes-to-complete:20": 10,
            "minutes-to-complete:30": 5,
        },
        "minutes",
    )
    assert dict(minutes.lines)["Mediaan"] == "15–20 min"
    # 12 and 10 alone: the 10 is hidden, "verborgen" beside 22 would be 10 (the rest 0),
    # so the 12 is hidden too, and the median with it.
    minutes = figure({"minutes-to-complete:15": 12, "minutes-to-complete:20": 10}, "minutes")
    assert texts(minutes)[2:4] == ["verborgen", "verborgen"]
    assert dict(minutes.lines)["Mediaan"] == report.NOT_SHOWN
    # 10, 10 and 1: the 1 would be 21 - 20, so every count is hidden, and the median
    # (which would tell how many come before its bin) with them.
    minutes = figure(
        {"minutes-to-complete:0": 10, "minutes-to-complete:10": 10, "minutes-to-complete:15": 1}, "minutes"
    )
    assert texts(minutes)[:2] == ["verborgen", "verborgen"]
    assert dict(minutes.lines)["Mediaan"] == report.NOT_SHOWN
    minutes = figure({"minutes-to-complete:15": 5, "minutes-to-complete:20": 4}, "minutes")
    assert dict(minutes.lines)["Mediaan"] == report.NOT_SHOWN


def test_the_cross_table_of_leaning_and_decision():
    leaning = figure(
        {
            "leaning-decision:medicijnen:medicijnen": 20,
            "leaning-decision:none:curettage": 11,
            "leaning-decision:afwachten:afwachten": 10,
        },
        "leaning",
    )
    rows = {label: [cell.text for cell in cells] for label, cells in leaning.rows}
    # The zeros hidden beside 20, 11 and 10 would add up to 0 with the total of 41: every
    # count of the table is hidden.
    assert rows["Medicijnen"] == ["< 10", "verborgen", "< 10"]
    assert rows["niet gezegd"] == ["< 10", "< 10", "verborgen"]
    assert rows["Afwachten"] == ["verborgen", "< 10", "< 10"]
    assert leaning.total.text == "41"
    assert leaning.columns == ["Afwachten", "Medicijnen", "Curettage"]


def test_the_csv_holds_what_the_page_shows(factory_aids, noord):
    month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    for name, count in {
        "walk-started": 12,
        "walk-completed": 7,
        "regret:none": 30,
        "regret:mild": 12,
        "regret:moderate-to-strong": 3,
    }.items():
        MonthlyCount.objects.create(hospital=noord, month=month, name=name, count=count)
    client = clinician_client(hospitals=[noord])
    page = text_of(client.get(FIGURES_URL))
    response = client.get(FIGURES_CSV_URL)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("\ufeff")  # a spreadsheet set to Dutch reads it as UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == ["maand", "ziekenhuis", "cijfer", "onderdeel", "aantal"]
    values = {(row[2], row[3]): row[4] for row in rows[1:]}
    assert values[("Keuzehulp gestart en afgerond", "Gestart")] == "12"
    assert values[("Keuzehulp gestart en afgerond", "Afgerond")] == "< 10"
    regret = "Spijt bij de terugblik (Decision Regret Scale)"
    assert [
        values[(regret, label)]
        for label in ("geen spijt (0)", "lichte spijt (5–25)", "matige tot sterke spijt (30–100)")
    ] == ["verborgen", "verborgen", "< 10"]
    assert {row[0] for row in rows[1:]} == {f"{month:%Y-%m}"}
    assert {row[1] for row in rows[1:]} == {"Ziekenhuis Noord"}
    # No number in the CSV that the page does not show.
    for value in values.values():
        assert value in page
    assert "7" not in [value for value in values.values()]


def test_the_check_ins_line_tells_no_number_under_ten_of_check_ins_without_a_score():
    bands = {"regret:none": 9, "regret:mild": 9, "regret:moderate-to-strong": 9}
    regret = figure({**bands, "check-in": 30}, "regret")
    assert texts(regret) == ["niet getoond"] * 3
    assert regret.total.text == "verborgen"
    # 30 beside the 27 scored (known, hidden or not) would be 3 without a score.
    assert dict(regret.lines)["Terugblikken in totaal"] == "verborgen"
    regret = figure({"regret:none": 30, "regret:mild": 12, "check-in": 42}, "regret")
    assert dict(regret.lines)["Terugblikken in totaal"] == "verborgen"  # 0 without a score
    regret = figure({"regret:none": 30, "regret:mild": 12, "check-in": 52}, "regret")
    assert dict(regret.lines)["Terugblikken in totaal"] == "52"
    regret = figure({"regret:none": 5, "check-in": 12}, "regret")
    assert dict(regret.lines)["Terugblikken in totaal"] == "12"  # scored: only "< 10" known


@pytest.mark.parametrize(("size", "top"), [(2, 40), (3, 28)])
def test_a_reader_who_knows_the_rule_works_out_no_hidden_count(size, top):
    """The page says the rule. Group every list by what the page shows and its total
    (known to the reader: "Afgerond"): a hidden count that is the same in every list of
    its group, or hidden counts that add up to the same number under 10 in all of them,
    could be worked out."""
    groups = {}
    for counts in itertools.product(range(top), repeat=size):
        if sum(counts) >= top:  # its group would not be complete
            continue
        cells = [report.Cell(str(i), count) for i, count in enumerate(counts)]
        report.suppressed(cells)
        texts = tuple(cell.text for cell in cells)
        known = sum(counts) if sum(counts) >= report.SMALL else "< 10"
        groups.setdefault((texts, known), []).append(counts)
    for (texts, _known), group in groups.items():
        hidden = [i for i, text in enumerate(texts) if not text.isdigit()]
        for i in hidden:
            assert len({counts[i] for counts in group}) > 1, (texts, group)
        sums = {sum(counts[i] for i in hidden) for counts in group}
        if hidden and len(hidden) < len(texts):
            assert not (len(sums) == 1 and min(sums) < report.SMALL), (texts, group)
