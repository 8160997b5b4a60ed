"""Values read once, when first asked for: what the sentences of one report share (its countries, its lead
place, who the names it credits are), and what the places of one sentence share.

Built for every report and sentence, so cheaper to build than ``functools.cache`` over a ``partial``,
which copies the wrapped function's attributes each time.
"""
from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")
K = TypeVar("K")


class Once(Generic[T]):
    """``read(*args)``, called on the first call and kept for the later ones."""

    __slots__ = ("_read", "_args", "_value", "_done")

    def __init__(self, read: Callable[..., T], *args: Any):
        self._read, self._args, self._value, self._done = read, args, None, False

    def __call__(self) -> T:
        if not self._done:
            self._value, self._done = self._read(*self._args), True
        return self._value


class PerKey(dict, Generic[K, T]):
    """``read(*args, key)`` for each key, called the first time that key is asked for."""

    def __init__(self, read: Callable[..., T], *args: Any):
        super().__init__()
        self._read, self._args = read, args

    def __missing__(self, key: K) -> T:
        value = self[key] = self._read(*self._args, key)
        return value

    __call__ = dict.__getitem__
