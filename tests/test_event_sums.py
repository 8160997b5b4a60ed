"""Reported totals beside what the events counted in their span add up to."""
import pandas as pd

from pipeline.reconcile import reconcile
from pipeline.reconcile.event_sums import figure_sums, monthly_sums
from pipeline.reconcile.events import reconcile_events
from pipeline.reconcile.sources import SourceBook
from reconcile_rules import tables

BASE = dict(metric="killed", population="civilians", stance="asserted", hedge=None, extra=0, qualifier="exact",
            attributed_to=None, publisher="Outlet A", adm1="Idleb", period_start=None)


def _incident(date, value, place="Saraqib", adm1="Idleb", population="civilians"):
    return dict(BASE, date=date, event_date=date, value=value, place=place, adm1=adm1, population=population,
                count_type="incident")


def _rows():
    return [
        _incident("2020-02-03", 19), _incident("2020-02-10", 7, place="Ariha"),
        _incident("2020-02-11", 4, place="Aleppo", adm1="Aleppo"), _incident("2020-03-02", 5),
        _incident("2020-02-10", 3, place="Ariha", population="children"),  # a subset of the Ariha strike
        _incident("2020-02-20", 2, place="Sarmin", population="children"),  # told of alone
        dict(BASE, date="2020-02-29", value=60, place="Idleb", period_start="2020-02-01", count_type="period",
             publisher="OCHA", claim_id="february-total"),
    ]


def _tables():
    claims, reports = tables(_rows())
    claims.loc[claims["claim_id"] == "february-total", "period_end"] = "2020-02-29"
    figures = reconcile(claims, reports).figures
    events = reconcile_events(claims, reports, SourceBook([]))
    return figures, events


def test_a_period_total_stands_beside_the_sum_of_its_events_inside_its_place_and_span():
    figures, events = _tables()
    total, counted = figure_sums(figures, events)
    february = figures.index[figures["period_start"] == "2020-02-01"][0]
    assert (total[february], counted[february]) == (26, 2)  # Saraqib 19 and Ariha 7; not Aleppo, not March


def test_each_month_of_each_governorate_sums_its_events_beside_the_reported_total():
    figures, events = _tables()
    months = monthly_sums(events, figures).set_index(["adm1", "month"])
    assert months.loc[("Idleb", "2020-02"), "best"] == 19 + 7 + 2  # the Ariha children are inside its 7
    assert months.loc[("Idleb", "2020-02"), "reported_best"] == 60
    assert months.loc[("Aleppo", "2020-02"), "best"] == 4 and pd.isna(months.loc[("Aleppo", "2020-02"), "reported_best"])
    assert months.loc[("Idleb", "2020-03"), "events"] == 1


def test_stocks_get_no_sum():
    figures, events = _tables()
    stock = pd.DataFrame([dict(figures.iloc[0], period_start=None, count_type="stock")])
    total, counted = figure_sums(stock, events)
    assert total.isna().all() and counted.isna().all()
