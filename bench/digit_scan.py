"""The baseline of bench/extraction_speed.py: read every file under a folder and find its digit runs.

A plain Python `re.findall(r"\\d[\\d,.]*")` over each file's text, files in path
order, printing the count; the floor any extractor reading the same files has
to stand on.
Run: python bench/digit_scan.py DIR
"""
from __future__ import annotations

import os
import re
import sys

DIGITS = re.compile(r"\d[\d,.]*")


def main() -> int:
    runs = 0
    for root, folders, names in os.walk(sys.argv[1]):
        folders.sort()
        for name in sorted(names):
            with open(os.path.join(root, name), encoding="utf-8") as handle:
                runs += len(DIGITS.findall(handle.read()))
    print(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
