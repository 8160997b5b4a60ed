"""Memory a step has freed, handed back to the system before the next step starts.

`figures run` executes every step in one process, one after another. A step
that built and freed a large table leaves the freed memory with the
allocators, which keep it for reuse: glibc's heap for Python objects and
pandas/numpy buffers, Arrow's pool for Arrow buffers. The process's resident
memory then stays at the step's high-water mark, and the next step adds its
own on top (at 100,000 reports the release step started on about 1.1 GB the
figures step had already freed). ``give_back_freed_memory`` asks both
allocators to return what they hold unused; it frees nothing still in use.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc

import pyarrow as pa


def _glibc_trim():
    """glibc's ``malloc_trim``, or None where the C library is not glibc."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _glibc_trim()


def give_back_freed_memory() -> None:
    """Collect unreachable objects, then return the allocators' unused memory to the system."""
    gc.collect()
    pa.default_memory_pool().release_unused()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
