"""The Dagster code location: `dagster dev` from the repository root loads this."""
from __future__ import annotations

import dagster as dg

from pipeline.orchestration import assets
from pipeline.orchestration.automation import daily_release, new_raw_files, publish_release_job
from pipeline.orchestration.checks import CHECKS
from pipeline.orchestration.event_checks import EVENT_CHECKS
from pipeline.orchestration.settings import PipelineSettings
from pipeline.orchestration.storage import ParquetFolderIOManager
from pipeline.progress import SILENT, Progress


def build_definitions(settings: PipelineSettings, progress: Progress = SILENT) -> dg.Definitions:
    """The assets, checks, job, schedule and sensor; ``progress`` hears how far each step has got."""
    return dg.Definitions(
        assets=[assets.reports, assets.claims, assets.events, assets.figures, assets.release],
        asset_checks=[*CHECKS, *EVENT_CHECKS],
        jobs=[publish_release_job],
        schedules=[daily_release],
        sensors=[new_raw_files],
        resources={"settings": settings, "io_manager": ParquetFolderIOManager(), "progress": progress},
    )


defs = build_definitions(PipelineSettings.from_environment())
