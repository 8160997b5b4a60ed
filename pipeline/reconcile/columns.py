"""Small column operations the reconciliation is built from, in numpy.

Range joins are done by sorting one side and finding, for each row of the
other, the contiguous run of rows it joins with (``np.searchsorted``); the
pairs are then laid out with ``expand``. The work is proportional to the pairs
produced, never to the product of the two sides.

Every join of the reconciliation is of this one kind (same series or area, a
day within a range), and the rest is sorting and grouping of integer columns,
so numpy does it all on one core in seconds for a million claims; DuckDB,
which could run the same joins as SQL, stays a test dependency.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

import numpy as np

Columns = dict[str, np.ndarray]  # a table as named numpy columns of equal length

# Keys pack a group number and a day into one int64: group * DAY_SPAN + day.
DAY_SPAN = 1 << 22  # days (counted from 1800) fit: about 11,000 years


def packed(group: np.ndarray, day: np.ndarray) -> np.ndarray:
    return np.asarray(group, dtype=np.int64) * DAY_SPAN + np.asarray(day, dtype=np.int64)


def expand(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For ranges [lo, hi): (index of the range, position in it) for every position."""
    counts = np.maximum(np.asarray(hi, dtype=np.int64) - np.asarray(lo, dtype=np.int64), 0)
    owner = np.repeat(np.arange(len(counts)), counts)
    offsets = np.cumsum(counts) - counts
    position = np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(offsets - lo, counts)
    return owner, position


def firsts(*keys: np.ndarray) -> np.ndarray:
    """In rows sorted by ``keys``, whether each row opens a new group."""
    length = len(keys[0])
    first = np.zeros(length, dtype=bool)
    if length:
        first[0] = True
        for key in keys:
            first[1:] |= key[1:] != key[:-1]
    return first


def order(*keys: np.ndarray) -> np.ndarray:
    """Row order sorting by the keys, the first key first; ties keep their order.

    Integer keys whose ranges together fit in 63 bits are packed into one int64 and
    sorted once, several times faster than ``np.lexsort`` over separate keys.
    """
    keys = [np.asarray(key) for key in keys]
    if all(key.dtype.kind in "biu" for key in keys) and len(keys[0]):
        lows = [int(key.min()) for key in keys]
        spans = [int(key.max()) - low + 1 for key, low in zip(keys, lows)]
        if np.prod([float(span) for span in spans]) < 2.0 ** 62:
            packed_key = np.zeros(len(keys[0]), dtype=np.int64)
            for key, low, span in zip(keys, lows, spans):
                packed_key = packed_key * span + (key.astype(np.int64) - low)
            return np.argsort(packed_key, kind="stable")
    return np.lexsort(tuple(reversed(keys)))


def overlapping(key: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """A number for each row, shared by the rows of one key whose [first, last] windows overlap,
    directly or through others (rows sorted by window start; a row opens a new cluster when
    it starts after every window before it has ended)."""
    if not len(key):
        return np.zeros(0, dtype=np.int64)
    o = order(key, first)
    reach = np.maximum.accumulate(packed(key[o], last[o]))  # each key's latest window end so far
    opens = np.r_[True, packed(key[o], first[o])[1:] > reach[:-1]]
    cluster = np.empty(len(key), dtype=np.int64)
    cluster[o] = np.cumsum(opens) - 1
    return cluster


def reduce_by(ufunc, owner: np.ndarray, values: np.ndarray, owners: int, empty) -> np.ndarray:
    """``ufunc`` (np.minimum, np.maximum) over the values of each owner 0..owners-1, for
    ``owner`` sorted; ``empty`` where an owner has none."""
    result = np.full(owners, empty, dtype=np.result_type(values, type(empty)))
    if len(owner):
        starts = np.flatnonzero(firsts(owner))
        result[owner[starts]] = ufunc.reduceat(values, starts)
    return result


def best_of(owner: np.ndarray, owners: int, *criteria: tuple) -> np.ndarray:
    """For each owner (``owner`` sorted), the index of its row that is best by the
    ``criteria`` in turn, each a (values, np.maximum or np.minimum) pair; -1 where it
    has no rows. The last criterion must single out one row."""
    rows = np.arange(len(owner))
    for values, better in criteria:
        values = values[rows]
        best = reduce_by(better, owner[rows], values, owners, 0)
        rows = rows[values == best[owner[rows]]]
    result = np.full(owners, -1, dtype=np.int64)
    result[owner[rows]] = rows
    return result


def lists(owner: np.ndarray, values: np.ndarray, owners: int) -> list[list]:
    """``values`` gathered into one list per owner 0..owners-1 (``owner`` sorted)."""
    values = np.asarray(values, dtype=object)
    bounds = np.searchsorted(owner, np.arange(owners + 1)).tolist()
    return [values[start:stop].tolist() for start, stop in zip(bounds[:-1], bounds[1:])]  # no flat list besides


def take(columns: Columns, rows: np.ndarray) -> Columns:
    """The given rows of every column."""
    return {name: column[rows] for name, column in columns.items()}


@contextmanager
def collector_paused():
    """Pause Python's cycle collector while hundreds of thousands of small lists and
    strings are made. They hold no reference cycles, yet each allocation burst makes
    the collector walk every object made so far, which costs more than making them.
    Reference counting frees memory as usual meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
