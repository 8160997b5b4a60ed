"""Steps of one run share a process: what a step freed goes back to the system before the next."""
import os
from pathlib import Path

import pytest

from pipeline.orchestration import memory

STATM = Path("/proc/self/statm")


def resident_bytes() -> int:
    return int(STATM.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(memory._MALLOC_TRIM is None or not STATM.is_file(), reason="needs glibc on Linux")
def test_memory_a_step_freed_among_what_it_keeps_is_returned():
    blocks = [bytes(4000) + bytes([i % 256]) for i in range(50_000)]  # about 200 MB, one malloc each
    kept = blocks[::50]  # survivors scattered through the heap keep the allocator from trimming it itself
    del blocks
    held = resident_bytes()
    memory.give_back_freed_memory()
    assert held - resident_bytes() > 100 * 2**20
    assert all(block[:4000] == bytes(4000) for block in kept)  # what is still in use is untouched
