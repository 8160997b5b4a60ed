"""People estimates of figures counted in households, as IDMC's Helix converts them.

A figure of "2,000 families displaced" stays a count of households (figures
never mix units); beside it stand ``household_size``, the average size of a
household in the figure's country from the cited table in
``schemas/household_sizes.yaml``, its source, and ``people_estimate``, best
times that size, rounded. Where the table has no cited size for the country
(Syria, among others), the estimate stays empty rather than guessed.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from schemas.reference import household_size


def people_estimates(unit: np.ndarray, adm0: np.ndarray, best: np.ndarray) -> dict[str, pd.Series]:
    """``people_estimate``, ``household_size`` and ``household_size_source`` of each figure; empty for
    a count of people and where no size is cited. Each country's size is looked up once."""
    households = pd.Series(unit, dtype=object) == "households"
    countries = pd.Series(adm0, dtype=object).where(households)
    sizes = {country: household_size(country) for country in countries.dropna().unique()}
    size = countries.map(lambda country: sizes[country].size if sizes.get(country) else np.nan).astype(float)
    source = countries.map(lambda country: (f"{sizes[country].source}, {sizes[country].year} ({sizes[country].url})"
                                            if sizes.get(country) else None))
    estimate = pd.Series(np.round(np.asarray(best, dtype=float) * size.to_numpy()), dtype="Float64").astype("Int64")
    return {"people_estimate": estimate, "household_size": size,
            "household_size_source": source.astype(object).where(source.notna(), None)}
