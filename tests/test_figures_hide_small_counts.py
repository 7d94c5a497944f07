"""Nothing under 10 is shown: a count of 0 to 9 reads "< 10"; in a list with its total
shown, the hidden counts together are 10 or more (else the smallest shown one is hidden
too: nothing under 10 can be worked out, nor that every woman is in one group); a share
or median only over 10
or more and on a shown count; the CSV holds exactly what the page shows."""

import csv
import datetime
import io

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


def test_one_hidden_count_hides_the_next_smallest():
    regret = figure({"regret:none": 30, "regret:mild": 12, "regret:moderate-to-strong": 3}, "regret")
    assert texts(regret) == ["30", "verborgen", "< 10"]  # 12 is not under 10: it is hidden, not "< 10"
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
    # Hiding stops as soon as the hidden counts together are 10 or more.
    leaning = figure({"leaning-decision:medicijnen:medicijnen": 20, "leaning-decision:none:curettage": 11}, "leaning")
    assert texts(leaning).count("< 10") == len(leaning.cells) - 2
    assert texts(leaning).count("verborgen") == 1  # the 11; the 20 stays
    assert "20" in texts(leaning)
    assert leaning.total.text == "31"


def test_hidden_counts_of_nine_each_that_add_up_to_nine_each_hide_the_total():
    sure = figure({"sure-full": 9, "sure-not-full": 9}, "sure")
    assert texts(sure) == ["< 10", "< 10"]
    assert sure.total.text == "verborgen"  # 18 would tell that both are 9
    sure = figure({"sure-full": 9, "sure-not-full": 8}, "sure")
    assert sure.total.text == "17"


def test_shares_and_medians_only_over_ten_on_a_shown_count():
    sure = figure({"sure-full": 14, "sure-not-full": 11}, "sure")
    assert dict(sure.lines)["Aandeel met vier keer ja"] == "56%"
    sure = figure({"sure-full": 14, "sure-not-full": 4}, "sure")
    assert texts(sure) == ["verborgen", "< 10"]  # 4 hidden would be 18 - 14: the 14 is hidden too
    assert dict(sure.lines)["Aandeel met vier keer ja"] == report.NOT_SHOWN
    minutes = figure({"minutes-to-complete:15": 12, "minutes-to-complete:20": 10}, "minutes")
    assert dict(minutes.lines)["Mediaan"] == "15–20 min"
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
    assert rows["Medicijnen"] == ["< 10", "20", "< 10"]
    assert rows["niet gezegd"] == ["< 10", "< 10", "11"]
    assert rows["Afwachten"] == ["verborgen", "< 10", "< 10"]  # the others hidden add up to 0
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
    ] == ["30", "verborgen", "< 10"]
    assert {row[0] for row in rows[1:]} == {f"{month:%Y-%m}"}
    assert {row[1] for row in rows[1:]} == {"Ziekenhuis Noord"}
    # No number in the CSV that the page does not show.
    for value in values.values():
        assert value in page
    assert "7" not in [value for value in values.values()]
