"""One series as an inline SVG chart: best over time, the low-high band, every claim.

Drawn with matplotlib's SVG backend. Why matplotlib: it is the most widely
kept plotting library for Python, draws in-process with no browser or
JavaScript runtime (Altair needs vl-convert, a bundled Deno, ~100 MB), and
its date and number tick locators handle series from days to years. Its
SVG output is made deterministic here:

- ``svg.hashsalt`` is fixed per chart (derived from the series), so the ids
  matplotlib writes are the same on every run and differ between the charts
  of one page (several inline SVGs share one id space);
- ``metadata={"Date": None, "Creator": None}`` drops the clock time and the
  library banner;
- ``svg.fonttype = "none"`` keeps labels as text (small, selectable, drawn
  in the page's font), not glyph outlines.

The chart holds numbers and dates only: no text from reports reaches the
SVG, so nothing in it needs escaping. Marker shapes, not only colours, tell
grades apart (a reader without colour vision, or a grey printout, still can).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

import numpy as np

# Marker and colour per grade of the claim's source; disputing claims (denials
# and parties to the conflict) are a cross whatever their grade.
GRADE_STYLE = {
    "HIGH": {"marker": "o", "color": "#1a6b3c"},
    "MEDIUM": {"marker": "s", "color": "#c26a00"},
    "LOW": {"marker": "^", "color": "#8a2432"},
}
UNGRADED_STYLE = {"marker": "D", "color": "#555555"}
DISPUTE_STYLE = {"marker": "X", "color": "#b00020"}
LINE_COLOR = "#1f3b73"
BAND_COLOR = "#9db4e0"
CONFLICT_COLOR = "#b00020"
SIZE_INCHES = (5.6, 3.1)
VALUE_CELLS = 250  # claims are drawn once per date and 1/250 of the value axis: under a pixel of the plot
FONT_SIZE = 11
# Each date tick reads as a date on its own, at the scale the locator chose: years ("2020"), months
# ("Sep 2019") or days ("29 Jan", "5 Feb"). ConciseDateFormatter's own formats print a day as its
# bare number ("29 Feb 05 09 13") and leave month and year to an offset label beside the axis;
# the page writes a series' first and last dates above its chart instead. Ticks fall on whole days
# (a short series gets a tick per day), so the formatter's finer levels (hours, minutes, seconds)
# never show; they are listed because it takes six.
TICK_FORMATS = ["%Y", "%b %Y", "%-d %b", "%H:%M", "%H:%M", "%S.%f"]
MIN_TICKS = 3


@dataclass(frozen=True)
class Point:
    """A figure of the series: its date and bounds (high None: open above)."""

    as_of: str
    low: int
    best: int
    high: int | None
    conflict: bool


@dataclass(frozen=True)
class ClaimPoint:
    """A claim plotted at the date it stands at, marked by its source's grade."""

    as_of: str
    value: int
    high: int | None
    grade: str
    disputes: bool


def _count(value: float, _position: object = None) -> str:
    """Axis numbers short and exact enough: 950, 12k, 1.5M."""
    value = abs(value)
    if value >= 1_000_000:
        return f"{value / 1_000_000:.3g}M"
    if value >= 10_000:
        return f"{value / 1_000:.3g}k"
    return f"{value:,.0f}"


def _days(dates: list[str]) -> np.ndarray:
    """ISO dates as matplotlib's date numbers (days since 1970-01-01)."""
    return np.array(dates, dtype="datetime64[D]").astype(np.float64)


def _style(claim: ClaimPoint) -> dict:
    return DISPUTE_STYLE if claim.disputes else GRADE_STYLE.get(claim.grade, UNGRADED_STYLE)


