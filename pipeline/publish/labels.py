"""Words for people in place of the codes the tables hold.

The tables keep their codes (``killed``, ``civilians``, ``MEDIUM_TO_HIGH``,
``at_least``): they are what programs filter on. The changelog and the release
page are read by people, so every code they show passes through here:
a figure is named as a person would write it ("Civilians killed in Idleb",
"Refugees in Turkey", "People displaced in northwest Syria since
2019-12-01"), and any other code is written in plain lower-case words
("medium to high", "at least").
"""
from __future__ import annotations

# What each metric says about the people counted, after their noun: "civilians killed".
# Refugees are a noun of their own: "refugees", "refugee children".
AFTER_POPULATION = {"killed": "killed", "injured": "injured", "displaced": "displaced", "returned": "who returned",
                    "missing": "missing", "detained": "detained"}
REFUGEES = "refugees"
ANYONE = ("people", "civilians")  # populations a refugee count names no further: "refugees"


def plain(code: object) -> str:
    """A code in plain words: ``MEDIUM_TO_HIGH`` -> "medium to high", ``at_least`` -> "at least"."""
    return " ".join(str(code).replace("_", " ").split()).lower()


def counted(metric: str, population: str) -> str:
    """Who was counted and what befell them, capitalised: "Civilians killed", "Refugee children"."""
    if metric == REFUGEES:
        words = REFUGEES if population in ANYONE else f"refugee {plain(population)}"
    elif metric in AFTER_POPULATION:
        words = f"{plain(population)} {AFTER_POPULATION[metric]}"
    else:  # a metric without a phrase of its own still reads as words
        words = f"{plain(population)}: {plain(metric)}"
    return words[:1].upper() + words[1:]


def quantity(metric: str, population: str, location: str, period_start: str | None) -> str:
    """A series as a sentence names it: "People displaced in northwest Syria since 2019-12-01"."""
    since = f" since {period_start}" if period_start else ""
    return f"{counted(metric, population)} in {location}{since}"


def figure(metric: str, population: str, location: str, period_start: str | None, as_of: str) -> str:
    """A figure: its series and the day it stands at."""
    return f"{quantity(metric, population, location, period_start)}, as of {as_of}"



def event(metric: str, population: str, location: str, event_date: str) -> str:
    """An event: who was counted and what befell them, where and when ("Civilians killed in Saraqib on 2020-01-15")."""
    return f"{counted(metric, population)} in {location} on {event_date}"
