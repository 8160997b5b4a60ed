"""Deaths per month per governorate, from the events table's monthly sums, as an inline SVG.

Stacked bars, one per month, a colour per first-level admin area: the areas
with the most deaths each have their own, the rest share one ("other areas").
Drawn as ``chart.py`` draws series, with the same deterministic SVG settings.
Area names come from our gazetteers, never from report text.
"""
from __future__ import annotations

import io

import numpy as np
import pandas as pd
from pipeline.publish.page.chart import FONT_SIZE, METADATA, PROLOG, _count, svg_matplotlib

AREA_COLOURS = ["#1f3b73", "#c26a00", "#1a6b3c", "#8a2432", "#6a4c93", "#2a8c8c"]  # told apart in grey too
OTHER_COLOUR = "#9a9a9a"
OTHER_AREAS = "other areas"
SIZE_INCHES = (7.2, 3.4)
MONTH_TICKS = 8


def monthly_deaths(months: pd.DataFrame) -> pd.DataFrame:
    """Deaths (sum of events' best) per month (rows, every month between the first and the last)
    and area (columns, the largest first, the rest summed as ``OTHER_AREAS``)."""
    killed = months[months["metric"] == "killed"]
    if killed.empty:
        return pd.DataFrame()
    table = killed.pivot_table(index="month", columns="adm1", values="best", aggfunc="sum", fill_value=0)
    first, last = pd.Period(table.index.min(), "M"), pd.Period(table.index.max(), "M")
    table = table.reindex(pd.period_range(first, last, freq="M").strftime("%Y-%m"), fill_value=0)
    ranked = table.sum().sort_values(ascending=False, kind="stable")
    ranked = ranked.reindex(sorted(ranked.index, key=lambda area: (-ranked[area], area)))
    shown = list(ranked.index[:len(AREA_COLOURS)])
    result = table[shown]
    rest = table.drop(columns=shown)
    if not rest.empty:
        result = result.assign(**{OTHER_AREAS: rest.sum(axis=1)})
    return result


def _month_labels(months: list[str]) -> list[str]:
    """'Jul' for a month, with its year below it at the first tick and at each new year."""
    labels, year = [], None
    for month in months:
        period = pd.Period(month, "M")
        labels.append(period.strftime("%b") + (f"\n{period.year}" if period.year != year else ""))
        year = period.year
    return labels


def events_svg(months: pd.DataFrame) -> str | None:
    """The chart as an ``<svg>`` element (same input, same bytes), or None with no deaths to draw."""
    deaths = monthly_deaths(months)
    if deaths.empty:
        return None
    svg_matplotlib()
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    settings = {"svg.hashsalt": "events-by-month", "svg.id": "events-by-month", "svg.fonttype": "none",
                "font.size": FONT_SIZE, "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"],
                "axes.unicode_minus": False}
    with rc_context(settings):
        figure = Figure(figsize=SIZE_INCHES, dpi=100, layout="constrained")
        axes = figure.subplots()
        positions = np.arange(len(deaths))
        bottom = np.zeros(len(deaths))
        for number, area in enumerate(deaths.columns):
            colour = OTHER_COLOUR if area == OTHER_AREAS else AREA_COLOURS[number]
            axes.bar(positions, deaths[area].to_numpy(), bottom=bottom, color=colour, width=0.8, label=str(area))
            bottom += deaths[area].to_numpy()
        step = max(1, int(np.ceil(len(deaths) / MONTH_TICKS)))
        ticks = positions[::step]
        axes.set_xticks(ticks, _month_labels(list(deaths.index[::step])))
        axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        axes.yaxis.set_major_formatter(FuncFormatter(_count))
        axes.set_ylabel("deaths counted in events")
        axes.grid(axis="y", color="#dddddd", linewidth=0.8)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=FONT_SIZE - 1, frameon=False,
                    reverse=True)  # top to bottom as the bars stack
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = METADATA.sub("", PROLOG.sub("", buffer.getvalue(), count=1), count=1)
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
