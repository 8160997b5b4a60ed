"""Where a run reads raw reports and writes releases."""
from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

RAW_ENV, OUT_ENV, OVERRIDES_ENV = "CRISIS_FIGURES_RAW", "CRISIS_FIGURES_OUT", "CRISIS_FIGURES_OVERRIDES"
SCHEDULER_ENV = "FIGURES_DASK_SCHEDULER"


class PipelineSettings(dg.ConfigurableResource):
    """Folders of one deployment, and where the per-report work runs.

    Relative paths are read from the working folder. ``workers`` 0 means every
    core; ``scheduler`` (a Dask scheduler address) sends the per-report work to
    that cluster instead, ``batch_size`` reports per task; ``rebuild`` ignores the
    extraction cache, which lives in ``cache_dir`` (default: ``extraction_cache``
    in the Dagster instance's storage).
    """

    raw_dir: str = "data/raw"
    out_dir: str = "data/published"
    overrides: str = "data/overrides.yaml"
    workers: int = 0
    scheduler: str = ""
    rebuild: bool = False
    cache_dir: str = ""
    batch_size: int = 250

    @classmethod
    def from_environment(cls) -> "PipelineSettings":
        return cls(raw_dir=os.environ.get(RAW_ENV, "data/raw"), out_dir=os.environ.get(OUT_ENV, "data/published"),
                   overrides=os.environ.get(OVERRIDES_ENV, "data/overrides.yaml"),
                   scheduler=os.environ.get(SCHEDULER_ENV, ""))

    @property
    def raw_path(self) -> Path:
        return Path(self.raw_dir)

    @property
    def out_path(self) -> Path:
        return Path(self.out_dir)

    @property
    def overrides_path(self) -> Path:
        return Path(self.overrides)