def _once_per_cell(marks: list[tuple], step: float) -> list[tuple]:
    """Marks ``(group, as_of, value, ...)`` with one kept per group, date and ``step`` of value (the smallest).

    A step is under a pixel of the plot's height: marks in one cell are drawn on top of each other, so
    drawing one of them shows the same chart, and a chart's size is bounded by its dates, not its claims.
    """
    kept: dict[tuple, tuple] = {}
    for mark in sorted(marks):
        group, as_of, *values = mark
        kept.setdefault((group, as_of, *(None if v is None else int(v // step) for v in values)), mark)
    return list(kept.values())


def _draw(axes, points: list[Point], claims: list[ClaimPoint], step: float) -> None:
    """Band, best line and marks, then the claims: one artist per marker style, each cell of the plot once."""
    dates = _days([p.as_of for p in points])
    tops = [p.best if p.high is None else p.high for p in points]
    axes.fill_between(dates, [p.low for p in points], tops, color=BAND_COLOR, alpha=0.55, linewidth=0,
                      label="low-high")
    axes.plot(dates, [p.best for p in points], color=LINE_COLOR, linewidth=2, marker="o", markersize=3.5,
              label="best", zorder=3)
    open_above = [p for p in points if p.high is None]
    if open_above:
        axes.plot(_days([p.as_of for p in open_above]), [p.best for p in open_above], linestyle="none",
                  marker=2, markersize=14, markeredgewidth=2.2, color=LINE_COLOR, zorder=4)  # tick up: open above
    ranges = _once_per_cell([(_style(c)["color"], c.as_of, c.value, c.high) for c in claims
                             if c.high is not None and c.high != c.value], step)
    for color in sorted({color for color, *_ in ranges}):
        mine = [(as_of, low, high) for other, as_of, low, high in ranges if other == color]
        axes.vlines(_days([as_of for as_of, _, _ in mine]), [low for _, low, _ in mine], [high for _, _, high in mine],
                    color=color, linewidth=1.2, zorder=4)
    marks = _once_per_cell([((c.disputes, c.grade if c.grade in GRADE_STYLE else ""), c.as_of, c.value)
                            for c in claims], step)
    for disputes, grade in sorted({group for group, _, _ in marks}):
        style = DISPUTE_STYLE if disputes else GRADE_STYLE.get(grade, UNGRADED_STYLE)
        mine = [(as_of, value) for group, as_of, value in marks if group == (disputes, grade)]
        axes.plot(_days([as_of for as_of, _ in mine]), [value for _, value in mine], linestyle="none",
                  marker=style["marker"], markersize=7, clip_on=False, markeredgewidth=1.6,
                  markeredgecolor=style["color"], markerfacecolor=style["color"] if disputes else "white", zorder=5)
    conflicts = [p for p in points if p.conflict]
    if conflicts:
        axes.plot(_days([p.as_of for p in conflicts]), [p.best for p in conflicts], linestyle="none",
                  marker="o", markersize=16, markerfacecolor="none", markeredgecolor=CONFLICT_COLOR,
                  markeredgewidth=2, zorder=6)


def _ceiling(points: list[Point], claims: list[ClaimPoint]) -> float:
    """The top of the value axis: room above the highest value for its marker and open-above tick."""
    values = [v for p in points for v in (p.best, p.high) if v is not None]
    values += [v for c in claims for v in (c.value, c.high) if v is not None]
    return max(max(values, default=0) * 1.12, 1)


def svg_matplotlib() -> None:
    """Import matplotlib with its SVG backend. Charts import it when they are drawn, not when this module
    is imported: it costs a third of a second, which every run would pay before its first step."""
    import matplotlib

    matplotlib.use("svg", force=False)  # no GUI backend is ever needed here


def _style_axes(axes, ceiling: float, days: float) -> None:
    """Axes of a series spanning ``days``: a tick per day for a short one, else 3 to 6 at round dates."""
    from matplotlib import dates as mdates
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if days < MIN_TICKS:
        locator = mdates.DayLocator()
    else:
        # up to 7 ticks a half-year apart: about three years fit neither yearly ticks (too few) nor
        # 6 half-yearly ones, where matplotlib would otherwise warn and fall back to half-years itself
        locator = mdates.AutoDateLocator(minticks=MIN_TICKS, maxticks={
            mdates.YEARLY: 6, mdates.MONTHLY: 7, mdates.DAILY: 6, mdates.HOURLY: 6, mdates.MINUTELY: 6,
            mdates.SECONDLY: 6, mdates.MICROSECONDLY: 6})
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(
        locator, formats=TICK_FORMATS, zero_formats=TICK_FORMATS, show_offset=False))
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(_count))
    axes.margins(x=0.04)
    axes.set_ylim(0, ceiling)
    axes.grid(axis="y", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


PROLOG = re.compile(r"\A.*?(?=<svg)", re.S)  # XML declaration, DOCTYPE: not for inline SVG
METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def series_svg(chart_id: str, points: list[Point], claims: list[ClaimPoint]) -> str:
    """The chart as an ``<svg>`` element to inline in HTML; same input, same bytes."""
    svg_matplotlib()
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    settings = {"svg.hashsalt": chart_id, "svg.id": chart_id, "svg.fonttype": "none",
                "font.size": FONT_SIZE, "font.family": "sans-serif",
                "font.sans-serif": ["DejaVu Sans"], "axes.unicode_minus": False}
    with rc_context(settings):
        figure = Figure(figsize=SIZE_INCHES, dpi=100, layout="constrained")
        axes = figure.subplots()
        ceiling = _ceiling(points, claims)
        _draw(axes, points, claims, ceiling / VALUE_CELLS)
        dates = _days([p.as_of for p in points])
        _style_axes(axes, ceiling, float(dates.max() - dates.min()) if len(dates) else 0.0)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = METADATA.sub("", PROLOG.sub("", buffer.getvalue(), count=1), count=1)
    # Screen readers read the table beside the chart, which holds the same numbers.
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
