"""Where a run reads raw reports and writes releases."""
from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

RAW_ENV, OUT_ENV, OVERRIDES_ENV = "CRISIS_FIGURES_RAW", "CRISIS_FIGURES_OUT", "CRISIS_FIGURES_OVERRIDES"


class PipelineSettings(dg.ConfigurableResource):
    """Folders of one deployment; relative paths are read from the working folder."""

    raw_dir: str = "data/raw"
    out_dir: str = "data/published"
    overrides: str = "data/overrides.yaml"

    @classmethod
    def from_environment(cls) -> "PipelineSettings":
        return cls(raw_dir=os.environ.get(RAW_ENV, "data/raw"), out_dir=os.environ.get(OUT_ENV, "data/published"),
                   overrides=os.environ.get(OVERRIDES_ENV, "data/overrides.yaml"))

    @property
    def raw_path(self) -> Path:
        return Path(self.raw_dir)

    @property
    def out_path(self) -> Path:
        return Path(self.out_dir)

    @property
    def overrides_path(self) -> Path:
        return Path(self.overrides)
