"""English: its words, numbers, grammar of figures, credits, dates and places.

English is read by rules of its own, richer than the window rules French
and Arabic share (window.py): counts carried across sentences, single
victims, count types and event dates (reading.py).
"""
from __future__ import annotations

from pipeline.extract.en.reading import read
from pipeline.extract.language import Language

LANGUAGE = Language("en", "English", read)
